import 'server-only';

// The live preview asks the server to render on every pause in typing, and each render is a body
// for the untrusted-MDX worker. Per person, a newer preview drops the one still waiting or being
// read (its answer would be thrown away by the browser anyway), and a burst of previews is limited.
// Counted in this process, not in the database: what it protects is this server's worker, a count
// in PostgreSQL would cost a write on every keystroke, and dropping a request can only be done here.
const BURST = 5;
const PER_SECOND = 1;
const MAX_PEOPLE = 1_000;

type Turns = { tokens: number; at: number; current?: AbortController };
const people = new Map<string, Turns>();

function turnsOf(userId: string, now: number): Turns {
  let turns = people.get(userId);
  if (!turns) {
    // Someone idle for BURST seconds has a full bucket again: forgetting them changes nothing.
    if (people.size >= MAX_PEOPLE) for (const [id, entry] of people) if (now - entry.at > (BURST / PER_SECOND) * 1000) people.delete(id);
    turns = { tokens: BURST, at: now };
    people.set(userId, turns);
  }
  return turns;
}

/** A signal for this person's newest preview; it aborts the one before it. */
export function supersedePreview(userId: string, now = Date.now()): AbortSignal {
  const turns = turnsOf(userId, now);
  turns.current?.abort();
  turns.current = new AbortController();
  return turns.current.signal;
}

export type PreviewTurn = { ok: true; signal: AbortSignal } | { ok: false; retryAfterMs: number };

/** A live preview's turn: allowed (superseding the previous one), or when to ask again. */
export function takePreviewTurn(userId: string, now = Date.now()): PreviewTurn {
  const turns = turnsOf(userId, now);
  turns.tokens = Math.min(BURST, turns.tokens + ((now - turns.at) / 1000) * PER_SECOND);
  turns.at = now;
  if (turns.tokens < 1) return { ok: false, retryAfterMs: Math.ceil(((1 - turns.tokens) / PER_SECOND) * 1000) };
  turns.tokens -= 1;
  return { ok: true, signal: supersedePreview(userId, now) };
}
