import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const subscriberStatus = pgEnum('subscriber_status', ['pending', 'confirmed', 'unsubscribed']);

export const subscribers = pgTable(
  'subscribers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Always stored trimmed and lower-cased, so the unique constraint is the duplicate check.
    email: text('email').notNull().unique(),
    status: subscriberStatus('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    lastEmailSentAt: timestamp('last_email_sent_at', { withTimezone: true }),
  },
  (table) => [check('subscribers_email_normalised', sql`${table.email} = lower(btrim(${table.email}))`)],
);

export const confirmationTokens = pgTable(
  'confirmation_tokens',
  {
    // The SHA-256 of the token: the token itself only ever exists in the email.
    tokenHash: text('token_hash').primaryKey(),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('confirmation_tokens_subscriber_idx').on(table.subscriberId)],
);

/** Fixed-window counters shared by every app server, so limits hold across a cluster. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  count: integer('count').notNull(),
});

export type Subscriber = typeof subscribers.$inferSelect;
export type SubscriberStatus = Subscriber['status'];

export const userRole = pgEnum('user_role', ['contributor', 'editor', 'admin']);

/** Newsroom accounts. Never deleted, only deactivated, so history keeps its authors. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: userRole('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    // Bumped when the password changes or an admin deactivates the account: older sessions end.
    sessionVersion: integer('session_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('users_email_normalised', sql`${table.email} = lower(btrim(${table.email}))`)],
);

export type User = typeof users.$inferSelect;
export type Role = User['role'];
