// Why a send's remedy (retry the failed, continue a cancelled send) cannot be used: the server's
// refusal and the page's explanation in place of the button, in the same words.

export type RemedyRefusal = 'unpublished' | 'superseded' | 'live';

export const remedyRefusals: Record<RemedyRefusal, string> = {
  unpublished: 'This article is no longer published, so its newsletter cannot go on. Publish it again first.',
  superseded: 'This article was emailed again after this send, so this send cannot go on: readers of the later send would get the article twice. Use the latest send’s report.',
  live: 'Another send of this article is still going out (sending, waiting or paused). Let it finish, or cancel it, first.',
};

/** What the server would refuse a remedy of this send for, given the article's state; null when nothing. */
export function remedyRefusal(state: { published: boolean; latest: boolean; otherLive: boolean }): RemedyRefusal | null {
  if (!state.published) return 'unpublished';
  if (!state.latest) return 'superseded';
  return state.otherLive ? 'live' : null;
}
