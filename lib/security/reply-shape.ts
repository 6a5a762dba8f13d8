import { z } from 'zod';

// A server action's arguments arrive in React's reply encoding: JSON whose strings starting with "$"
// are references (to other form fields, promises, Maps, server functions…). React's decoder throws on
// a reference that points nowhere or at the wrong kind of thing, and Next.js answers a throw with 500.
// This check accepts what React's client sends for this app's actions (plain values, FormData, the
// bound state of a form, opaque temporary references) and nothing that could make the decoder throw.

type Read = (id: number) => FormDataEntryValue | null | undefined;

// Markers the decoder turns into a value without looking anything up ("$$" escapes a plain "$").
const SELF_CONTAINED = /^\$(?:\$|u|N|I|-|T|H|D|K)/;
const BIGINT = /^\$n-?\d{0,300}$/;
// "$@1" (a promise of field 1) and "$1:a:b" (a path into field 1), with ids in hexadecimal.
const REFERENCE = /^\$(@?)([0-9a-f]{1,8})((?::[^:]+)*)$/;

const MAX_DEPTH = 64;
const MAX_REFERENCES = 64;

type Walk = { read: Read; seen: Set<number>; references: number };

function parsedField(walk: Walk, id: number): { ok: true; value: unknown } | { ok: false } {
  const raw = walk.read(id);
  if (typeof raw !== 'string') return { ok: false };
  try {
    // Any JSON at all is a value here: validValue below is the schema, walking it as the decoder would.
    const value: unknown = JSON.parse(raw);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

function followReference(walk: Walk, text: string): boolean {
  const match = REFERENCE.exec(text);
  if (!match) return false;
  const [, promise, hex, path] = match;
  const id = parseInt(hex!, 16);
  if (++walk.references > MAX_REFERENCES) return false;
  const field = parsedField(walk, id);
  if (!field.ok) return false;
  if (promise && path) return false;
  let value = field.value;
  for (const key of path!.split(':').slice(1)) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  if (walk.seen.has(id)) return true;
  walk.seen.add(id);
  return validValue(walk, field.value, 0);
}

function validValue(walk: Walk, value: unknown, depth: number): boolean {
  if (depth > MAX_DEPTH) return false;
  if (typeof value === 'string') {
    if (!value.startsWith('$')) return true;
    return SELF_CONTAINED.test(value) || BIGINT.test(value) || followReference(walk, value);
  }
  if (Array.isArray(value)) return value.every((item) => validValue(walk, item, depth + 1));
  if (typeof value === 'object' && value !== null) return Object.values(value).every((item) => validValue(walk, item, depth + 1));
  return true;
}

/** Whether the reply whose root is field 0 (read by id) decodes without the decoder throwing. */
export function validReply(read: Read, root: (value: unknown) => boolean): boolean {
  const walk: Walk = { read, seen: new Set([0]), references: 0 };
  const field = parsedField(walk, 0);
  return field.ok && root(field.value) && validValue(walk, field.value, 0);
}

/** The arguments of a call: an array (Next.js refuses more than 1,000 with a 500). */
export const argumentList = (value: unknown) => Array.isArray(value) && value.length <= 100;

const boundDescriptorSchema = z.object({ id: z.string(), bound: z.union([z.null(), z.string().regex(/^\$@[0-9a-f]{1,8}$/)]) });

/** The descriptor of a bound form action without JavaScript: {"id": "…", "bound": null or "$@n"}. */
export function boundActionDescriptor(read: Read) {
  return (value: unknown) => {
    const descriptor = boundDescriptorSchema.safeParse(value);
    if (!descriptor.success) return false;
    const { bound } = descriptor.data;
    if (bound === null) return true;
    try {
      return argumentList(JSON.parse(String(read(parseInt(bound.slice('$@'.length), 16)))));
    } catch {
      return false;
    }
  };
}
