import type { ArticleCorrection, Site } from '@/lib/content';
import { routes } from '@/lib/routes';

import { DateLine } from './date-line';

export const correctionKindLabels: Record<ArticleCorrection['kind'], string> = { correction: 'Correction', clarification: 'Clarification' };

/** One correction's kind, date and words, as the article, /corrections and the newsroom show it. */
export function CorrectionEntry({ correction, site }: { correction: Pick<ArticleCorrection, 'kind' | 'date' | 'text'>; site: Site }) {
  return (
    <>
      <p className="meta">
        <strong>{correctionKindLabels[correction.kind]}</strong>, <DateLine date={correction.date} site={site} withTime />
      </p>
      <p className="correction__text">{correction.text}</p>
    </>
  );
}

/** The "Corrections" box at the end of an article, newest first; nothing when it has none. */
export function ArticleCorrections({ corrections, site }: { corrections: ArticleCorrection[]; site: Site }) {
  if (corrections.length === 0) return null;
  return (
    <section aria-labelledby="corrections-heading" className="article__corrections">
      <h2 id="corrections-heading">Corrections</h2>
      <ol role="list" className="corrections-list">
        {corrections.map((correction) => (
          <li key={`${correction.date.toISOString()}-${correction.text.slice(0, 40)}`}>
            <CorrectionEntry correction={correction} site={site} />
          </li>
        ))}
      </ol>
      <p>
        <a href={routes.corrections()}>All corrections and clarifications</a>
      </p>
    </section>
  );
}
