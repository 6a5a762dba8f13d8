#!/usr/bin/env node
// Backs up and restores the database the app uses (DATABASE_URL, or the embedded one in
// EMBEDDED_DB_DIR); see db/backup.mjs for how.
//   npm run db:backup [-- <folder>]                 a timestamped file in <folder> or BACKUP_DIR
//   npm run db:restore -- <file> --into <target>    target: a postgres:// URL or an embedded data folder
//     [--force]                                     replace a database that is not empty
import path from 'node:path';
import { parseArgs } from 'node:util';

import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from '../db/backup.mjs';
import { env } from '../lib/env.mjs';

// Backups hold password hashes, subscriber addresses and tokens: nothing this process or pg_dump
// writes is readable by other users.
process.umask(0o077);

const USAGE = 'Usage: node scripts/db-backup.mjs backup [folder]\n       node scripts/db-backup.mjs restore <file> --into <postgres URL | embedded data folder> [--force]';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { into: { type: 'string' }, force: { type: 'boolean', default: false } } });
const [command, argument] = positionals;

/** A URL's password is never printed. @param {string} target */
const shown = (target) => (/^postgres(ql)?:/.test(target) ? target.replace(/:[^:@/]*@/, ':…@') : target);

try {
  if (command === 'backup') {
    const dir = argument ?? env.BACKUP_DIR;
    const file = env.DATABASE_URL ? await backupPostgres(env.DATABASE_URL, dir) : await backupEmbedded(env.EMBEDDED_DB_DIR, dir);
    console.log(`Backed up ${shown(env.DATABASE_URL ?? env.EMBEDDED_DB_DIR)} to ${file}`);
  } else if (command === 'restore' && argument && values.into) {
    const target = values.into;
    const embedded = argument.endsWith('.tar.gz');
    if (embedded === /^postgres(ql)?:\/\//.test(target)) {
      throw new Error(
        embedded ? 'An embedded backup (.tar.gz) restores into an embedded data folder, not a PostgreSQL URL.' : 'A PostgreSQL backup (.dump) restores into a postgres:// URL.',
      );
    }
    await (embedded
      ? restoreEmbedded(argument, target, { force: values.force })
      : restorePostgres(argument, target, { force: values.force, jobQueueSchema: env.JOB_QUEUE_SCHEMA }));
    console.log(`Restored ${path.basename(argument)} into ${shown(target)}`);
  } else {
    console.error(USAGE);
    process.exit(2);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
