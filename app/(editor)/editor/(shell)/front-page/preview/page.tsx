import { redirect } from 'next/navigation';

import { subscribeAction } from '@/app/(site)/newsletter/actions';
import { ActionForm } from '@/components/forms/action-form';
import { HomeView } from '@/components/home-view';
import { requireUser } from '@/lib/auth/session';
import { getSite, homePage, readArticlesNow } from '@/lib/content';
import { formFromQuery, formValues } from '@/lib/front-page/schema';
import { checkLayout } from '@/lib/front-page/service';
import { routes } from '@/lib/routes';

import { saveFrontPageAction } from '../../actions/front-page';

export const metadata = { title: 'Front page preview' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The layout comes in the address (the form's GET), so a preview saves nothing and needs no
// JavaScript; the newsroom's pages are private and never cached, this one with them.
export default async function FrontPagePreview({ searchParams }: Props) {
  await requireUser('front-page:manage');
  const now = new Date();
  const query = await searchParams;
  const form = formFromQuery(query);
  // The form's GET also carries the fields React adds for its action: the preview's own address has only the layout.
  if (form && Object.keys(query).length !== Object.keys(formValues(form)).length) redirect(routes.editor.frontPagePreview(formValues(form)));
  const [site, articles] = await Promise.all([getSite(), readArticlesNow()]);
  const checked = form ? checkLayout(form, articles, site, now) : null;
  const back = routes.editor.frontPage(form ? formValues(form) : {});
  if (!form || !checked?.ok) {
    return (
      <>
        <h1>Front page preview</h1>
        <p role="alert">{checked && !checked.ok ? checked.error : 'This preview’s address is not one the front page’s form makes.'}</p>
        <p>
          <a href={back}>Back to the front page’s form</a>
        </p>
      </>
    );
  }
  const chosen: string[] = [];
  for (const slot of checked.slots) chosen[slot.position] = slot.articleSlug;
  const home = homePage(articles, chosen)!;
  return (
    <>
      <h1>Front page preview</h1>
      <div className="inline-form" role="region" aria-label="Preview actions">
        <p>This is the front page as your layout would make it. Nothing is live yet.</p>
        <ActionForm action={saveFrontPageAction} submitLabel="Put live" pendingLabel="Putting live…" className="inline-form">
          {Object.entries(formValues(form)).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
        </ActionForm>
        <a href={back}>Change the layout</a>
      </div>
      <div className="front-page-preview">
        <HomeView site={site} lead={home.lead} featured={home.featured} latest={home.latest} subscribe={subscribeAction} />
      </div>
    </>
  );
}
