import 'server-only';

import { asc, eq, sql } from 'drizzle-orm';

import { getDb } from '../index';
import { frontPageSlots, users } from '../schema';
import type { Transaction } from './publishing';

/** The pins' expiry jobs on the queue, queued inside the layout's own transaction. */
export type FrontPageQueue = {
  /** Called before the transaction opens: the queue must be up before it can join one. */
  ready(): Promise<void>;
  queued(expiries: Date[], tx: Transaction): Promise<unknown>;
};

// Saves queue behind one another, so the version check below and the rewrite are one step.
const FRONT_PAGE_LOCK = sql`select pg_advisory_xact_lock(hashtext('broadsheet:front-page'))`;

export type SlotRow = { position: number; articleSlug: string; pinnedUntil: Date | null; setAt: Date; setByName: string | null };
export type NewSlot = { position: number; articleSlug: string; pinnedUntil: Date | null };

/** Every chosen position, expired pins included (readers' and the newsroom's reads filter them). */
export async function readFrontPageSlots(): Promise<SlotRow[]> {
  return getDb()
    .select({
      position: frontPageSlots.position,
      articleSlug: frontPageSlots.articleSlug,
      pinnedUntil: frontPageSlots.pinnedUntil,
      setAt: frontPageSlots.setAt,
      setByName: users.name,
    })
    .from(frontPageSlots)
    .leftJoin(users, eq(users.id, frontPageSlots.setBy))
    .orderBy(asc(frontPageSlots.position));
}

/**
 * The layout's version: when it was last saved (every save rewrites every row), or null when no
 * position was ever chosen or the last save left them all automatic.
 */
export function layoutVersion(rows: Pick<SlotRow, 'setAt'>[]): Date | null {
  return rows.reduce<Date | null>((newest, row) => (!newest || row.setAt > newest ? row.setAt : newest), null);
}

export type SaveOutcome = { ok: true } | { ok: false; savedAt: Date | null; savedBy: string | null };

/**
 * Replaces the whole layout at `now`, if it is still the version `basedOn` the editor's form was
 * made from; otherwise nothing changes and the outcome says who saved since. The pins' expiry jobs
 * are queued in the same transaction.
 */
export async function saveFrontPageSlots(slots: NewSlot[], basedOn: Date | null, by: string, now: Date, queue: FrontPageQueue): Promise<SaveOutcome> {
  await queue.ready();
  return getDb().transaction(async (tx) => {
    await tx.execute(FRONT_PAGE_LOCK);
    const current = await tx.select({ setAt: frontPageSlots.setAt, setByName: users.name }).from(frontPageSlots).leftJoin(users, eq(users.id, frontPageSlots.setBy));
    const version = layoutVersion(current);
    if (version?.getTime() !== basedOn?.getTime()) {
      return { ok: false, savedAt: version, savedBy: current.find((row) => row.setAt.getTime() === version?.getTime())?.setByName ?? null };
    }
    // A save after this one must see a newer version, even with a clock that did not move on.
    const setAt = version && version >= now ? new Date(version.getTime() + 1) : now;
    await tx.delete(frontPageSlots);
    if (slots.length > 0) await tx.insert(frontPageSlots).values(slots.map((slot) => ({ ...slot, setBy: by, setAt })));
    const expiries = [...new Set(slots.flatMap((slot) => (slot.pinnedUntil ? [slot.pinnedUntil.getTime()] : [])))].map((time) => new Date(time));
    if (expiries.length > 0) await queue.queued(expiries, tx);
    return { ok: true };
  });
}
