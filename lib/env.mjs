// The one place that reads settings from process.env (Next's own NEXT_RUNTIME and NEXT_PHASE, which
// say where the code is running, are read where that matters). next.config.mjs imports it, so a bad setting fails
// `next build` / `next start` with a clear message instead of a failed request.
import { z } from 'zod';

/** @param {string[]} protocols @param {string} example */
const url = (protocols, example) =>
  z
    .string()
    .trim()
    .refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, `must be a URL such as ${example}`);

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    SITE_URL: url(['http:', 'https:'], 'https://news.example.org')
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
    DATABASE_URL: url(['postgres:', 'postgresql:'], 'postgres://user:password@host:5432/broadsheet').optional(),
    // Set by scripts/with-db.mjs when DATABASE_URL points at the embedded database.
    DATABASE_EMBEDDED: z.enum(['1']).optional(),
    // The embedded database's data folder, used when DATABASE_URL is unset; left blank, the default.
    EMBEDDED_DB_DIR: z.preprocess((value) => value || undefined, z.string().default('.data/pglite')),
    SMTP_URL: url(['smtp:', 'smtps:'], 'smtps://user:password@mail.example.org:465').optional(),
    MAIL_DIR: z.string().min(1).default('.data/mail'),
    // Newsletter sends: connections kept open to SMTP_URL, and the most messages every app server
    // together hands to it per second, hour and day (0: no limit). Match them to the provider's plan.
    SMTP_POOL_CONNECTIONS: z.coerce.number().int().min(1).max(50).default(5),
    NEWSLETTER_SEND_PER_SECOND: z.coerce.number().int().min(0).max(10_000).default(20),
    NEWSLETTER_SEND_PER_HOUR: z.coerce.number().int().min(0).default(0),
    NEWSLETTER_SEND_PER_DAY: z.coerce.number().int().min(0).default(0),
    // The PostgreSQL schema the job queue (pg-boss) keeps its tables in (it creates and migrates it
    // itself). Every app server must use the same one.
    JOB_QUEUE_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL identifier such as pgboss')
      .default('pgboss'),
    APP_SECRET: z.string().min(32, 'must be at least 32 characters (try: openssl rand -base64 32)').optional(),
    // Set by `next start` / `next dev` (-p): the scheduler and revalidation reach this server there over loopback.
    PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
    TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
    // Megabytes of new pictures one account may upload in 24 hours (admins too); 0 turns the limit off.
    UPLOAD_QUOTA_MB_PER_DAY: z.coerce.number().int().min(0).max(1_000_000).default(200),
    // Searches one client address may make in a minute on /search.
    SEARCH_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(120),
    // Site-wide: sign-ups that may send a confirmation email per hour, and how many of them pass
    // before every further sign-up must solve a proof-of-work challenge.
    NEWSLETTER_EMAILS_PER_HOUR: z.coerce.number().int().min(1).default(200),
    NEWSLETTER_CHALLENGE_AFTER: z.coerce.number().int().min(0).default(50),
    // Limits on reading one untrusted (newsroom) MDX body in its worker thread; see lib/content/untrusted/.
    MDX_WORKER_TIME_LIMIT_MS: z.coerce.number().int().min(200).max(60_000).default(2_000),
    MDX_WORKER_MEMORY_MB: z.coerce.number().int().min(64).max(4_096).default(256),
    // The least severe log lines written (lib/log.ts); blank means the default.
    LOG_LEVEL: z.preprocess((value) => value || undefined, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
    // Where `npm run db:backup` writes its files when no folder is given.
    BACKUP_DIR: z.preprocess((value) => value || undefined, z.string().default('backups')),
    // Worker processes `next build` renders static pages in; blank means every core (next.config.mjs).
    BUILD_CPUS: z.preprocess((value) => value || undefined, z.coerce.number().int().min(1).max(64).optional()),
  })
  .refine((settings) => settings.NEWSLETTER_CHALLENGE_AFTER < settings.NEWSLETTER_EMAILS_PER_HOUR, {
    path: ['NEWSLETTER_CHALLENGE_AFTER'],
    message: 'must be below NEWSLETTER_EMAILS_PER_HOUR, so the challenge starts before the cap stops everyone',
  });

function parse() {
  // AUTH_SECRET, the name next-auth's documentation uses, is accepted for APP_SECRET.
  const result = schema.safeParse({ ...process.env, APP_SECRET: process.env.APP_SECRET ?? process.env.AUTH_SECRET });
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join('\n')}\nSee .env.example and README.md#configuration.`);
  }
  return result.data;
}

export const env = parse();

/** Settings a running production server cannot do without; checked when the server starts, not at build. */
export function assertRuntimeEnv() {
  if (env.NODE_ENV === 'production' && !env.APP_SECRET) {
    throw new Error('Invalid environment configuration:\n  - APP_SECRET: is required in production (it signs unsubscribe links); try: openssl rand -base64 32');
  }
}
