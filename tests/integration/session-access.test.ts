import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { createTestDb } from "./test-db";
import { createUser } from "@/lib/users/service";
import { dateFromDb, loadSessionAccess, loadUserAccess } from "@/lib/users/access";
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

it("reads the user's further columns a caller asks for in the same statement, through the reader and through Prisma alike", async () => {
  await t.db.user.update({ where: { id: userId }, data: { signInCount: 3, lastSignInIp: "198.51.100.4", lastSignInAt: new Date("2026-01-02T03:04:05Z") } });
  const reader = readerOf(t.db)!;
  const direct = vi.spyOn(reader, "all");
  const found = await loadSessionAccess(t.db, hash, ["signInCount", "lastSignInIp", "lastSignInAt", "currentSignInIp"]);
  expect(direct).toHaveBeenCalledTimes(1);
  direct.mockRestore();
  expect(Number(found?.also.signInCount)).toBe(3);
  expect(found?.also.lastSignInIp).toBe("198.51.100.4");
  expect(dateFromDb(found?.also.lastSignInAt)).toEqual(new Date("2026-01-02T03:04:05Z"));
  expect(found?.also.currentSignInIp).toBeNull();
  // The access itself is the same as without them, and a read without them carries none.
  expect(found?.user).toEqual((await loadSessionAccess(t.db, hash))?.user);
  expect((await loadSessionAccess(t.db, hash))?.also).toEqual({});
  // Through Prisma (the fallback), the same values.
  const failing = vi.spyOn(reader, "all").mockRejectedValueOnce(new Error("SQLITE_BUSY: database is locked"));
  const viaPrisma = await loadSessionAccess(t.db, hash, ["signInCount", "lastSignInIp", "lastSignInAt", "currentSignInIp"]);
  failing.mockRestore();
  expect(Number(viaPrisma?.also.signInCount)).toBe(3);
  expect(dateFromDb(viaPrisma?.also.lastSignInAt)).toEqual(new Date("2026-01-02T03:04:05Z"));
});

it("refuses a column name that is not one of User's (the names go into the SQL text)", async () => {
  const hostile = "id FROM User; --" as never;
  await expect(loadSessionAccess(t.db, hash, [hostile])).rejects.toThrow(/Not a column of User/);
  await expect(loadSessionAccess(t.db, hash, ["passwordHash", hostile])).rejects.toThrow(/Not a column of User/);
});

it("knows a local database file by its URL (read through prepared statements) from a remote one (read through the client)", async () => {
  const { fileUrlPath } = await import("@/lib/db/readers");
  expect(fileUrlPath("file:./data/mfo.db")).toBe("./data/mfo.db");
  expect(fileUrlPath("file:/var/mfo/mfo.db")).toBe("/var/mfo/mfo.db");
  expect(fileUrlPath("file:///var/mfo/mfo.db")).toBe("/var/mfo/mfo.db");
  expect(fileUrlPath("libsql://festival.turso.io")).toBeNull();
});
