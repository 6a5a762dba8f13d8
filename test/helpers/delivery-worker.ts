// A newsletter worker in a process of its own, for the tests that kill one or run two at once:
//   tsx --conditions=react-server test/helpers/delivery-worker.ts <sendId> <smtp url> <lease s> <per second>
// It prints "ready" once loaded, starts when it reads a line, works until the send is done and
// prints how many messages the server accepted from it.
import { createInterface } from 'node:readline';

import { closeDb } from '@/db';
import { openMailPool } from '@/lib/mail/transport';
import { deliverSend } from '@/lib/newsletter/delivery/worker';

const [sendId, url, lease, perSecond] = process.argv.slice(2);
const inner = openMailPool(url, 5);
let accepted = 0;
const pool = {
  close: () => {},
  reset: () => inner.reset(),
  send: async (mail: Parameters<typeof inner.send>[0]) => {
    const response = await inner.send(mail);
    accepted += 1;
    return response;
  },
};

console.log('ready');
await new Promise((resolve) => createInterface({ input: process.stdin }).once('line', resolve));
for (;;) {
  const result = await deliverSend(sendId!, { pool, connections: 5, leaseSeconds: Number(lease), limits: { perSecond: Number(perSecond), perHour: 0, perDay: 0 } });
  if (result.next === 'done') break;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, result.at.getTime() - Date.now())));
}
inner.close();
await closeDb();
console.log(JSON.stringify({ accepted }));
process.exit(0);
