'use client';

// Unstyled on purpose: the root layout and its stylesheet are gone when this shows, the policy allows
// no inline styles, and a stylesheet imported here would be preloaded by every page of the site.

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body>
        <main>
          <h1>Something went wrong</h1>
          <p>The site could not be shown just now. Please try again in a moment.</p>
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
