import 'server-only';

import type { CompileGate, UntrustedMdxResult } from '@/lib/content/untrusted/result';

// Every body a person sends (live preview, "Preview", save, the draft's page, the full-page
// preview, publishing) is compiled by the drafts lane's two worker threads, shared by the whole
// newsroom. So per person: at most one of their bodies is in the pool (waiting or running), one
// more waits here, and bursts are limited. A newer preview replaces the one waiting here; a running
// body is never aborted (piscina would terminate its thread, and a new one costs a warm-up), its
// answer is only discarded. A waiting save is never replaced: the newer request is asked to retry.
// Counted in this process, not in the database: what it protects is this server's workers, and a
// count in PostgreSQL would cost a write on every keystroke.
export type TurnKind = 'preview' | 'check';
// Previews: a burst, then one a second. Saves: a burst, then one every two seconds, so someone
// pressing Save a few times a minute is never refused.
const BUCKETS: Record<TurnKind, { burst: number; perSecond: number }> = { preview: { burst: 5, perSecond: 1 }, check: { burst: 5, perSecond: 0.5 } };
const MAX_PEOPLE = 1_000;
const FORGET_MS = 10_000;

export const SUPERSEDED = 'A newer preview replaced this one.';
export const CHECK_RUNNING = 'Another check of your text is still running; try again in a moment.';
const unavailable = (reason: string): UntrustedMdxResult => ({ ok: false, kind: 'unavailable', reason });

type Waiter = { kind: TurnKind; start: () => void; answer: (result: UntrustedMdxResult) => void };
type Person = { buckets: Record<TurnKind, { tokens: number; at: number }>; running?: Waiter; waiting?: Waiter; at: number };
const people = new Map<string, Person>();

function personOf(userId: string, now: number): Person {
  let person = people.get(userId);
  if (!person) {
    // Someone idle with nothing in flight has full buckets again: forgetting them changes nothing.
    if (people.size >= MAX_PEOPLE) for (const [id, entry] of people) if (!entry.running && now - entry.at > FORGET_MS) people.delete(id);
    const full = (kind: TurnKind) => ({ tokens: BUCKETS[kind].burst, at: now });
    person = { buckets: { preview: full('preview'), check: full('check') }, at: now };
    people.set(userId, person);
  }
  person.at = now;
  return person;
}

function gateOf(person: Person, kind: TurnKind): CompileGate {
  return (compile) =>
    new Promise((answer) => {
      const self: Waiter = { kind, answer, start: () => {} };
      self.start = () => {
        person.running = self;
        void compile()
          .then(answer, () => answer(unavailable(CHECK_RUNNING)))
          .finally(() => {
            person.running = person.waiting;
            person.waiting = undefined;
            person.running?.start();
          });
      };
      if (!person.running) return self.start();
      if (person.waiting && person.waiting.kind !== 'preview') return answer(unavailable(CHECK_RUNNING));
      person.waiting?.answer(unavailable(SUPERSEDED));
      // The running preview's answer is stale now; its body still finishes on its thread.
      if (kind === 'preview' && person.running.kind === 'preview') person.running.answer(unavailable(SUPERSEDED));
      person.waiting = self;
    });
}

/** This person's gate without a burst limit: for pages they open (the draft, its full-page preview) and publishing. */
export function compileGate(userId: string, kind: TurnKind = 'check'): CompileGate {
  return gateOf(personOf(userId, Date.now()), kind);
}

export type CompileTurn = { ok: true; gate: CompileGate } | { ok: false; retryAfterMs: number };

/** A turn to compile a body this person sent: allowed (through their gate), or when to ask again. */
export function takeCompileTurn(userId: string, kind: TurnKind, now = Date.now()): CompileTurn {
  const person = personOf(userId, now);
  const bucket = person.buckets[kind];
  const { burst, perSecond } = BUCKETS[kind];
  bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
  bucket.at = now;
  if (bucket.tokens < 1) return { ok: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) / perSecond) * 1000) };
  bucket.tokens -= 1;
  return { ok: true, gate: gateOf(person, kind) };
}

/** A live preview's or the "Preview" button's turn. */
export const takePreviewTurn = (userId: string, now = Date.now()) => takeCompileTurn(userId, 'preview', now);
