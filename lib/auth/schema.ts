import { z } from 'zod';

import { emailSchema, uuidSchema } from '../validation';
import { ROLES } from './roles';

const passwordSchema = z.string({ message: 'Choose a password.' }).min(12, 'Use at least 12 characters for the password.').max(200, 'Use at most 200 characters for the password.');

const nameSchema = z.string({ message: 'Enter a name.' }).trim().min(2, 'Enter a name of at least 2 characters.').max(100, 'Use at most 100 characters for the name.');

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ message: 'Enter your password.' }).min(1, 'Enter your password.').max(200, 'Wrong email or password.'),
});

export const setupSchema = z.object({ name: nameSchema, email: emailSchema, password: passwordSchema });

export const createPersonSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  role: z.enum(ROLES, { message: 'Choose a role.' }),
  password: passwordSchema,
});

export const userIdSchema = z.object({ userId: uuidSchema('Unknown person.') });

export const changeRoleSchema = userIdSchema.extend({ role: z.enum(ROLES, { message: 'Choose a role.' }) });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ message: 'Enter your current password.' }).min(1, 'Enter your current password.').max(200),
    newPassword: passwordSchema,
    confirmPassword: z.string(),
  })
  .refine((value) => value.newPassword === value.confirmPassword, { message: 'The new passwords do not match.', path: ['confirmPassword'] });

export const codeRequestSchema = z.object({ email: emailSchema });

// Either the typed code (from the browser that asked for it) or the token of the emailed link.
export const codeLoginSchema = z.union([
  z.object({ code: z.string({ message: 'Enter the code.' }).trim().min(1, 'Enter the code.').max(20) }),
  z.object({ link: z.string().min(1).max(100) }),
]);
