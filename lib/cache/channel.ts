import { randomUUID } from 'node:crypto';

export const CHANNEL = 'broadsheet_revalidate';

// Per process: a server ignores its own notices. Kept on globalThis because instrumentation and
// route handlers are bundled separately and would otherwise each get their own copy.
const holder = globalThis as typeof globalThis & { broadsheetServerId?: string };
export const serverId = (holder.broadsheetServerId ??= randomUUID());
