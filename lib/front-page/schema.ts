import { z } from 'zod';

import { isSlug } from '../validation';
// The front page's form, one place: the editing form, the preview (its query string) and "Put live"
// (the action) all post these fields, so each reads them with this schema.
import { FRONT_PAGE_POSITIONS, type Position, slotField, untilField } from './positions';

export { BASED_ON_FIELD, FRONT_PAGE_POSITIONS, type Position, positionLabels, slotField, untilField } from './positions';

/** At least a minute ahead, so a pin is not gone before the page shows it (as the banner's expiry). */
export const MIN_PIN_MS = 60 * 1000;
/** A pin is for a story's days at the top, not for good: without a time, a choice stays until changed. */
export const MAX_PIN_DAYS = 30;
export const MAX_PIN_MS = MAX_PIN_DAYS * 24 * 60 * 60 * 1000;

const story = z
  .string()
  .trim()
  .max(200, 'Choose a story from the list.')
  .refine((slug) => slug === '' || isSlug(slug), { message: 'Choose a story from the list.' })
  .default('');
const until = z.string().trim().max(40, 'Give the time as a date and time, such as 2026-12-01T18:30.').default('');

export const frontPageFormSchema = z.object({
  slot0: story,
  until0: until,
  slot1: story,
  until1: until,
  slot2: story,
  until2: until,
  slot3: story,
  until3: until,
  // The version the form was made from: when the layout was last saved, or '' when never.
  basedOn: z
    .string()
    .trim()
    .max(40)
    .refine((value) => value === '' || !Number.isNaN(Date.parse(value)), { message: 'This form is out of date: open the front page again.' })
    .default(''),
});

export type FrontPageForm = z.infer<typeof frontPageFormSchema>;

/** A position as the form gave it: the story's address (null: automatic) and the pin as typed. */
export type Choice = { position: Position; slug: string | null; until: string };

export function choicesOf(form: FrontPageForm): Choice[] {
  return FRONT_PAGE_POSITIONS.map((position) => ({ position, slug: form[slotField(position)] || null, until: form[untilField(position)] }));
}

export const basedOnOf = (form: FrontPageForm): Date | null => (form.basedOn ? new Date(form.basedOn) : null);

/** The form's fields as strings again: for the preview's address, "Put live" and the way back. */
export function formValues(form: FrontPageForm): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter(([, value]) => value !== ''));
}

/** The form's fields from an address's query (a preview, the way back from one); null when they do not fit. */
export function formFromQuery(query: Record<string, string | string[] | undefined>): FrontPageForm | null {
  const first = Object.fromEntries(Object.entries(query).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = frontPageFormSchema.safeParse(first);
  return parsed.success ? parsed.data : null;
}
