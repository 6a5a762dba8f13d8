// Page sizes of the public listings: the pages, their static params and proxy.ts's "does this page
// exist" all take them from here.

/** Articles per page of a category, tag or author listing. */
export const PER_PAGE = 10;
/** Articles per page of the home page's "latest" list (after the lead and featured stories). */
export const HOME_LATEST_PER_PAGE = 6;
/** Corrections per page of /corrections. */
export const CORRECTIONS_PER_PAGE = 20;
