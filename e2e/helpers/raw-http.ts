import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer; text: string };

/**
 * One HTTP request with exactly these headers (no client of ours adds or decodes anything), for
 * what a proxy sends on the wire: its encodings and its own headers. `text` is the decoded body.
 */
export function rawRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method ?? 'GET', headers: options.headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const decoded = encoding === 'gzip' ? gunzipSync(body) : encoding === 'br' ? brotliDecompressSync(body) : body;
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text: decoded.toString('utf8') });
      });
    });
    // nginx may answer (a 413) and close before the whole body is sent: the answer is what counts.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    outgoing.setTimeout(60_000, () => outgoing.destroy(new Error(`${url} did not answer within 60 s`)));
    outgoing.end(options.body);
  });
}
