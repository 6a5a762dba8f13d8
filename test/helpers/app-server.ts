// An app server's lifecycle without Next.js, for the test that stops one mid-job:
//   node --conditions=react-server --import tsx test/helpers/app-server.ts
// It starts the workers as instrumentation-node.ts does and an HTTP server whose requests take
// `?ms=` milliseconds, prints {"port": …} once ready, and stops on SIGTERM through lib/shutdown.ts.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { startWorkers } from '@/lib/jobs/workers';
import { shutDown, watchServers } from '@/lib/shutdown';

watchServers();
await startWorkers();
const server = createServer((request, response) => {
  const ms = Number(new URL(request.url ?? '/', 'http://server').searchParams.get('ms') ?? 0);
  setTimeout(() => response.end('answered'), ms);
});
server.listen(0, '127.0.0.1', () => console.log(JSON.stringify({ port: (server.address() as AddressInfo).port })));
process.on('SIGTERM', () => void shutDown('SIGTERM'));
