'use client';

// Reached only when a request fails before our code runs: the upload limit, with a browser that
// skipped the size check. Saved versions are safe; what was typed since the last save is not.
export default function DraftError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Your change was not saved</h1>
      <p>
        If you were uploading a picture, it may be larger than the 10 MB limit: choose a smaller file and try again. The last saved version of the draft is unchanged; see its
        History.
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
