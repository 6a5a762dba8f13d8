// The embedded database: PGlite (PostgreSQL in WebAssembly) served over the Postgres protocol on a
// loopback port, so that every other process reaches it as an ordinary PostgreSQL server.
//
// PGlite has no cross-process locking: two processes opening one data directory silently lose
// writes. So exactly one process owns a data directory, recorded in "<dir>.owner.json", created
// with O_EXCL before PGlite is opened; everyone else connects to the port written there.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const OWNER_WAIT_MS = 30_000;

function ownerFile(dir) {
  return `${dir.replace(/\/+$/, '')}.owner.json`;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function readOwner(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

export function embeddedUrl(port) {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}

/**
 * Returns the URL of the embedded database in `dir`: served by this process if no live process owns
 * it, otherwise the owner's. `close()` stops serving (a no-op for a non-owner).
 */
export async function openEmbedded(dir) {
  const absolute = path.resolve(dir);
  mkdirSync(path.dirname(absolute), { recursive: true });
  const file = ownerFile(absolute);
  const deadline = Date.now() + OWNER_WAIT_MS;
  for (;;) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, port: null }), { flag: 'wx' });
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
    }
    const owner = readOwner(file);
    if (owner && !isAlive(owner.pid)) {
      rmSync(file, { force: true });
      continue;
    }
    if (owner?.port) return { url: embeddedUrl(owner.port), owner: false, close: async () => {} };
    if (Date.now() > deadline) {
      throw new Error(`The embedded database in ${absolute} is held by process ${owner?.pid}, which is not serving it. Stop that process or delete ${file}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create(absolute);
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    writeFileSync(file, JSON.stringify({ pid: process.pid, port }));
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
      },
    };
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
}
