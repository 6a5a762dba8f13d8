// Shared by the server's checks and the upload fields, so the browser warns at the same limits.
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MIN_IMAGE_SIDE = 200;
export const ACCEPTED_IMAGE_TYPES = 'image/jpeg,image/png,image/webp,image/avif,image/gif';
export const UPLOAD_HINT = `JPEG, PNG, WebP, AVIF or GIF, up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB, at least ${MIN_IMAGE_SIDE} pixels on each side.`;

export function tooLargeMessage(bytes: number): string {
  return `The picture is ${(bytes / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Choose a smaller file.`;
}

/** For the upload quota (UPLOAD_QUOTA_MB_PER_DAY): what was used, and what to do. */
export function overQuotaMessage(usedBytes: number, quotaMb: number): string {
  return `You have uploaded ${(usedBytes / 1024 / 1024).toFixed(1)} MB of pictures in the last 24 hours, and this one would pass the newsroom's limit of ${quotaMb} MB a day. Nothing was stored: reuse a picture you already uploaded, or try again tomorrow (an admin can raise the limit).`;
}

export const EMPTY_FILE = 'The file is empty. Choose a picture.';

/**
 * In the browser: marks a file input invalid when its file is over the limit, so the form is not
 * sent (the server would refuse it whole, losing the rest of the form), or empty, which the server
 * reads as no file chosen (lib/actions/parse-form.ts). Returns the message, if any.
 */
export function checkFileSize(input: HTMLInputElement): string | undefined {
  const file = input.files?.[0];
  const problem = !file ? undefined : file.size === 0 ? EMPTY_FILE : file.size > MAX_UPLOAD_BYTES ? tooLargeMessage(file.size) : undefined;
  input.setCustomValidity(problem ?? '');
  return problem;
}
