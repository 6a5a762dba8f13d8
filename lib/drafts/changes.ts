import type { DraftContent } from '@/db/schema';

export const FIELD_LABELS: Record<keyof DraftContent, string> = {
  title: 'Title',
  slug: 'Address',
  standfirst: 'Standfirst',
  category: 'Category',
  tags: 'Tags',
  authorIds: 'Authors',
  credit: 'Credit',
  heroImageId: 'Hero image',
  heroAlt: 'Hero image alt text',
  heroCredit: 'Hero image credit',
  body: 'Body',
  featured: 'Featured on the home page',
};

/** The fields in which two versions of a draft differ, in form order. */
export function changedFields(before: DraftContent, after: DraftContent): (keyof DraftContent)[] {
  return (Object.keys(FIELD_LABELS) as (keyof DraftContent)[]).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** A field's value as text, for showing two versions side by side; `names`: author profiles' names by id. */
export function fieldText(content: DraftContent, field: keyof DraftContent, names: Map<string, string>): string {
  const value = content[field];
  if (field === 'authorIds') return content.authorIds.length > 0 ? content.authorIds.map((id) => names.get(id) ?? 'Unknown author').join(', ') : 'None';
  if (field === 'heroImageId') return value ? `Picture ${String(value).slice(0, 8)}` : 'None';
  if (field === 'featured') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join(', ');
  return String(value ?? '');
}
