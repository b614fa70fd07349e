import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient } from "@libsql/client";
import { createTestDb } from "../integration/test-db";
import { holdWalLocks } from "../support/wal-lock";
import { closedPort } from "../support/closed-port";
import { createPrismaClient } from "@/lib/db";
import { BUSY_TIMEOUT_MS, createDbClient } from "@/lib/db/client";
import { describeDatabaseError, isDatabaseUnavailable } from "@/lib/db/unavailable";
import { createUser } from "@/lib/users/service";
import { loadUserAccess } from "@/lib/users/access";

// The classifier against errors made by the real clients: a file another process has locked, remote
// libSQL URLs nothing answers, a file that cannot be opened; and errors that are not an outage.

let t: Awaited<ReturnType<typeof createTestDb>>;
let userId: string;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.$queryRawUnsafe("PRAGMA journal_mode = WAL"); // as scripts/prepare.ts leaves every database
  userId = (await createUser(t.db, { email: "locked-out@example.org", password: "a song for the closing night" })).id;
});
afterAll(async () => {
  await t.cleanup();
});

const dbFile = () => t.url.slice("file:".length);

async function failure(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error("expected the database call to fail");
}

function expectOutage(error: unknown, summary: RegExp) {
  expect(isDatabaseUnavailable(error)).toBe(true);
  const line = describeDatabaseError(error);
  expect(line).toMatch(summary);
  expect(line).not.toMatch(/\n|SELECT|FROM/);
}

// A lock held a little over 1 s from when it is taken, so the write that follows waits at least 1 s.
const HELD_MS = 1200;

describe("a SQLite file another process holds locked", () => {
  it("fails the access query (raw SQL: P2010 wrapping SQLITE_PROTOCOL), then works again once released", async () => {
    const release = await holdWalLocks(dbFile());
    let error;
    try {
      error = await failure(() => loadUserAccess(t.db, userId));
    } finally {
      await release();
    }
    expect(error).toMatchObject({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "15", originalMessage: expect.stringMatching(/locking protocol$/) } } } });
    expectOutage(error, /^15 (SQLITE_PROTOCOL: )?locking protocol$/);
    // Nothing is remembered: the same client reads again at once.
    expect((await loadUserAccess(t.db, userId))?.email).toBe("locked-out@example.org");
  }, 40_000);

  it("fails a model query (DriverAdapterError, SQLITE_PROTOCOL)", async () => {
    const release = await holdWalLocks(dbFile());
    const error = await failure(() => t.db.user.count()).finally(release);
    expect(error).toMatchObject({ name: "DriverAdapterError", cause: { kind: "sqlite", extendedCode: 15 } });
    expectOutage(error, /locking protocol/);
  }, 40_000);

  it("waits for a writer's lock: released after 1 s, the write succeeds, after at least that second", async () => {
    // The other process lets go by itself: the driver blocks this event loop while it waits.
    const release = await holdWalLocks(dbFile(), "writer", HELD_MS);
    const started = performance.now();
    await t.db.user.update({ where: { id: userId }, data: { name: "Waited" } }).finally(release);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: userId } })).name).toBe("Waited");
  }, 40_000);

  it("fails a write after the busy timeout, not at once, while a writer holds the lock (P1008, SQLITE_BUSY)", async () => {
    const release = await holdWalLocks(dbFile(), "writer");
    const started = performance.now();
    const error = await failure(() => t.db.user.update({ where: { id: userId }, data: { name: "Busy" } })).finally(release);
    const waited = performance.now() - started;
    expect(error).toMatchObject({ code: "P1008" });
    expectOutage(error, /P1008|SQLITE_BUSY|database is locked/);
    // SQLite's busy handler sleeps in steps up to the timeout; a loaded machine only makes it later.
    expect(waited).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 100);
    expect(waited).toBeLessThan(BUSY_TIMEOUT_MS + 15_000);
  }, 40_000);

  it("the e2e suite's raw client (the same factory) waits for the lock too", async () => {
    const client = createDbClient({ url: t.url });
    const release = await holdWalLocks(dbFile(), "writer", HELD_MS);
    const started = performance.now();
    try {
      await client.execute({ sql: "UPDATE User SET name = 'raw' WHERE id = ?", args: [userId] });
    } finally {
      client.close();
      await release();
    }
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
  }, 40_000);

  it("the libSQL client alone says SQLITE_BUSY", async () => {
    const release = await holdWalLocks(dbFile(), "writer");
    const client = createClient({ url: t.url });
    const error = await failure(() => client.execute("UPDATE User SET name = 'x' WHERE 0")).finally(async () => {
      client.close();
      await release();
    });
    expect(error).toMatchObject({ code: "SQLITE_BUSY" });
    expectOutage(error, /SQLITE_BUSY/);
  });
});

describe("a database that cannot be reached at all", () => {
  it("remote libSQL over HTTP on a closed port: fetch failed, ECONNREFUSED", async () => {
    const db = createPrismaClient(`http://127.0.0.1:${await closedPort()}`, "token");
    const error = await failure(() => loadUserAccess(db, "x"));
    expect(error).toMatchObject({ name: "TypeError", message: "fetch failed", cause: { code: "ECONNREFUSED" } });
    expectOutage(error, /^ECONNREFUSED /);
  });

  it("remote libSQL over WebSockets on a closed port: HRANA_WEBSOCKET_ERROR", async () => {
    const db = createPrismaClient(`ws://127.0.0.1:${await closedPort()}`, "token");
    const error = await failure(() => db.user.count());
    expect(error).toMatchObject({ name: "DriverAdapterError", message: expect.stringMatching(/^HRANA_WEBSOCKET_ERROR: connect ECONNREFUSED/) });
    expectOutage(error, /ECONNREFUSED/);
  });

  it("a host name that does not resolve: ENOTFOUND", async () => {
    const db = createPrismaClient("libsql://mfo-database.invalid", "token");
    const error = await failure(() => db.user.count());
    expect(error).toMatchObject({ message: "fetch failed", cause: { code: expect.stringMatching(/ENOTFOUND|EAI_AGAIN/) } });
    expectOutage(error, /ENOTFOUND|EAI_AGAIN/);
  });

  it("a file in a folder that does not exist: the driver cannot open it", async () => {
    const db = createPrismaClient("file:/nonexistent-mfo-folder/mfo.db");
    const error = await failure(() => db.user.count());
    expectOutage(error, /^Failed to connect to database/);
  });
});

describe("errors that are not an outage stay errors", () => {
  it("a unique violation, a missing row, a bug", async () => {
    const duplicate = await failure(() => createUser(t.db, { email: "locked-out@example.org", password: "a song for the closing night" }));
    const missing = await failure(() => t.db.user.update({ where: { id: "no-such-user" }, data: { name: "x" } }));
    const badSql = await failure(() => t.db.$queryRawUnsafe("SELECT nope FROM User"));
    for (const error of [duplicate, missing, badSql, new Error("boom"), new TypeError("x is not a function"), null, "text"]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});
