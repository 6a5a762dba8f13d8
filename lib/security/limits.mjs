// Request body limits, shared by next.config.mjs (which tells Next.js) and proxy.ts (which answers
// an oversized server-action post with a 413 before Next.js would answer it with a 500).

const MB = 1024 * 1024;

// An upload may be 10 MB (lib/media/store.ts MAX_UPLOAD_BYTES); the form around it adds its other
// fields and the multipart boundaries.
export const ACTION_BODY_LIMIT_BYTES = 11 * MB;
// proxy.ts sees request bodies that Next buffers for it, cut silently at this size. Kept above the
// action limit, so an oversized post is seen as oversized rather than as a form cut short.
export const PROXY_BODY_LIMIT_BYTES = 12 * MB;
// Outside the newsroom's signed-in sessions no form carries a file: a sign-up or a search is a few
// hundred bytes. Bodies over this are refused before they are read, so anonymous posts cannot make
// the proxy hold megabytes.
export const PUBLIC_ACTION_BODY_LIMIT_BYTES = 64 * 1024;
