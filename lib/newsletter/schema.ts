import { z } from 'zod';

import { emailSchema } from '../validation';

export const signupSchema = z.object({
  email: emailSchema,
  // Honeypot: hidden from people, filled in by bots.
  website: z.string().max(500).optional().default(''),
  // The proof-of-work widget's answer, sent only once a challenge was asked for.
  altcha: z.string().max(4000).optional(),
});

export const tokenSchema = z.object({
  token: z.string({ message: 'This link is incomplete.' }).trim().min(10, 'This link is incomplete.').max(200, 'This link is not valid.'),
});
