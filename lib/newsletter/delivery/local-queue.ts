import 'server-only';

// MERGE: stand-in for lib/jobs/queue.ts (pg-boss), with its two functions' shapes, so sends go out
// on this branch before the queue lands. It runs jobs in this process only and forgets them on
// restart (the start-up sweep in job.ts re-queues live sends). Delete it when job.ts imports the real queue.

type Handler = (data: unknown) => Promise<void>;
type Options = { startAfter?: Date; singletonKey?: string };

const handlers = new Map<string, Handler>();
const pending = new Set<string>();

export async function enqueue(name: string, data: unknown, { startAfter, singletonKey }: Options = {}): Promise<void> {
  const key = singletonKey && `${name}:${singletonKey}`;
  if (key && pending.has(key)) return;
  if (key) pending.add(key);
  const run = async () => {
    if (key) pending.delete(key);
    const handler = handlers.get(name);
    if (!handler) return;
    await handler(data).catch((error: unknown) => {
      console.error(`Job ${name} failed; it runs again in a minute:`, error);
      return enqueue(name, data, { startAfter: new Date(Date.now() + 60_000), ...(singletonKey ? { singletonKey } : {}) });
    });
  };
  setTimeout(() => void run(), Math.max(0, (startAfter?.getTime() ?? 0) - Date.now())).unref();
}

export function work(name: string, handler: Handler): void {
  handlers.set(name, handler);
}
