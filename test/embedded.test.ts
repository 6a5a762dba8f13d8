import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import postgres from 'postgres';
import { describe, expect, it } from 'vitest';

import { openEmbedded } from '../db/embedded.mjs';

// A second process must never open the same PGlite directory (writes would silently vanish):
// it connects to the owner's server instead.
describe('the embedded database', () => {
  it('has one owner; other processes share it over the Postgres protocol and lose no writes', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'broadsheet-embedded-')), 'pglite');
    const owner = await openEmbedded(dir);
    try {
      expect(owner.owner).toBe(true);
      const sql = postgres(owner.url, { max: 1, onnotice: () => {} });
      await sql`create table writes (id serial primary key, source text not null)`;

      const child = spawn(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import { openEmbedded } from ${JSON.stringify(path.resolve('db/embedded.mjs'))};
           import postgres from 'postgres';
           const shared = await openEmbedded(${JSON.stringify(dir)});
           if (shared.owner) throw new Error('a second process became an owner');
           const sql = postgres(shared.url, { max: 1 });
           for (let i = 0; i < 100; i++) await sql\`insert into writes (source) values ('child')\`;
           await sql.end();`,
        ],
        { stdio: 'inherit' },
      );
      const childDone = new Promise<number | null>((resolve) => child.on('exit', resolve));
      for (let i = 0; i < 100; i += 1) await sql`insert into writes (source) values ('owner')`;
      expect(await childDone).toBe(0);

      const counts = await sql<{ source: string; count: number }[]>`select source, count(*)::int as count from writes group by source order by source`;
      expect(counts).toEqual([
        { source: 'child', count: 100 },
        { source: 'owner', count: 100 },
      ]);
      await sql.end();
    } finally {
      await owner.close();
    }
  });

  it('keeps concurrent queries of several connections apart', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'broadsheet-embedded-')), 'pglite');
    const owner = await openEmbedded(dir);
    const clients = Array.from({ length: 4 }, () => postgres(owner.url, { max: 3, onnotice: () => {} }));
    try {
      await clients[0]!`create table t (id serial primary key, who int not null, n int not null)`;
      const mismatches = await Promise.all(
        clients.flatMap((sql, who) =>
          Array.from({ length: 60 }, async (_, n) => {
            const [row] = await sql<{ who: number; n: number }[]>`insert into t (who, n) values (${who}, ${n}) returning who, n`;
            const [sum] = await sql<{ s: number }[]>`select ${who}::int * 1000 + ${n}::int as s`;
            return row!.who !== who || row!.n !== n || sum!.s !== who * 1000 + n;
          }),
        ),
      );
      expect(mismatches.filter(Boolean)).toHaveLength(0);
      const [{ count }] = (await clients[0]!`select count(*)::int as count from t`) as unknown as [{ count: number }];
      expect(count).toBe(240);
    } finally {
      await Promise.all(clients.map((sql) => sql.end()));
      await owner.close();
    }
  });
});
