import 'server-only';

import { listAuthorProfiles } from '@/db/queries/author-profiles';
import type { DraftRecord } from '@/db/queries/drafts';
import type { DraftContent } from '@/db/schema';
import type { ConflictSummary } from '@/lib/actions/result';
import { getSite } from '@/lib/content';
import { formatTime } from '@/lib/dates/format';

import { changedFields, FIELD_LABELS, fieldText } from './changes';

/** What someone else saved first, field by field beside what this writer typed. */
export async function conflictSummary(mine: DraftContent, theirs: DraftRecord): Promise<ConflictSummary> {
  const names = new Map((await listAuthorProfiles()).map((person) => [person.id, person.name]));
  return {
    currentVersion: theirs.version,
    changedBy: theirs.updatedByName,
    changedAt: formatTime(theirs.updatedAt, await getSite()),
    fields: changedFields(mine, theirs).map((field) => ({ label: FIELD_LABELS[field], mine: fieldText(mine, field, names), theirs: fieldText(theirs, field, names) })),
  };
}
