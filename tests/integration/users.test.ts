import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bcryptWorkers } from "@/lib/auth/bcrypt-workers";
import { createTestDb } from "./test-db";
import { authenticate, createUser, EmailTakenError, ensureAdmin, registerUser } from "@/lib/users/service";
import { loadUserAccess } from "@/lib/users/access";
import { ensureBuiltInRoles } from "@/lib/roles/service";
import { ALL_PERMISSIONS, BUILT_IN_ROLES } from "@/lib/auth/permissions";

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const PASSWORD = "the brass band plays at noon";

describe("createUser", () => {
  it("gives a new user the participant role and a bcrypt hash, never the password", async () => {
    const { id } = await createUser(t.db, { email: "new@example.org", password: PASSWORD });
    const row = await t.db.user.findUniqueOrThrow({ where: { id } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$12\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    expect((await loadUserAccess(t.db, id))?.roles).toEqual(["participant"]);
  });

  it("makes exactly one user when twenty sign-ups with one address arrive at once", async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => createUser(t.db, { email: "race@example.org", password: PASSWORD })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(19);
    for (const r of rejected) expect(r.reason).toBeInstanceOf(EmailTakenError);
    expect(await t.db.user.count({ where: { email: "race@example.org" } })).toBe(1);
  }, 120_000); // twenty bcrypt hashes queue on the worker threads
});

describe("registerUser", () => {
  it("writes the account and its audit event together: a refused audit write leaves no account", async () => {
    // A real failure of the second write, by the database itself: a trigger refuses the sign-up's event.
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_sign_up_audit BEFORE INSERT ON "AuditEvent" WHEN NEW."action" = 'user.signed_up' BEGIN SELECT RAISE(ABORT, 'audit refused'); END`,
    );
    try {
      await expect(registerUser(t.db, { email: "half@example.org", password: PASSWORD, ip: "203.0.113.9" })).rejects.toThrow();
    } finally {
      await t.db.$executeRawUnsafe(`DROP TRIGGER refuse_sign_up_audit`);
    }
    expect(await t.db.user.count({ where: { email: "half@example.org" } })).toBe(0);

    const user = await registerUser(t.db, { email: "half@example.org", password: PASSWORD, ip: "203.0.113.9" });
    expect((await loadUserAccess(t.db, user.id))?.roles).toEqual(["participant"]);
    const events = await t.db.auditEvent.findMany({ where: { subjectId: user.id }, select: { action: true, actorId: true, ip: true } });
    expect(events).toEqual([{ action: "user.signed_up", actorId: user.id, ip: "203.0.113.9" }]);
  });
});

describe("authenticate", () => {
  it("answers null alike for unknown, wrong and inactive: one compare at the same cost, no hash, from the first call", async () => {
    const { id } = await createUser(t.db, { email: "inactive@example.org", password: PASSWORD });
    await t.db.user.update({ where: { id }, data: { active: false } });
    const known = await createUser(t.db, { email: "known@example.org", password: PASSWORD });
    const costPrefix = (await t.db.user.findUniqueOrThrow({ where: { id: known.id } })).passwordHash!.slice(0, 7);
    const compare = vi.spyOn(bcryptWorkers, "compare");
    const hash = vi.spyOn(bcryptWorkers, "hash");
    try {
      // Twice round: the first round is this process's first unknown-address sign-in (nothing warmed
      // up by an earlier one), the second the steady state. Every case, every round: the same cost.
      for (let round = 0; round < 2; round++) {
        for (const [email, password] of [
          ["nobody@example.org", PASSWORD],
          ["known@example.org", "the brass band plays at one"],
          ["inactive@example.org", PASSWORD],
        ]) {
          compare.mockClear();
          hash.mockClear();
          expect(await authenticate(t.db, email, password, `203.0.113.${10 + round}`)).toBeNull();
          expect(hash, `${email}, round ${round}`).not.toHaveBeenCalled();
          expect(compare, `${email}, round ${round}`).toHaveBeenCalledTimes(1);
          // Compared against a hash of the same bcrypt cost as a real account's.
          expect(String(compare.mock.calls[0][1]).slice(0, 7), email).toBe(costPrefix);
        }
      }
    } finally {
      compare.mockRestore();
      hash.mockRestore();
    }
  });

  it("tracks sign-ins: count, current and previous time and address", async () => {
    await createUser(t.db, { email: "tracked@example.org", password: PASSWORD });
    const first = await authenticate(t.db, "tracked@example.org", PASSWORD, "203.0.113.1");
    expect(first?.email).toBe("tracked@example.org");
    await authenticate(t.db, "tracked@example.org", PASSWORD, "203.0.113.2");
    const row = await t.db.user.findUniqueOrThrow({ where: { email: "tracked@example.org" } });
    expect(row.signInCount).toBe(2);
    expect(row.currentSignInIp).toBe("203.0.113.2");
    expect(row.lastSignInIp).toBe("203.0.113.1");
    expect(row.lastSignInAt!.getTime()).toBeLessThanOrEqual(row.currentSignInAt!.getTime());
  });
});

describe("roles and the first admin", () => {
  it("seeds idempotently and gives admin every permission", async () => {
    await ensureBuiltInRoles(t.db);
    await ensureBuiltInRoles(t.db);
    expect(await t.db.role.count()).toBe(BUILT_IN_ROLES.length);
    expect(await ensureAdmin(t.db, "boss@example.org", PASSWORD)).toBe("created");
    const boss = await t.db.user.findUniqueOrThrow({ where: { email: "boss@example.org" } });
    const access = await loadUserAccess(t.db, boss.id);
    expect(access?.roles).toEqual(["admin", "participant"]);
    expect(access?.permissions).toEqual([...ALL_PERMISSIONS].sort());
  });

  it("promotes an existing user and resets their password", async () => {
    await createUser(t.db, { email: "promoted@example.org", password: PASSWORD });
    expect(await ensureAdmin(t.db, "promoted@example.org", "a brand new admin password")).toBe("updated");
    expect(await authenticate(t.db, "promoted@example.org", PASSWORD, null)).toBeNull();
    const access = await authenticate(t.db, "promoted@example.org", "a brand new admin password", null);
    expect(access?.roles).toContain("admin");
  });
});
