import { z } from 'zod';

import { emailSchema } from '../validation';

const CONSENT = 'Tick “I hold these readers’ consent to email them” to import.';

/** The import form's two steps: a file to preview, then the previewed file (sealed) with the admin's consent. */
export const importFormSchema = z.discriminatedUnion(
  'step',
  [
    z.object({
      step: z.literal('preview'),
      file: z.instanceof(File, { message: 'Choose a CSV file to import.' }),
    }),
    z.object({
      step: z.literal('import'),
      // A sealed file of at most 5 MB, compressed: far below this.
      sealed: z.string().min(1).max(10_000_000),
      consent: z.string().optional(),
    }),
  ],
  { error: 'This request is not the import form.' },
);

export { CONSENT };

export const liftSuppressionSchema = z.object({ email: emailSchema });
