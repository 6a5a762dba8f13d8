'use server';

import { editorAction } from '@/lib/actions/editor-action';
import { postBannerSchema, takeDownSchema } from '@/lib/breaking-news/schema';
import { postBreakingNews, takeDownBreakingNews } from '@/lib/breaking-news/service';
import { tagsForBanner, tagsForFrontPage } from '@/lib/cache/changes';
import { expire } from '@/lib/cache/expire';
import { refreshPage } from '@/lib/cache/refresh';
import { getSite, readArticlesNow } from '@/lib/content';
import { formValues, frontPageFormSchema } from '@/lib/front-page/schema';
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
  if (!outcome.ok) return { ...outcome, values: formValues(form) };
  await expire(tagsForFrontPage());
  refreshPage();
  return outcome;
});
