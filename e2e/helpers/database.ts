import { readFileSync } from 'node:fs';

import postgres from 'postgres';

let sql: postgres.Sql | undefined;

/** This run's e2e database (created by e2e/helpers/serve.mjs), for checking what the app stored. */
export function database(): postgres.Sql {
  sql ??= postgres(readFileSync(process.env.E2E_DB_URL_FILE!, 'utf8'), { max: 1, onnotice: () => {} });
  return sql;
}

export async function subscriberStatus(email: string): Promise<string | undefined> {
  const rows = await database()<{ status: string }[]>`select status from subscribers where email = ${email}`;
  return rows[0]?.status;
}
