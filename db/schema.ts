import { sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, check, customType, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

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
    // A name given on import from another newsletter tool; sign-ups have none.
    name: text('name'),
    // 'import': added by an admin who holds the reader's consent; such subscribers got no confirmation email.
    source: text('source', { enum: ['signup', 'import'] })
      .notNull()
      .default('signup'),
    // When the welcome email went out (once, after confirming).
    welcomedAt: timestamp('welcomed_at', { withTimezone: true }),
  },
  (table) => [
    check('subscribers_email_normalised', sql`${table.email} = lower(btrim(${table.email}))`),
    check('subscribers_source', sql`${table.source} in ('signup', 'import')`),
    // Sign-ups never confirmed, oldest first: what the clean-up removes once their link has expired.
    index('subscribers_unconfirmed_idx')
      .on(table.createdAt)
      .where(sql`${table.status} = 'pending' and ${table.confirmedAt} is null`),
  ],
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
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull(),
  },
  (table) => [index('rate_limits_window_idx').on(table.windowStart)],
);

/**
 * Failures with growing delays (sign-ins): after `free` failures for a key, each further attempt
 * must wait twice as long as the one before, up to a cap. Shared by every app server.
 */
export const backoffLimits = pgTable(
  'backoff_limits',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('backoff_limits_updated_idx').on(table.updatedAt)],
);

export type Subscriber = typeof subscribers.$inferSelect;

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

/**
 * Sign-in codes sent by email. The browser that asked holds the challenge (a cookie) the typed code
 * belongs to; the email's link holds its own token. Only hashes are kept; each row is single-use.
 */
export const signInCodes = pgTable(
  'sign_in_codes',
  {
    challengeHash: text('challenge_hash').primaryKey(),
    linkHash: text('link_hash').notNull().unique(),
    codeHash: text('code_hash').notNull(),
    // The address as typed: a row is made whether or not it has an account, so nobody can tell.
    email: text('email').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [index('sign_in_codes_expires_idx').on(table.expiresAt)],
);

/** Sessions ended by signing out, kept until their cookie would have expired anyway. */
export const revokedSessions = pgTable(
  'revoked_sessions',
  {
    sessionId: text('session_id').primaryKey(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('revoked_sessions_expires_idx').on(table.expiresAt)],
);

export type User = typeof users.$inferSelect;
export type Role = User['role'];

/** Uploaded pictures, kept in the database so a backup of it is a backup of everything. */
export const images = pgTable(
  'images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // The SHA-256 of the stored bytes (metadata removed): uploading the same file twice stores it once.
    sha256: text('sha256').notNull().unique(),
    contentType: text('content_type').notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    byteSize: integer('byte_size').notNull(),
    data: bytea('data').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // The upload quota sums one account's recent uploads; the clean-up walks the oldest first.
    index('images_uploader_idx').on(table.uploadedBy, table.createdAt),
    index('images_created_idx').on(table.createdAt),
  ],
);

export const draftStatus = pgEnum('draft_status', ['draft', 'in_review', 'scheduled', 'published']);

/** What a revision records, and what the public sees of a published article. */
export type DraftContent = {
  title: string;
  slug: string;
  standfirst: string;
  category: string;
  tags: string[];
  /** The byline, in order: ids of author_profiles rows. */
  authorIds: string[];
  /** Free text after the byline ("Additional reporting by …", "With agencies"); empty for none. */
  credit: string;
  heroImageId: string | null;
  heroAlt: string;
  heroCredit: string;
  body: string;
  featured: boolean;
};

/**
 * Articles written in the newsroom. The row is the working copy; readers see the revision that
 * `publishedRevisionId` points to, so editing a published article changes nothing public until the
 * changes are published.
 */
export const drafts = pgTable(
  'drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull().default(''),
    category: text('category').notNull(),
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    // The byline in order (author_profiles ids; an array cannot carry foreign keys, so
    // lib/ checks each id on save); a contributor owns the drafts they created or are bylined on.
    authorIds: uuid('author_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    credit: text('credit').notNull().default(''),
    heroImageId: uuid('hero_image_id').references(() => images.id),
    heroAlt: text('hero_alt').notNull().default(''),
    heroCredit: text('hero_credit').notNull().default(''),
    body: text('body').notNull().default(''),
    featured: boolean('featured').notNull().default(false),
    status: draftStatus('status').notNull().default('draft'),
    // Every save must name the version it was based on; a save over a newer one is refused.
    version: integer('version').notNull().default(1),
    publishedRevisionId: uuid('published_revision_id').references((): AnyPgColumn => draftRevisions.id),
    // The public date line: set on first publication and kept through later updates.
    // The public date line: set on first publication (the moment, or the date the editor gave, e.g.
    // of a story moved from another site) and kept through later publications unless an editor sets it.
    publishedAt: timestamp('published_at', { withTimezone: true }),
    // The "Updated" time: the last publication that changed what readers see (lib/publishing/visible-change.ts).
    contentUpdatedAt: timestamp('content_updated_at', { withTimezone: true }),
    // The revision readers saw last, kept through unpublishing, so a return is compared with it.
    lastPublishedRevisionId: uuid('last_published_revision_id').references((): AnyPgColumn => draftRevisions.id, { onDelete: 'set null' }),
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('drafts_slug_format', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    index('drafts_status_idx').on(table.status),
    index('drafts_published_idx')
      .on(table.publishedAt)
      .where(sql`${table.publishedRevisionId} is not null`),
    index('drafts_hero_idx').on(table.heroImageId),
    index('drafts_author_ids_idx').using('gin', table.authorIds),
  ],
);

export type Draft = typeof drafts.$inferSelect;
export type DraftStatus = Draft['status'];

/**
 * Every save of a draft, in full, so any of them can be read and restored. The pictures each one
 * uses are indexed by `draft_revisions_images_idx` (GIN over `draft_image_ids(content)`), created
 * in migration 0003 because drizzle-kit cannot express the function behind it.
 */
export const draftRevisions = pgTable(
  'draft_revisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id')
      .notNull()
      .references((): AnyPgColumn => drafts.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    content: jsonb('content').$type<DraftContent>().notNull(),
    // What happened: "Saved", "Restored version 3", "Submitted for review"...
    summary: text('summary').notNull(),
    // Words in the body, counted from its parsed MDX tree when it was saved (listings show reading
    // time without compiling every body); null on revisions saved before it was counted.
    wordCount: integer('word_count'),
    savedBy: uuid('saved_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('draft_revisions_version_idx').on(table.draftId, table.version)],
);

export const jobStatus = pgEnum('job_status', ['pending', 'running', 'done', 'failed', 'cancelled']);

/**
 * Scheduled publications, as the newsroom sees them: time, pinned revision, attempts, last error.
 * Each live row has a job of the same id on the job queue (lib/jobs/publications.ts), which wakes
 * it at its time on one server and retries it; the attempt count says whose attempt may complete it.
 */
export const publishJobs = pgTable(
  'publish_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => drafts.id, { onDelete: 'cascade' }),
    // The revision the editor approved: exactly this is published, whatever was saved since. Null
    // on jobs from before versions were pinned, or whose revision is gone: they fail visibly rather than guess.
    revisionId: uuid('revision_id').references((): AnyPgColumn => draftRevisions.id, { onDelete: 'set null' }),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    status: jobStatus('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    // The editor chose "Publish and email subscribers": the publication starts a newsletter send.
    emailSubscribers: boolean('email_subscribers').notNull().default(false),
    // The publication date the editor gave with the schedule; none: the moment it runs (or the date kept).
    publicationDate: timestamp('publication_date', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('publish_jobs_due_idx')
      .on(table.runAt)
      .where(sql`${table.status} in ('pending', 'running')`),
    // At most one live schedule per draft.
    uniqueIndex('publish_jobs_one_live_idx')
      .on(table.draftId)
      .where(sql`${table.status} in ('pending', 'running')`),
  ],
);

export type PublishJob = typeof publishJobs.$inferSelect;

export const CORRECTION_KINDS = ['correction', 'clarification'] as const;

/**
 * Corrections and clarifications of published newsroom articles, shown on the article and on
 * /corrections. Append-only: no query updates or deletes one, and a trigger (migration 0011) refuses
 * any UPDATE, so a correction can only be followed by another, never edited away.
 */
export const corrections = pgTable(
  'corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => drafts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CORRECTION_KINDS }).notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('corrections_kind', sql`${table.kind} in ('correction', 'clarification')`),
    check('corrections_text_length', sql`char_length(${table.text}) between 1 and 2000`),
    index('corrections_draft_idx').on(table.draftId, table.createdAt),
    index('corrections_created_idx').on(table.createdAt),
  ],
);

export type Correction = typeof corrections.$inferSelect;

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
const regconfig = customType<{ data: string }>({ dataType: () => 'regconfig' });

/**
 * What readers search: one row per published article, from content/ or the newsroom. Newsroom rows
 * change in the transaction that publishes or unpublishes; content/ rows when a server starts and a
 * file's hash changed. `config` is the text search configuration of the site's language, so
 * changing the language re-weighs every row in one UPDATE.
 */
export const searchDocuments = pgTable(
  'search_documents',
  {
    // 'content/<slug>' or 'draft/<draft id>'.
    id: text('id').primaryKey(),
    source: text('source', { enum: ['content', 'newsroom'] }).notNull(),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    standfirst: text('standfirst').notNull(),
    // Plain text of the body: Markdown parsed and only its words kept.
    body: text('body').notNull(),
    // Tag names and the authors' names, weighted between the standfirst and the body.
    keywords: text('keywords').notNull(),
    section: text('section').notNull(),
    // Every author on the byline, in order, and the byline as readers see it ("A and B").
    authorSlugs: text('author_slugs').array().notNull(),
    byline: text('byline').notNull(),
    published: timestamp('published', { withTimezone: true }).notNull(),
    hash: text('hash').notNull(),
    config: regconfig('config').notNull(),
    vector: tsvector('vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config, standfirst), 'B') || setweight(to_tsvector(config, keywords), 'C') || setweight(to_tsvector(config, body), 'D')`,
      ),
    // The same without the body, for ranking: a few dozen words read per match instead of the
    // whole article's, so a word found in thousands of articles still ranks in milliseconds.
    // Body-only matches rank equal, then newest first.
    headVector: tsvector('head_vector')
      .notNull()
      .generatedAlwaysAs(sql`setweight(to_tsvector(config, title), 'A') || setweight(to_tsvector(config, standfirst), 'B') || setweight(to_tsvector(config, keywords), 'C')`),
  },
  (table) => [
    check('search_documents_source', sql`${table.source} in ('content', 'newsroom')`),
    index('search_documents_vector_idx').using('gin', table.vector),
    // The first phase of a search finds headline, standfirst, tag and byline matches here.
    index('search_documents_head_vector_idx').using('gin', table.headVector),
    index('search_documents_title_trgm_idx').using('gin', table.title.op('gin_trgm_ops')),
    index('search_documents_published_idx').on(table.published),
    // Filtered searches: the body phase walks these newest first, and counting reads no other article's vector.
    index('search_documents_section_idx').on(table.section, table.published),
    index('search_documents_authors_idx').using('gin', table.authorSlugs),
  ],
);

export type SearchDocument = typeof searchDocuments.$inferSelect;

/** Every word of the index, unaccented, for "did you mean" by trigram similarity. */
export const searchTerms = pgTable(
  'search_terms',
  { term: text('term').primaryKey() },
  // GiST, not GIN: it hands out the closest words first (ORDER BY <->) instead of every word
  // sharing a trigram, ten times faster for a typo on a word list of tens of thousands.
  (table) => [index('search_terms_trgm_idx').using('gist', table.term.op('gist_trgm_ops'))],
);

export const sendStatus = pgEnum('newsletter_send_status', ['sending', 'waiting', 'paused', 'cancelled', 'done']);

/**
 * One newsletter send of a published article. The email is rendered once when the send starts (the
 * unsubscribe links are filled in per recipient), so later edits never change a send under way.
 * 'waiting': a rate limit or the mail server holds it until `resumeAt`, and it goes on by itself;
 * 'paused': an editor paused it. `sequence` 1 is the article's send; a second one is an explicit resend.
 */
export const newsletterSends = pgTable(
  'newsletter_sends',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    draftId: uuid('draft_id')
      .notNull()
      .references(() => drafts.id, { onDelete: 'cascade' }),
    revisionId: uuid('revision_id').references((): AnyPgColumn => draftRevisions.id, { onDelete: 'set null' }),
    sequence: integer('sequence').notNull().default(1),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: sendStatus('status').notNull().default('sending'),
    // Why the send waits, was paused or stopped, in words for the newsroom.
    statusReason: text('status_reason'),
    resumeAt: timestamp('resume_at', { withTimezone: true }),
    // Since when the mail server has refused the send (not set for hourly or daily limits): the
    // hold's start stays put while each retry moves resume_at; cleared by the next accepted message.
    heldSince: timestamp('held_since', { withTimezone: true }),
    // The code the mail server refused the send with (e.g. "550 5.7.1"), while held_since is set:
    // such a refusal is the server's, so it makes no reader bounced or failed until a message gets through.
    heldCode: text('held_code'),
    // Recipients snapshotted when the send started.
    recipients: integer('recipients').notNull().default(0),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('newsletter_sends_sequence_idx').on(table.draftId, table.sequence),
    index('newsletter_sends_created_idx').on(table.createdAt),
    index('newsletter_sends_live_idx')
      .on(table.status)
      .where(sql`${table.status} in ('sending', 'waiting', 'paused')`),
  ],
);

export type NewsletterSend = typeof newsletterSends.$inferSelect;

export const deliveryStatus = pgEnum('newsletter_delivery_status', ['queued', 'sending', 'sent', 'failed', 'bounced', 'skipped']);

/**
 * One row per (send, subscriber), made when the send starts. 'sending' is claimed by a worker and
 * handed to the SMTP server; a worker that dies leaves it to be claimed again after its lease, the one
 * window in which a reader can get two copies. 'skipped': unsubscribed or suppressed before their turn.
 */
export const newsletterDeliveries = pgTable(
  'newsletter_deliveries',
  {
    sendId: uuid('send_id')
      .notNull()
      .references(() => newsletterSends.id, { onDelete: 'cascade' }),
    subscriberId: uuid('subscriber_id')
      .notNull()
      .references(() => subscribers.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    status: deliveryStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    // A temporary failure waits until then before the next attempt.
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    // The SMTP server's answer on success, or the reason for a failure, bounce or skip.
    response: text('response'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.sendId, table.subscriberId] }),
    index('newsletter_deliveries_work_idx').on(table.sendId, table.status, table.nextAttemptAt),
    // Rate limits count what every send handed to the mail server in the last second, hour and day.
    index('newsletter_deliveries_claimed_idx')
      .on(table.claimedAt)
      .where(sql`${table.claimedAt} is not null`),
    index('newsletter_deliveries_subscriber_idx').on(table.subscriberId),
  ],
);

export type NewsletterDelivery = typeof newsletterDeliveries.$inferSelect;

export const suppressionReason = pgEnum('suppression_reason', ['hard_bounce', 'complaint', 'manual']);

/** Addresses no newsletter goes to, whoever subscribes them again, until an admin lifts it. */
export const emailSuppressions = pgTable(
  'email_suppressions',
  {
    email: text('email').primaryKey(),
    reason: suppressionReason('reason').notNull(),
    // The mail server's answer, or the admin's note.
    detail: text('detail').notNull().default(''),
    sendId: uuid('send_id').references(() => newsletterSends.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('email_suppressions_email_normalised', sql`${table.email} = lower(btrim(${table.email}))`)],
);

export type EmailSuppression = typeof emailSuppressions.$inferSelect;

/**
 * Sections made in the newsroom, beside the file sections of content/categories.json (whose slugs they
 * may not take). A retired section leaves navigation and listings; `movedTo` is the section its
 * articles were moved to, so addresses and published revisions that still name it resolve there.
 */
export const sections = pgTable(
  'sections',
  {
    slug: text('slug').primaryKey(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    // Newsroom sections follow the file sections, in this order.
    position: integer('position').notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    movedTo: text('moved_to'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (table) => [
    check('sections_name_length', sql`char_length(${table.name}) between 2 and 60`),
    check('sections_description_length', sql`char_length(${table.description}) between 10 and 300`),
    check('sections_moved_only_when_retired', sql`${table.movedTo} is null or ${table.retiredAt} is not null`),
    check('sections_not_moved_to_itself', sql`${table.movedTo} is distinct from ${table.slug}`),
    index('sections_position_idx').on(table.position),
  ],
);

export type Section = typeof sections.$inferSelect;

/**
 * The publication's settings as admins edited them in the newsroom, over the defaults of
 * content/site.json: one row, checked against the site schema (lib/) on every read and write.
 * `version` makes two admins' saves conflict instead of one silently undoing the other.
 */
export const siteSettings = pgTable(
  'site_settings',
  {
    id: integer('id').primaryKey().default(1),
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (table) => [check('site_settings_one_row', sql`${table.id} = 1`)],
);

/**
 * Breaking-news banners, kept as a record of what was announced. The live one is the newest that has
 * begun, has not expired and was not taken down; it goes when `expiresAt` passes, untouched.
 */
export const breakingNews = pgTable(
  'breaking_news',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    text: text('text').notNull(),
    // A site path or an absolute https address; none makes the banner plain text.
    href: text('href'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check('breaking_news_text_length', sql`char_length(${table.text}) between 5 and 200`),
    check('breaking_news_expires_after_start', sql`${table.expiresAt} > ${table.startsAt}`),
    index('breaking_news_live_idx').on(table.expiresAt),
  ],
);

export type BreakingNews = typeof breakingNews.$inferSelect;

export const authorKind = pgEnum('author_kind', ['staff', 'contributor', 'partner', 'agency']);

export type AuthorLink = { label: string; url: string };

/**
 * Bylines: staff, guest writers, partner outlets and wire services. A profile may be linked to one
 * newsroom account (whose Account page edits it) or to none; editors and admins edit any. `slug` is
 * null until the profile has a public address; publishing needs one (lib/content/draft-article.ts).
 */
export const authorProfiles = pgTable(
  'author_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').unique(),
    name: text('name').notNull(),
    kind: authorKind('kind').notNull().default('staff'),
    bio: text('bio').notNull().default(''),
    pictureImageId: uuid('picture_image_id').references(() => images.id),
    pictureAlt: text('picture_alt'),
    links: jsonb('links').$type<AuthorLink[]>().notNull().default([]),
    userId: uuid('user_id')
      .unique()
      .references(() => users.id),
    // Two people editing one profile conflict instead of one silently undoing the other.
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (table) => [
    check('author_profiles_slug_format', sql`${table.slug} ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
    check('author_profiles_name_length', sql`char_length(${table.name}) between 2 and 80`),
    index('author_profiles_picture_idx').on(table.pictureImageId),
  ],
);

export type AuthorProfile = typeof authorProfiles.$inferSelect;
export type AuthorKind = AuthorProfile['kind'];

/**
 * The front page's chosen stories: position 0 is the lead, 1 to 3 the featured stories. A position
 * without a row is automatic (newest first); a pin with `pinnedUntil` becomes automatic at that time.
 */
export const frontPageSlots = pgTable(
  'front_page_slots',
  {
    position: integer('position').primaryKey(),
    articleSlug: text('article_slug').notNull(),
    pinnedUntil: timestamp('pinned_until', { withTimezone: true }),
    setBy: uuid('set_by')
      .notNull()
      .references(() => users.id),
    setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check('front_page_slots_position', sql`${table.position} between 0 and 3`)],
);

export type FrontPageSlot = typeof frontPageSlots.$inferSelect;
