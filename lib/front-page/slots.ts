// Which choices of the newsroom are in force: pure, so readers' pages, proxy.ts's paging and the
// newsroom's own view apply the same rule. A pin whose time has come is no choice any more.

type Row = { position: number; articleSlug: string; pinnedUntil: Date | null };

export const inForce = (row: Pick<Row, 'pinnedUntil'>, now: Date): boolean => !row.pinnedUntil || row.pinnedUntil.getTime() > now.getTime();

/** The chosen address of each position at `now` (undefined: automatic), as homeLayout takes them. */
export function chosenAt(rows: Row[], now: Date): (string | undefined)[] {
  const chosen: (string | undefined)[] = [];
  for (const row of rows) if (inForce(row, now)) chosen[row.position] = row.articleSlug;
  return chosen;
}

/** When the next pin in force ends, or null: the home page's lifetime is at most the time until then. */
export function nextExpiry(rows: Row[], now: Date): Date | null {
  const times = rows.flatMap((row) => (row.pinnedUntil && inForce(row, now) ? [row.pinnedUntil.getTime()] : []));
  return times.length > 0 ? new Date(Math.min(...times)) : null;
}
