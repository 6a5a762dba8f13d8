import 'server-only';

import { loopbackAddress, postSigned } from './loopback';

export const POLL_MS = 5_000;

/**
 * Runs the due background work every few seconds for the life of the server (see
 * app/api/publishing/run/route.ts and tick.ts). The queue lives in the database, so a restart loses nothing.
 */
export function startScheduler(): () => void {
  let busy = false;
  let unreachable = 0;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const response = await postSigned('/api/publishing/run', {});
      unreachable = 0;
      if (!response.ok) console.error(`The publishing scheduler's run answered ${response.status}: ${await response.text()}`);
      else await response.body?.cancel();
    } catch (error) {
      // Still starting, or briefly overloaded: the next tick tries again. Still failing after a
      // minute means the server cannot reach itself on 127.0.0.1, and scheduled articles wait.
      unreachable += 1;
      if (!(error instanceof TypeError) || unreachable % 60 === 12) {
        console.error(`The publishing scheduler cannot reach this server at ${loopbackAddress()}; scheduled articles are not published:`, error);
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, POLL_MS);
  return () => clearInterval(timer);
}
