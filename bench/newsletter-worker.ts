// One sending process of the newsletter benchmark: the app's own worker, configured by the
// environment as in production (SMTP_URL, SMTP_POOL_CONNECTIONS, NEWSLETTER_SEND_PER_*), run
// until the send is done. Prints the time it took and the process's peak memory as JSON.
import { closeDb } from '@/db';
import { deliverSend } from '@/lib/newsletter/delivery/worker';

const sendId = process.argv[2]!;
const started = performance.now();
for (;;) {
  const result = await deliverSend(sendId);
  if (result.next === 'done') break;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, result.at.getTime() - Date.now())));
}
const ms = performance.now() - started;
await closeDb();
console.log(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
