// Creates a newsroom account from a terminal, for scripted setups:
//   npm run user:create -- --email ada@example.org --name "Ada Reporter" --role admin
// The password is read from standard input (so it never appears in shell history or `ps`):
//   printf '%s' "$PASSWORD" | npm run user:create -- --email … --name … --role editor
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';

import { z } from 'zod';

import { closeDb } from '../db';
import { createUser } from '../db/queries/users';
import { hashPassword } from '../lib/auth/password';
import { createPersonSchema } from '../lib/auth/schema';

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question('Password (at least 12 characters): ');
  prompt.close();
  return answer;
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', default: 'contributor' } } });
  const parsed = createPersonSchema.safeParse({ ...values, password: await readPassword() });
  if (!parsed.success) {
    for (const [field, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors)) console.error(`${field}: ${(messages as string[]).join(' ')}`);
    return 2;
  }
  const { password, ...person } = parsed.data;
  const user = await createUser({ ...person, passwordHash: await hashPassword(password) });
  if (!user) {
    console.error(`${person.email} already has an account.`);
    return 1;
  }
  console.log(`Created ${user.role} ${user.name} <${user.email}>.`);
  return 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDb();
    process.exit(1);
  });
