import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDb } from "./test-db";
import { cacheVersion, markChanged } from "@/lib/cache/versions";
import { cacheVersionReader } from "@/scripts/serve/cache-versions.mjs";
import { holdWalLocks } from "../support/wal-lock";

// The public page cache's reader (scripts/serve/cache-versions.mjs, plain SQL outside Next's bundles)
// must see exactly what the services bump through Prisma (lib/cache/versions.ts), and must not wait
// for a writer: it runs on the server's event loop before every cached page.

let t: Awaited<ReturnType<typeof createTestDb>>;
let reader: ReturnType<typeof cacheVersionReader>;
beforeAll(async () => {
  t = await createTestDb();
  await t.db.$queryRawUnsafe("PRAGMA journal_mode = WAL"); // as scripts/prepare.ts sets it
  reader = cacheVersionReader({ url: t.url });
});
afterAll(async () => {
  reader.close();
  await t.cleanup();
});

it("reads the versions every change bumps, both views in one string", async () => {
  const stored = async () => `programme:${await cacheVersion(t.db, "programme")},syllabus:${await cacheVersion(t.db, "syllabus")}`;
  expect(await reader.read()).toBe("");
  await t.db.$transaction((tx) => markChanged(tx, "syllabus"));
  const first = await reader.read();
  expect(first).toBe(`syllabus:${await cacheVersion(t.db, "syllabus")}`);
  await t.db.$transaction((tx) => markChanged(tx, "programme"));
  await t.db.$transaction((tx) => markChanged(tx, "syllabus"));
  const second = await reader.read();
  expect(second).toBe(await stored());
  expect(second).not.toContain(first);
});

it("reads at once while another process holds the write lock", async () => {
  const release = await holdWalLocks(t.url.slice("file:".length), "writer");
  try {
    const started = Date.now();
    expect(await reader.read()).toMatch(/^programme:\d+,syllabus:\d+$/);
    expect(Date.now() - started).toBeLessThan(1000);
  } finally {
    await release();
  }
});

it("gives two databases different versions for their first change (the caches keyed by it are shared by every database served from one build)", async () => {
  const other = await createTestDb();
  try {
    const fresh = await createTestDb();
    try {
      await other.db.$transaction((tx) => markChanged(tx, "syllabus"));
      await fresh.db.$transaction((tx) => markChanged(tx, "syllabus"));
      expect(await cacheVersion(other.db, "syllabus")).not.toBe(await cacheVersion(fresh.db, "syllabus"));
    } finally {
      await fresh.cleanup();
    }
  } finally {
    await other.cleanup();
  }
});
