/**
 * What was typed for previews without JavaScript, held in memory for a moment. Bounded by the bytes
 * it holds, not by a count of entries: a count lets a few large posts take gigabytes.
 */
export type PreviewEntry = { draftId: string; userId: string; values: Record<string, string> };

type Kept = PreviewEntry & { bytes: number; expires: number };

/** JavaScript strings are UTF-16 in memory: two bytes per code unit is what an entry costs. */
export function entryBytes(entry: PreviewEntry): number {
  let bytes = 2 * (entry.draftId.length + entry.userId.length);
  for (const [name, value] of Object.entries(entry.values)) bytes += 2 * (name.length + value.length);
  return bytes;
}

export function createPreviewStore({ budgetBytes, lifetimeMs, now = Date.now }: { budgetBytes: number; lifetimeMs: number; now?: () => number }) {
  // A Map iterates in insertion order, so the first entries are the oldest.
  const kept = new Map<string, Kept>();
  let total = 0;
  const drop = (token: string) => {
    const entry = kept.get(token);
    if (!entry) return;
    total -= entry.bytes;
    kept.delete(token);
  };
  return {
    /** Keeps the entry, evicting expired then oldest ones to make room; false if it alone is over the budget. */
    put(token: string, entry: PreviewEntry): boolean {
      const bytes = entryBytes(entry);
      if (bytes > budgetBytes) return false;
      const time = now();
      for (const [key, old] of kept) if (old.expires < time) drop(key);
      for (const key of kept.keys()) {
        if (total + bytes <= budgetBytes) break;
        drop(key);
      }
      kept.set(token, { ...entry, bytes, expires: time + lifetimeMs });
      total += bytes;
      return true;
    },
    /** The entry, once: taking it forgets it. Undefined when unknown or expired. */
    take(token: string): PreviewEntry | undefined {
      const entry = kept.get(token);
      drop(token);
      if (!entry || entry.expires < now()) return undefined;
      return { draftId: entry.draftId, userId: entry.userId, values: entry.values };
    },
    get bytes() {
      return total;
    },
    get size() {
      return kept.size;
    },
  };
}
