import { createClient, type Client, type Config, type TransactionMode } from "@libsql/client";

// The libSQL client every connection to the database goes through: the app's Prisma adapter
// (lib/db/index.ts) and the e2e suite's direct reads and writes (tests/e2e/helpers.ts). No "server-only"
// here, unlike lib/db/index.ts, because the e2e test process imports it too (it cannot load server-only
// modules); it holds no secret and bundles into nothing a browser loads.
//
// Several connections may share the SQLite file (the server, the CLI, a test, and the libSQL client
// itself, which hands its connection to a transaction and opens a new one for everything else): wait
// for a lock instead of failing at once with SQLITE_BUSY (which Prisma reports as P1008, "Operation has
// timed out"). Remote libSQL (Turso) servers manage this themselves.
export const BUSY_TIMEOUT_MS = 5000;
const BUSY_TIMEOUT = `PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`;

function waitForLocks(client: Client): Client {
  // The local client runs statements synchronously, in call order: this one is in force before the next.
  void client.execute(BUSY_TIMEOUT).catch(() => {});
  const transaction = client.transaction.bind(client);
  client.transaction = async (mode?: TransactionMode) => {
    // Prisma's adapter asks for "deferred" (BEGIN DEFERRED): the transaction reads on a snapshot and
    // takes the write lock at its first write. If another process committed in between, SQLite refuses
    // that upgrade at once (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out), so a token check
    // followed by its update failed whenever another worker wrote meanwhile. BEGIN IMMEDIATE takes the
    // write lock first, waiting for it like any write; the adapter runs one transaction at a time per
    // process anyway. A read-only transaction ("read") keeps its mode.
    const tx = await transaction(mode === "read" ? "read" : "write");
    // The connection used from now on is a new one: give it the same timeout.
    await client.execute(BUSY_TIMEOUT);
    return tx;
  };
  return client;
}

/** A libSQL client; for a local file, one that waits up to BUSY_TIMEOUT_MS for another writer's lock. */
export function createDbClient(config: Config): Client {
  const client = createClient(config);
  return config.url.startsWith("file:") ? waitForLocks(client) : client;
}
