'use server';

import { editorAction } from '@/lib/actions/editor-action';
import { postBannerSchema, takeDownSchema } from '@/lib/breaking-news/schema';
import { postBreakingNews, takeDownBreakingNews } from '@/lib/breaking-news/service';
import { tagsForBanner, tagsForFrontPage } from '@/lib/cache/changes';
import { expire } from '@/lib/cache/expire';
import { refreshPage } from '@/lib/cache/refresh';
import { getSite, readArticlesNow } from '@/lib/content';
import { BASED_ON_FIELD, formValues, frontPageFormSchema } from '@/lib/front-page/schema';
import { saveFrontPage } from '@/lib/front-page/service';
import { bannerQueue } from '@/lib/jobs/banners';
import { frontPageQueue } from '@/lib/jobs/front-page';

export const postBannerAction = editorAction('banner:manage', postBannerSchema, async (input, user) => {
  const outcome = await postBreakingNews(input, user, await getSite(), new Date(), bannerQueue);
  if (!outcome.ok) return { ...outcome, values: { text: input.text, href: input.href ?? '', expiresAt: input.expiresAt } };
  await expire(tagsForBanner());
  refreshPage();
  return outcome;
});

export const takeDownBannerAction = editorAction('banner:manage', takeDownSchema, async ({ bannerId }) => {
  const outcome = await takeDownBreakingNews(bannerId, new Date(), bannerQueue);
  if (!outcome.ok) return outcome;
  await expire(tagsForBanner());
  refreshPage();
  return outcome;
});

/** "Put live": the whole layout at once, checked against the published articles read now. */
export const saveFrontPageAction = editorAction('front-page:manage', frontPageFormSchema, async (form, user) => {
  const [site, articles] = await Promise.all([getSite(), readArticlesNow()]);
  const outcome = await saveFrontPage(form, user, articles, site, new Date(), frontPageQueue);
  // A refused layout comes back as typed, so nothing chosen is lost.
  if (!outcome.ok && outcome.current === undefined) return { ok: false, error: outcome.error, fieldErrors: outcome.fieldErrors, values: formValues(form) };
  if (!outcome.ok) {
    // Someone saved first: the page shows their layout, and the form, still the editor's, is now
    // based on theirs, so "Put live" again replaces it (without JavaScript the page renders anew).
    refreshPage();
    return { ok: false, error: outcome.error, values: { ...formValues(form), [BASED_ON_FIELD]: outcome.current?.toISOString() ?? '' } };
  }
  await expire(tagsForFrontPage());
  refreshPage();
  return outcome;
});
