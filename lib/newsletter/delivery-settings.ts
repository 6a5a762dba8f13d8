/**
 * How long a claimed delivery row is its worker's. A worker that dies leaves its rows 'sending';
 * after the lease another claims them again (see lib/newsletter/delivery/worker.ts). Shared by the
 * worker and by cancelling, which leaves a live worker's rows alone for this long.
 */
export const LEASE_SECONDS = 120;
