import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/**
 * The request header that carries the address of the connection a request came in on. `next start`
 * gives server actions and route handlers only the request's headers, never its socket, so the
 * server writes it there itself, over whatever a client sent under that name.
 */
export const PEER_HEADER = 'x-broadsheet-peer';

// On globalThis because instrumentation and the request handlers are separate bundles of this file.
const TRACKING = Symbol.for('broadsheet.peer-address');
const flags = globalThis as { [TRACKING]?: true };

/**
 * Sets PEER_HEADER on every request any HTTP server of this process receives, before the server
 * hands it on (Node's `http.server.request.start` diagnostics channel fires just before 'request').
 */
export function trackPeerAddresses(): void {
  if (flags[TRACKING]) return;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? '';
  });
  flags[TRACKING] = true;
}

/** Whether PEER_HEADER was written by this server: if not, a client may have written it. */
export function peerAddressesTracked(): boolean {
  return flags[TRACKING] === true;
}
