import { FrontPageForm, type StoryOption } from '@/components/editor/front-page-form';
import { FrontPagePositions } from '@/components/editor/front-page-positions';
import type { Article, Site } from '@/lib/content';
import { formatDate } from '@/lib/dates/format';
import { frontPageOverview } from '@/lib/front-page/overview';
import { formValues, type FrontPageForm as Form } from '@/lib/front-page/schema';
import { routes } from '@/lib/routes';

import { saveFrontPageAction } from '../actions/front-page';

/** How many of the newest stories the form offers (a chosen older one is offered as well). */
const OFFERED = 60;

type Props = { site: Site; articles: Article[]; now: Date; returned: Form | null };

/** The front page's positions: what each shows now, and the form that changes them. */
export async function LayoutSection({ site, articles, now, returned }: Props) {
  const overview = await frontPageOverview(articles, site.timeZone, now);
  const values = returned ? formValues(returned) : overview.form;
  const offered = new Set([...articles.slice(0, OFFERED).map((article) => article.slug), ...Object.values(values)]);
  const stories: StoryOption[] = articles
    .filter((article) => offered.has(article.slug))
    .map((article) => ({ slug: article.slug, label: `${article.title} (${formatDate(article.published, site)})` }));
  const basedOn = returned ? returned.basedOn : (overview.version?.toISOString() ?? '');
  return (
    <section aria-labelledby="front-layout">
      <h2 id="front-layout">Lead and featured stories</h2>
      <p>
        Each position shows a story you choose, or is automatic: the newest featured stories, newest first, never one shown in another position. A pinned story goes back to
        automatic by itself at its time. Everything else is under “Latest”.
      </p>
      <h3>Now on the front page</h3>
      <FrontPagePositions positions={overview.positions} site={site} />
      <h3>Change the layout</h3>
      {returned ? <p>Showing the layout you previewed; nothing is live until you put it live.</p> : null}
      <FrontPageForm action={saveFrontPageAction} previewHref={routes.editor.frontPagePreview()} stories={stories} values={values} basedOn={basedOn} timeZone={site.timeZone} />
    </section>
  );
}
