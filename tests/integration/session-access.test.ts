import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createTestDb } from "./test-db";
import { createUser } from "@/lib/users/service";
import { loadSessionAccess, loadUserAccess } from "@/lib/users/access";
import { sessionTokenHash, startSession } from "@/lib/auth/sessions";
import { readerOf } from "@/lib/db/readers";

// Every signed-in request's one read (loadSessionAccess) goes straight to libSQL through the reader beside
// the Prisma client (lib/db/readers.ts), and through Prisma when the reader cannot read: same answer both ways.

let t: Awaited<ReturnType<typeof createTestDb>>;
let hash = "";
let userId = "";
beforeAll(async () => {
  t = await createTestDb();
  await t.db.$queryRawUnsafe("PRAGMA journal_mode = WAL"); // as scripts/prepare.ts sets it
  const user = await createUser(t.db, { email: "reader@example.org", password: "a long password for the reader test", roles: ["admin", "teacher"] });
  userId = user.id;
  hash = sessionTokenHash(await startSession(t.db, userId, { ip: "203.0.113.9", userAgent: "test" }));
});
afterAll(async () => {
  await t.cleanup();
});

it("reads the session and the user's access with one statement on the reader, not through Prisma", async () => {
  const reader = readerOf(t.db)!;
  expect(reader).not.toBeNull();
  const direct = vi.spyOn(reader, "all");
  const prisma = vi.spyOn(t.db, "$queryRawUnsafe");
  const found = await loadSessionAccess(t.db, hash);
  expect(direct).toHaveBeenCalledTimes(1);
  expect(prisma).not.toHaveBeenCalled();
  direct.mockRestore();
  prisma.mockRestore();
  expect(found?.user).toEqual(await loadUserAccess(t.db, userId));
  expect(found?.user.roles).toEqual(["admin", "teacher"]);
  expect(found?.user.permissions).toContain("users.manage");
  expect(found?.user.active).toBe(true);
  const row = await t.db.session.findUniqueOrThrow({ where: { tokenHash: hash } });
  expect(found?.session).toEqual({ id: row.id, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, expiresAt: row.expiresAt, authenticatedAt: row.authenticatedAt });
  expect(await loadSessionAccess(t.db, "no-such-hash")).toBeNull();
});

it("falls back to Prisma, with the same answer, when the reader cannot read", async () => {
  const expected = await loadSessionAccess(t.db, hash);
  const reader = readerOf(t.db)!;
  const failing = vi.spyOn(reader, "all").mockRejectedValueOnce(new Error("SQLITE_BUSY: database is locked"));
  const prisma = vi.spyOn(t.db, "$queryRawUnsafe");
  expect(await loadSessionAccess(t.db, hash)).toEqual(expected);
  expect(failing).toHaveBeenCalledTimes(1);
  expect(prisma).toHaveBeenCalledTimes(1);
  failing.mockRestore();
  prisma.mockRestore();
});

it("knows a local database file by its URL (read through prepared statements) from a remote one (read through the client)", async () => {
  const { fileUrlPath } = await import("@/lib/db/readers");
  expect(fileUrlPath("file:./data/mfo.db")).toBe("./data/mfo.db");
  expect(fileUrlPath("file:/var/mfo/mfo.db")).toBe("/var/mfo/mfo.db");
  expect(fileUrlPath("file:///var/mfo/mfo.db")).toBe("/var/mfo/mfo.db");
  expect(fileUrlPath("libsql://festival.turso.io")).toBeNull();
});
