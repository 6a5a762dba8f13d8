import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { readSignedBody, readSignedPayload, signHeaders } from '@/lib/jobs/signature';

const body = JSON.stringify({ tags: ['home'] });

function request(path: string, headers: Record<string, string>, text = body) {
  return new Request(`http://127.0.0.1:3000${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)), ...headers },
    body: text,
  });
}

describe('signed internal requests', () => {
  it('accept the body signed for this route, now', async () => {
    expect(await readSignedBody(request('/api/revalidate', signHeaders('/api/revalidate', body)))).toBe(body);
  });

  it('refuse a signature made for another route, an old one, a changed body and a missing one', async () => {
    expect(await readSignedBody(request('/api/publishing/run', signHeaders('/api/revalidate', body)))).toBeNull();
    expect(await readSignedBody(request('/api/revalidate', signHeaders('/api/revalidate', body, Date.now() - 60_000)))).toBeNull();
    expect(await readSignedBody(request('/api/revalidate', signHeaders('/api/revalidate', body), JSON.stringify({ tags: ['db'] })))).toBeNull();
    expect(await readSignedBody(request('/api/revalidate', {}))).toBeNull();
  });

  it('refuse a large body before reading it', async () => {
    const large = 'x'.repeat(20_000);
    expect(await readSignedBody(request('/api/revalidate', signHeaders('/api/revalidate', large), large))).toBeNull();
  });

  it('give a route its checked payload, or the answer to send: 401 unsigned, 400 not JSON or not its shape', async () => {
    const schema = z.object({ tags: z.array(z.string()) });
    const signed = (text: string) => request('/api/revalidate', signHeaders('/api/revalidate', text), text);
    expect(await readSignedPayload(signed(body), schema, '{"tags": [...]}')).toEqual({ ok: true, data: { tags: ['home'] } });
    const answers = await Promise.all(
      [request('/api/revalidate', {}), signed('not json'), signed('{"tags": "home"}')].map(async (req) => {
        const result = await readSignedPayload(req, schema, '{"tags": [...]}');
        return result.ok ? null : [result.response.status, await result.response.text()];
      }),
    );
    expect(answers).toEqual([
      [401, 'Not signed, or signed too long ago.'],
      [400, 'The body is not JSON.'],
      [400, 'Expected {"tags": [...]}.'],
    ]);
  });
});
