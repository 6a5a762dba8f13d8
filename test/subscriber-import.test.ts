import { randomUUID } from 'node:crypto';

import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';

import { closeDb, getDb } from '@/db';
import { applyImport } from '@/db/queries/subscriber-import';
import { getSubscriberByEmail, listSubscribers, recordSignup, unsubscribeSubscriber } from '@/db/queries/subscribers';
import { isSuppressed, liftSuppression, listSuppressions, suppressEmail } from '@/db/queries/suppressions';
import { emailSuppressions, subscribers } from '@/db/schema';
import { previewImport, previewSealed, runImport } from '@/lib/subscribers/import';
import { sealImport } from '@/lib/subscribers/seal';

afterAll(closeDb);

const admin = randomUUID();
const file = (text: string) => ({ name: 'export.csv', bytes: new TextEncoder().encode(text) });

async function count(): Promise<number> {
  const [subscriberRows, suppressionRows] = await Promise.all([getDb().$count(subscribers), getDb().$count(emailSuppressions)]);
  return subscriberRows + suppressionRows;
}

describe('importing subscribers', () => {
  it('previews without writing, then imports exactly what was previewed, in one go', async () => {
    const tag = randomUUID().slice(0, 8);
    const at = (name: string) => `${name}-${tag}@example.org`;
    await recordSignup(at('waiting'), { hash: randomUUID(), expiresAt: new Date(Date.now() + 3600_000) }, 300);
    const left = await recordSignup(at('left'), { hash: randomUUID(), expiresAt: new Date(Date.now() + 3600_000) }, 300);
    await unsubscribeSubscriber(left.id);
    // Unsubscribed, then signed up again through the public form (by anyone): pending, not confirmed.
    const back = await recordSignup(at('back'), { hash: randomUUID(), expiresAt: new Date(Date.now() + 3600_000) }, 300);
    await unsubscribeSubscriber(back.id);
    await recordSignup(at('back'), { hash: randomUUID(), expiresAt: new Date(Date.now() + 3600_000) }, 0);
    const csv = [
      'Email Address,First Name,Last Name,subscribed_at,status',
      `${at('new')},Nia,New,2024-03-01T09:30:00Z,subscribed`,
      `${at('gone')},Gus,Gone,,unsubscribed`,
      `${at('bounced')},,,,cleaned`,
      `${at('pending')},,,,pending`,
      `${at('left')},Lee,,,subscribed`,
      `${at('waiting')},Wen,,2025-01-02,subscribed`,
      `${at('back')},Bea,,2025-01-02,subscribed`,
      `not-an-address,,,,subscribed`,
    ].join('\n');
    const before = await count();
    const preview = await previewImport(file(csv), admin);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.preview.counts).toEqual({ add: 2, update: 0, suppress: 1, skip: 4, invalid: 1 });
    const skipped = preview.preview.groups.find((group) => group.kind === 'skip')!.lines;
    for (const email of [at('waiting'), at('back')]) {
      expect(skipped.find((line) => line.email === email)?.reason).toMatch(/waiting for their own confirmation: an import never confirms a sign-up/);
    }
    expect(preview.preview.groups.find((group) => group.kind === 'invalid')!.lines).toEqual([expect.objectContaining({ row: 9, email: 'not-an-address' })]);
    expect(await count()).toBe(before);

    const done = await runImport(preview.preview.sealed, admin);
    expect(done).toMatchObject({ ok: true, counts: { added: 2, updated: 0, suppressed: 1, rows: 8 } });
    expect(await getSubscriberByEmail(at('new'))).toMatchObject({
      status: 'confirmed',
      source: 'import',
      name: 'Nia New',
      confirmedAt: new Date('2024-03-01T09:30:00Z'),
      welcomedAt: null,
    });
    expect(await getSubscriberByEmail(at('gone'))).toMatchObject({ status: 'unsubscribed', source: 'import', confirmedAt: null, unsubscribedAt: expect.any(Date) });
    for (const email of [at('waiting'), at('back')])
      expect(await getSubscriberByEmail(email)).toMatchObject({ status: 'pending', source: 'signup', name: null, confirmedAt: null });
    expect(await getSubscriberByEmail(at('left'))).toMatchObject({ status: 'unsubscribed', name: null });
    expect(await getSubscriberByEmail(at('pending'))).toBeUndefined();
    expect(await getSubscriberByEmail(at('bounced'))).toBeUndefined();
    expect(await isSuppressed(at('bounced'))).toBe(true);

    // The same file again changes nothing more.
    expect(await runImport(preview.preview.sealed, admin)).toMatchObject({ ok: true, counts: { added: 0, updated: 0, suppressed: 0 } });
  });

  it('decides again when it runs: a reader who unsubscribed since the preview stays unsubscribed', async () => {
    const email = `changed-${randomUUID()}@example.org`;
    const first = await previewImport(file(`email\n${email}\n`), admin);
    expect(first.ok && (await runImport(first.preview.sealed, admin))).toMatchObject({ ok: true, counts: { added: 1 } });
    // The name is what this preview would add.
    const preview = await previewImport(file(`email,name\n${email},Cy\n`), admin);
    expect(preview.ok && preview.preview.counts.update).toBe(1);
    await unsubscribeSubscriber((await getSubscriberByEmail(email))!.id);
    expect(await runImport(preview.ok ? preview.preview.sealed : '', admin)).toMatchObject({ ok: true, counts: { updated: 0 } });
    expect(await getSubscriberByEmail(email)).toMatchObject({ status: 'unsubscribed', name: null });
  });

  it('imports only a file it sealed itself, for the admin who previewed it, within the hour', async () => {
    const email = `sealed-${randomUUID()}@example.org`;
    const sealed = sealImport(`email\n${email}\n`, admin, 'some other secret that is long enough');
    expect(await runImport(sealed, admin)).toEqual({ ok: false, error: 'This preview is not valid any more. Upload the file again.' });
    const preview = await previewImport(file(`email\n${email}\n`), admin);
    if (!preview.ok) throw new Error(preview.error);
    expect(await runImport(preview.preview.sealed, randomUUID())).toMatchObject({ ok: false });
    expect(await runImport(preview.preview.sealed.replace(/\.[^.]+\./, '.AAAA.'), admin)).toMatchObject({ ok: false });
    expect(await runImport(preview.preview.sealed, admin, new Date(Date.now() + 2 * 3600_000))).toMatchObject({
      ok: false,
      error: expect.stringContaining('more than an hour old'),
    });
    expect(await previewSealed(preview.preview.sealed, admin)).toMatchObject({ ok: true, preview: { counts: { add: 1 } } });
    expect(await getSubscriberByEmail(email)).toBeUndefined();
  });

  it('writes all or nothing: a failure late in the transaction leaves no row behind', async () => {
    const emails = Array.from({ length: 1500 }, (_, index) => `bulk-${index}-${randomUUID()}@example.org`);
    const before = await count();
    await expect(
      applyImport(emails, () => ({
        add: emails.map((email) => ({ email, name: null, status: 'confirmed' as const, confirmedAt: new Date() })),
        name: [],
        unsubscribe: [],
        // Breaks the table's rule that addresses are stored lower-cased, after 1,500 rows went in.
        suppress: [{ email: 'NOT-NORMALISED@example.org', reason: 'hard_bounce', detail: '' }],
      })),
    ).rejects.toThrow();
    expect(await count()).toBe(before);
  });

  it('two imports of the same readers at once, in opposite orders, both finish', async () => {
    const emails = Array.from({ length: 3000 }, (_, index) => `both-${String(index).padStart(4, '0')}-${randomUUID()}@example.org`);
    await applyImport(emails, () => ({
      add: emails.map((email) => ({ email, name: null, status: 'confirmed' as const, confirmedAt: new Date() })),
      name: [],
      unsubscribe: [],
      suppress: [],
    }));
    const csv = (list: string[]) => `email,name\n${list.map((email) => `${email},Both`).join('\n')}\n`;
    const [forward, backward] = await Promise.all([previewImport(file(csv(emails)), admin), previewImport(file(csv([...emails].reverse())), admin)]);
    if (!forward.ok || !backward.ok) throw new Error('preview failed');
    const results = await Promise.all([runImport(forward.preview.sealed, admin), runImport(backward.preview.sealed, admin)]);
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    expect(results.map((result) => (result.ok ? result.counts.updated : 0)).sort()).toEqual([0, 3000]);

    // And of new readers: each waits on the other's new rows in the same order.
    const fresh = emails.map((email) => `new-${email}`);
    const [up, down] = await Promise.all([previewImport(file(csv(fresh)), admin), previewImport(file(csv([...fresh].reverse())), admin)]);
    if (!up.ok || !down.ok) throw new Error('preview failed');
    const added = await Promise.all([runImport(up.preview.sealed, admin), runImport(down.preview.sealed, admin)]);
    expect(added.map((result) => (result.ok ? result.counts.added : -1)).sort()).toEqual([0, 3000]);
  });

  it('imports 50,000 rows', async () => {
    const tag = randomUUID().slice(0, 8);
    const csv = `email,name\n${Array.from({ length: 50_000 }, (_, index) => `many-${index}-${tag}@example.org,Reader ${index}`).join('\n')}\n`;
    const preview = await previewImport(file(csv), admin);
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.preview.groups[0]!.lines).toHaveLength(100);
    expect(await runImport(preview.preview.sealed, admin)).toMatchObject({ ok: true, counts: { added: 50_000 } });
  });
});

describe('suppressions in the newsroom', () => {
  it('are listed newest first and searchable, marked in the subscriber list, and lifted once', async () => {
    const tag = randomUUID().slice(0, 8);
    const first = `first-${tag}@example.org`;
    const second = `second-${tag}@example.org`;
    await recordSignup(first, { hash: randomUUID(), expiresAt: new Date(Date.now() + 3600_000) }, 300);
    await suppressEmail({ email: first, reason: 'hard_bounce', detail: '550 5.1.1 No such user' });
    await suppressEmail({ email: second, reason: 'complaint', detail: '' });
    // A minute apart, so "newest first" cannot come from two rows of the same moment.
    await getDb()
      .update(emailSuppressions)
      .set({ createdAt: sql`now() - interval '1 minute'` })
      .where(eq(emailSuppressions.email, first));
    const listed = await listSuppressions({ limit: 10, offset: 0, search: tag });
    expect(listed).toMatchObject({
      total: 2,
      rows: [
        { email: second, reason: 'complaint' },
        { email: first, reason: 'hard_bounce', detail: '550 5.1.1 No such user' },
      ],
    });
    expect((await listSuppressions({ limit: 10, offset: 0, search: `%${tag}` })).total).toBe(0);
    expect((await listSubscribers({ search: tag, limit: 10, offset: 0 })).rows).toEqual([expect.objectContaining({ email: first, suppressed: 'hard_bounce' })]);

    expect(await liftSuppression(first)).toBe(true);
    expect(await liftSuppression(first)).toBe(false);
    expect(await isSuppressed(first)).toBe(false);
    expect((await listSubscribers({ search: tag, limit: 10, offset: 0 })).rows[0]?.suppressed).toBeNull();
  });
});
