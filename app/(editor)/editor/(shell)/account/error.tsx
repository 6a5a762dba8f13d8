'use client';

import { routes } from '@/lib/routes';

// The one failure here that is not answered inside the form: Next refuses a request over the upload
// limit before any of our code runs, and only a browser without the size check can send one.
export default function AccountError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Your change was not saved</h1>
      <p>If you were uploading a picture, it may be larger than the 10 MB limit: choose a smaller file and try again.</p>
      <p>
        <a href={routes.editor.account()}>Back to your account</a>
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
