import type { DraftStatus } from '@/db/schema';

export const DRAFT_NOT_FOUND = 'This draft does not exist, or it is not yours to open.';

export const statusLabels: Record<DraftStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  scheduled: 'Scheduled',
  published: 'Published',
};
