import { routes } from '@/lib/routes';

/** Says loudly that this is not what readers see, and how to get back to what they see. */
export function PreviewBanner({ slug, problems }: { slug: string; problems?: string[] }) {
  return (
    <aside aria-label="Preview" style={{ background: 'var(--accent)', color: 'var(--accent-text)', padding: '0.75rem 1rem' }}>
      <p>
        <strong>Preview — not published.</strong> You are seeing the latest saved version of this draft.{' '}
        <a style={{ color: 'inherit' }} href={`/api/preview/exit?to=${encodeURIComponent(routes.article(slug))}`}>
          Leave preview
        </a>
      </p>
      {problems && problems.length > 0 ? (
        <>
          <p>This draft cannot be shown as an article yet:</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      ) : null}
    </aside>
  );
}
