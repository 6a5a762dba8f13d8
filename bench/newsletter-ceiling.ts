// The newsletter benchmark's ceiling: the same message, the same sink and the same number of pooled
// connections, sent by a bare nodemailer loop with nothing else to do (no database, no rows).
import nodemailer from 'nodemailer';
import { parseConnectionUrl } from 'nodemailer/lib/shared';

const [url, count, connections, file] = process.argv.slice(2);
const { readFile } = await import('node:fs/promises');
const message = JSON.parse(await readFile(file!, 'utf8')) as { subject: string; html: string; text: string };
const pool = nodemailer.createTransport({ ...parseConnectionUrl(url!), pool: true, maxConnections: Number(connections), maxMessages: Infinity } as nodemailer.TransportOptions);

let next = 0;
const started = performance.now();
const lane = async () => {
  while (next < Number(count)) {
    const index = next++;
    await pool.sendMail({ from: 'bench@bench.example', to: `ceiling-${index}@bench.example`, ...message });
  }
};
await Promise.all(Array.from({ length: Number(connections) }, lane));
const ms = performance.now() - started;
pool.close();
console.log(JSON.stringify({ ms, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
