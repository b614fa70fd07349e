import { afterAll, beforeAll, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { createTestDb } from "./test-db";

// Two processes writing one SQLite file, as `npm start`'s workers and the CLI do. A transaction that
// reads, then writes after another process committed, must wait its turn, not fail: lib/db/client.ts
// begins every transaction IMMEDIATE (Prisma's adapter asks for DEFERRED, whose read-then-write upgrade
// SQLite refuses at once with SQLITE_BUSY_SNAPSHOT once the snapshot is stale).

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.$queryRawUnsafe("PRAGMA journal_mode = WAL"); // as scripts/prepare.ts leaves every database
  await t.db.rateLimit.create({ data: { key: "seed", count: 1, resetAt: BigInt(Date.now() + 60_000) } });
});
afterAll(async () => {
  await t.cleanup();
});

/** Another process inserts a RateLimit row (waiting up to 5 s for the lock); resolves with its exit code. */
function writeFromAnotherProcess(url: string, key: string): { done: Promise<number> } {
  const script = `
    const { createClient } = require("@libsql/client");
    const c = createClient({ url: process.argv[1] });
    (async () => {
      await c.execute("PRAGMA busy_timeout = 5000");
      await c.execute({ sql: "INSERT INTO RateLimit (key, count, resetAt) VALUES (?, 1, ?)", args: [process.argv[2], Date.now() + 60000] });
    })().then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); });`;
  const child = spawn(process.execPath, ["-e", script, url, key], { stdio: ["ignore", "ignore", "inherit"] });
  return { done: new Promise((resolve) => child.on("exit", (code) => resolve(code ?? 1))) };
}

it("a transaction that read first still writes when another process wrote meanwhile; both rows land", async () => {
  let other: { done: Promise<number> } | undefined;
  await t.db.$transaction(async (tx) => {
    expect(await tx.rateLimit.count()).toBe(1); // the read that fixes the snapshot
    other = writeFromAnotherProcess(t.url, "other-process");
    // Give the other process time to write (DEFERRED: it commits now) or to start waiting (IMMEDIATE).
    await Promise.race([other.done, new Promise((resolve) => setTimeout(resolve, 1500))]);
    await tx.rateLimit.create({ data: { key: "this-transaction", count: 1, resetAt: BigInt(Date.now() + 60_000) } });
  });
  expect(await other!.done).toBe(0);
  expect((await t.db.rateLimit.findMany({ select: { key: true }, orderBy: { key: "asc" } })).map((r) => r.key)).toEqual([
    "other-process",
    "seed",
    "this-transaction",
  ]);
});
