// The embedded database: PGlite (PostgreSQL in WebAssembly) served over the Postgres protocol on a
// loopback port, so that every other process reaches it as an ordinary PostgreSQL server.
//
// PGlite has no cross-process locking: two processes opening one data directory silently lose
// writes. So exactly one process owns a data directory. Ownership is a loopback port derived from the
// directory's path, held for as long as the owner lives: binding a port is exclusive and the
// operating system releases it when the process dies, so a crash never leaves a stale lock. The
// owner writes the port it serves on to "<dir>.owner.json"; everyone else connects there.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { z } from 'zod';

const OWNER_WAIT_MS = 30_000;

/** @param {string} dir */
function lockPort(dir) {
  return 20_000 + (createHash('sha256').update(dir).digest().readUInt32BE(0) % 30_000);
}

/** @param {net.Server} server @param {number} port */
function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(true));
  });
}

/** @param {number} port @returns {Promise<boolean>} */
function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

// What the owner writes: a file left half-written or by another version counts as no owner.
const ownerSchema = z.object({ pid: z.number().int(), port: z.number().int().min(1).max(65_535), dir: z.string() });

/** @param {string} file */
function readOwner(file) {
  try {
    return ownerSchema.safeParse(JSON.parse(readFileSync(file, 'utf8'))).data ?? null;
  } catch {
    return null;
  }
}

// Message types of the extended query protocol that leave a batch open until Sync ('S').
/** @type {ReadonlySet<number | undefined>} */
const BATCH_MESSAGES = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((char) => char.charCodeAt(0)));

/**
 * pglite-socket runs one connection's messages at a time, but only keeps a connection's turn while
 * a transaction is open: between the Parse, Bind and Execute of one client's query another client's
 * message could run and wreck the unnamed statement. Reporting an open Parse…Sync batch as "in a
 * transaction" makes the server keep each batch together.
 * @param {import('@electric-sql/pglite').PGlite} db
 */
function keepBatchesTogether(db) {
  let batchOpen = false;
  return new Proxy(db, {
    get(target, property) {
      if (property === 'isInTransaction') return () => batchOpen || target.isInTransaction();
      if (property === 'execProtocolRawStream') {
        /** @param {Uint8Array} message @param {Parameters<typeof target.execProtocolRawStream>[1]} options */
        return async (message, options) => {
          const result = await target.execProtocolRawStream(message, options);
          batchOpen = BATCH_MESSAGES.has(message[0]);
          return result;
        };
      }
      if (property === 'exec') {
        /** @param {Parameters<typeof target.exec>} args */
        return async (...args) => {
          batchOpen = false;
          return target.exec(...args);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Holds `dir` for a process that opens its files itself (a backup, a restore): the same lock the
 * serving process takes, so neither can open it while the other has it. Returns the release.
 * @param {string} dir
 */
export async function holdEmbedded(dir) {
  const absolute = path.resolve(dir);
  const lock = net.createServer((socket) => socket.destroy());
  try {
    await listen(lock, lockPort(absolute));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    const owner = readOwner(`${absolute}.owner.json`);
    throw new Error(`The embedded database in ${dir} is in use${owner ? ` by process ${owner.pid}` : ''} (the app, or npm run dev/start): stop it first.`);
  }
  lock.unref();
  return () => new Promise((resolve) => lock.close(() => resolve(undefined)));
}

/** The extensions the migrations create (db/migrations/0005_search.sql), for every PGlite opened. */
export async function embeddedExtensions() {
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
  return { pg_trgm, unaccent };
}

/** @param {number} port */
function embeddedUrl(port) {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/** @param {string} dir @param {string} file */
async function waitForOwner(dir, file) {
  const deadline = Date.now() + OWNER_WAIT_MS;
  while (Date.now() < deadline) {
    const owner = readOwner(file);
    if (owner?.dir === dir && owner.port && (await accepts(owner.port))) {
      return { url: embeddedUrl(owner.port), owner: false, close: async () => {} };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Another process holds the embedded database in ${dir} (port ${lockPort(dir)}) but does not serve it. Stop that process and try again.`);
}

/**
 * Returns the URL of the embedded database in `dir`: served by this process when no other process
 * owns it, otherwise the owner's. `close()` stops serving (a no-op for a non-owner).
 * @param {string} dir
 */
export async function openEmbedded(dir) {
  const absolute = path.resolve(dir);
  mkdirSync(path.dirname(absolute), { recursive: true });
  const file = `${absolute}.owner.json`;
  const lock = net.createServer((socket) => socket.destroy());
  try {
    await listen(lock, lockPort(absolute));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EADDRINUSE') throw error;
    return waitForOwner(absolute, file);
  }
  lock.unref();
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create(absolute, { extensions: await embeddedExtensions() });
    const server = new PGLiteSocketServer({ db: keepBatchesTogether(db), host: '127.0.0.1', port: 0, maxConnections: 16 });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    writeFileSync(file, JSON.stringify({ pid: process.pid, port, dir: absolute }));
    let closed = false;
    return {
      url: embeddedUrl(port),
      owner: true,
      close: async () => {
        if (closed) return;
        closed = true;
        await server.stop();
        await db.close();
        rmSync(file, { force: true });
        lock.close();
      },
    };
  } catch (error) {
    lock.close();
    throw error;
  }
}
