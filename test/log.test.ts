import { once } from 'node:events';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createLogger, reasonOf, REQUEST_ID_HEADER, trackRequestIds } from '@/lib/log';

/** A logger whose lines are collected, parsed. */
function capture(level = 'info') {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger(stream, level), lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('the logger', () => {
  it('writes one JSON object per line, with the level by name, an ISO time and the message', () => {
    const { logger, lines, parsed } = capture();
    logger.info({ sendId: 'abc' }, 'Newsletter send started');
    logger.debug('not at info');
    expect(lines).toHaveLength(1);
    const [line] = parsed();
    expect(line).toMatchObject({ level: 'info', msg: 'Newsletter send started', sendId: 'abc' });
    expect(new Date(String(line!.time)).toISOString()).toBe(line!.time);
  });

  it('never writes passwords, tokens, cookies or secrets, however deep, nor the password of an address', () => {
    const { logger, lines } = capture();
    const url = 'postgres://broadsheet:hunter2-db-pass@db.internal:5432/news';
    logger.info(
      {
        password: 'hunter2-pw',
        user: { passwordHash: '$argon2id$hash-value', token: 'tok-123' },
        request: { headers: { cookie: 'authjs.session-token=cookie-value', authorization: 'Bearer auth-value' } },
      },
      `connecting to ${url}`,
    );
    logger.error({ err: new Error(`connect ECONNREFUSED ${url}`), databaseUrl: url }, 'The database cannot be reached');
    const output = lines.join('\n');
    for (const secret of ['hunter2-pw', '$argon2id$hash-value', 'tok-123', 'cookie-value', 'auth-value', 'hunter2-db-pass']) expect(output).not.toContain(secret);
    expect(output).toContain('postgres://broadsheet:[redacted]@db.internal:5432/news');
    expect(lines).toHaveLength(2);
  });

  it("never writes a mail server's password nor a sign-in code or link, and keeps error codes", () => {
    const { logger, parsed } = capture();
    logger.info({ transport: { auth: { user: 'mailer', pass: 'smtp-pass-value' } } }, 'mail transport');
    logger.info({ mail: { signInCode: '12345678', link: 'link-value', linkUrl: 'https://news.example/editor/login/code?link=url-value' } }, 'sign-in mail');
    logger.warn({ code: 'throttled:8' }, 'next-auth warning');
    const [transport, mail, warning] = parsed();
    const output = JSON.stringify([transport, mail]);
    for (const secret of ['smtp-pass-value', '12345678', 'link-value', 'url-value']) expect(output).not.toContain(secret);
    expect(transport).toMatchObject({ transport: { auth: { user: 'mailer', pass: '[redacted]' } } });
    expect(warning).toMatchObject({ code: 'throttled:8' });
  });

  it('logs an error by its name, message, code and cause, not the properties a driver adds', () => {
    const { logger, parsed } = capture();
    const error = Object.assign(new Error('duplicate key', { cause: new TypeError('inner') }), { code: '23505', parameters: ['secret-parameter'] });
    logger.error({ err: error }, 'Saving failed');
    const [line] = parsed();
    const logged = line!.err as Record<string, unknown>;
    expect(logged).toMatchObject({ type: 'Error', message: 'duplicate key', code: '23505', cause: { type: 'TypeError', message: 'inner' } });
    expect(logged.stack).toMatch(/^Error: duplicate key\n\s+at /);
    expect(JSON.stringify(line)).not.toContain('secret-parameter');
  });

  it("leaves out the parameters of a failed query, and reads pg-boss's copied errors too", () => {
    const { logger, parsed } = capture();
    const failed = new Error('Failed query: select id from users where email = $1 and password_hash = $2\nparams: someone@example.org,$argon2id$secret');
    logger.error({ err: failed }, 'A query failed');
    logger.error(
      { err: { message: 'connection refused', code: 'ECONNREFUSED', stack: 'Error: connection refused\n    at x', queue: 'publish' } },
      'The job queue reported an error',
    );
    const [query, copied] = parsed();
    expect(JSON.stringify(query)).not.toMatch(/someone@example\.org|argon2id/);
    expect((query!.err as { message: string }).message).toBe('Failed query: select id from users where email = $1 and password_hash = $2\nparams: [redacted]');
    expect(copied!.err).toEqual({ type: 'Error', message: 'connection refused', code: 'ECONNREFUSED', stack: 'Error: connection refused\n    at x' });
  });
});

describe('the reason of an expected failure', () => {
  it("is the root cause's message, without the failed query's parameters or an address's password", () => {
    const driver = Object.assign(new Error('connect ECONNREFUSED postgres://app:pw-123@db:5432/news'), { code: 'ECONNREFUSED' });
    expect(reasonOf(new Error('Failed query: select 1\nparams: a@b.example', { cause: driver }))).toBe('connect ECONNREFUSED postgres://app:[redacted]@db:5432/news');
    expect(reasonOf(new Error('Failed query: select $1\nparams: token-value'))).toBe('Failed query: select $1\nparams: [redacted]');
  });
});

describe('request ids', () => {
  trackRequestIds();

  async function serve(handler: (logger: ReturnType<typeof capture>) => void) {
    const captured = capture();
    const server = createServer((_request, response) => {
      // Later in the request, after an await: the id must still be there.
      void Promise.resolve().then(() => {
        handler(captured);
        response.end(_request.headers[REQUEST_ID_HEADER]);
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const call = (headers: Record<string, string> = {}) =>
      new Promise<{ body: string; header: string | undefined }>((resolve, reject) => {
        get({ host: '127.0.0.1', port, headers }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ body, header: response.headers[REQUEST_ID_HEADER] as string | undefined }));
        }).on('error', reject);
      });
    return { captured, call, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it("carries the proxy's X-Request-Id into every line logged while handling the request, and answers with it", async () => {
    const server = await serve(({ logger }) => logger.info('handling'));
    try {
      const answer = await server.call({ 'X-Request-Id': 'proxy-id-42' });
      expect(answer).toEqual({ body: 'proxy-id-42', header: 'proxy-id-42' });
      expect(server.captured.parsed()).toEqual([expect.objectContaining({ msg: 'handling', requestId: 'proxy-id-42' })]);
    } finally {
      await server.close();
    }
  });

  it('makes one up when the request has none, or one that does not belong in a log line', async () => {
    const server = await serve(({ logger }) => logger.info('handling'));
    try {
      const first = await server.call();
      const second = await server.call({ 'X-Request-Id': 'a"b\\c}{'.repeat(3) });
      expect(first.header).toMatch(/^[0-9a-f-]{36}$/);
      expect(second.header).toMatch(/^[0-9a-f-]{36}$/);
      expect(first.header).not.toBe(second.header);
      expect(server.captured.parsed().map((line) => line.requestId)).toEqual([first.header, second.header]);
    } finally {
      await server.close();
    }
  });

  it('leaves lines logged outside a request without one', () => {
    const { logger, parsed } = capture();
    logger.warn('at start-up');
    expect(parsed()[0]).not.toHaveProperty('requestId');
  });
});
