'use server';

import { editorAction } from '@/lib/actions/editor-action';
import { postBannerSchema, takeDownSchema } from '@/lib/breaking-news/schema';
import { postBreakingNews, takeDownBreakingNews } from '@/lib/breaking-news/service';
import { tagsForBanner } from '@/lib/cache/changes';
import { expire } from '@/lib/cache/expire';
import { refreshPage } from '@/lib/cache/refresh';
import { getSite } from '@/lib/content';
import { bannerQueue } from '@/lib/jobs/banners';

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
