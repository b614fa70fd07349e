import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./test-db";
import { createUser } from "@/lib/users/service";
import { loadUserAccess } from "@/lib/users/access";
import { startSession } from "@/lib/auth/sessions";
import { CLI_ACTOR, RuleError, userActor, type Actor } from "@/lib/auth/actor";
import { countActiveRoleManagers, deleteUser, grantRole, listUsers, revokeRole, setActive } from "@/lib/users/admin";
import { createRole, deleteRole, findRoleId, listRoleNames, listRoles, setRolePermissions, updateRole } from "@/lib/roles/service";
import { setFestivalRoles } from "@/lib/roles/self-service";
import { listAuditEvents } from "@/lib/audit/query";
import type { PrismaClient } from "@/lib/generated/prisma/client";

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const PASSWORD = "the brass band plays at noon";

// Each test makes the users and roles it needs, with names no other test uses.
async function make(email: string, roles: string[] = ["participant"], db: PrismaClient = t.db) {
  return createUser(db, { email, password: PASSWORD, roles });
}

async function actorFor(id: string, db: PrismaClient = t.db): Promise<Actor> {
  return userActor((await loadUserAccess(db, id))!, "203.0.113.7");
}

async function events(action: string, subjectId: string) {
  return t.db.auditEvent.findMany({ where: { action, subjectId } });
}

describe("the last user who can manage roles", () => {
  it("can be neither demoted, deactivated nor deleted, by the console or the CLI; another admin unlocks it", async () => {
    // The rule counts every manager in the database: this test needs one where its admin is the only one.
    const own = await createTestDb();
    try {
      const db = own.db;
      const only = await make("only-admin@example.org", ["admin"], db);
      expect(await countActiveRoleManagers(db)).toBe(1);
      const me = await actorFor(only.id, db);
      for (const actor of [me, CLI_ACTOR]) {
        await expect(revokeRole(db, actor, only.id, "admin")).rejects.toThrow("no active user who holds roles.manage");
        await expect(setActive(db, actor, only.id, false)).rejects.toThrow(RuleError);
        await expect(deleteUser(db, actor, only.id)).rejects.toThrow(RuleError);
        await expect(setRolePermissions(db, actor, await findRoleId(db, "admin"), ["admin.access"])).rejects.toThrow(RuleError);
      }
      expect((await loadUserAccess(db, only.id))?.roles).toEqual(["admin"]);
      expect(await db.auditEvent.count({ where: { subjectId: only.id } })).toBe(0);

      const second = await make("second-admin@example.org", ["admin"], db);
      expect(await revokeRole(db, CLI_ACTOR, only.id, "admin")).toBe("revoked");
      await expect(setActive(db, CLI_ACTOR, second.id, false)).rejects.toThrow(RuleError);
    } finally {
      await own.cleanup();
    }
  }, 120_000); // a database of its own: migrations first, on a machine others share
});

describe("granting", () => {
  it("refuses a role whose permissions the granter does not hold, and ticking a permission they lack", async () => {
    const manager = await make("user-manager@example.org");
    const role = await createRole(t.db, CLI_ACTOR, { name: "user-managers", permissions: ["admin.access", "users.read", "users.manage", "audit.read", "festival.read"] });
    await grantRole(t.db, CLI_ACTOR, manager.id, "user-managers");
    const actor = await actorFor(manager.id);
    const target = await make("target@example.org");
    await expect(grantRole(t.db, actor, target.id, "admin")).rejects.toThrow("it grants roles.manage, festival.manage, which you do not hold");
    expect(await grantRole(t.db, actor, target.id, "organizer")).toBe("granted");
    await expect(setRolePermissions(t.db, actor, role.id, ["admin.access", "users.read", "users.manage", "audit.read", "festival.read", "roles.manage"])).rejects.toThrow(
      "You cannot grant roles.manage",
    );
    await expect(createRole(t.db, actor, { name: "sneaky", permissions: ["roles.manage"] })).rejects.toThrow(RuleError);
  });

  it("leaves the holder's sessions alone (access is read per request) and writes one audit event per change, with actor and IP", async () => {
    const admin = await make("granting-admin@example.org", ["admin"]);
    const user = await make("granted@example.org");
    await startSession(t.db, user.id, { ip: null, userAgent: null });
    await grantRole(t.db, await actorFor(admin.id), user.id, "teacher");
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
    const [event] = await events("role.granted", user.id);
    expect(event).toMatchObject({ actorId: admin.id, actorLabel: "granting-admin@example.org", ip: "203.0.113.7", subjectLabel: "granted@example.org" });
    expect(JSON.parse(event.details!)).toEqual({ role: "teacher" });
  });

  it("stays consistent under 20 parallel grants and revokes of one role", async () => {
    const user = await make("parallel@example.org");
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? grantRole(t.db, CLI_ACTOR, user.id, "teacher") : revokeRole(t.db, CLI_ACTOR, user.id, "teacher"))),
    );
    const roles = (await loadUserAccess(t.db, user.id))!.roles;
    const granted = (await events("role.granted", user.id)).length;
    const revoked = (await events("role.revoked", user.id)).length;
    // Every recorded change really happened, in order: the final state follows from the counts.
    expect(granted - revoked).toBe(roles.includes("teacher") ? 1 : 0);
    expect(results.filter((r) => r === "granted").length).toBe(granted);
    expect(await t.db.userRole.count({ where: { userId: user.id } })).toBe(roles.length);
  });
});

describe("roles", () => {
  it("the admin role cannot be deleted, built-in roles keep their names, names are unique", async () => {
    const adminId = await findRoleId(t.db, "admin");
    await expect(deleteRole(t.db, CLI_ACTOR, adminId)).rejects.toThrow('The built-in role "admin" cannot be deleted');
    await expect(updateRole(t.db, CLI_ACTOR, await findRoleId(t.db, "teacher"), { name: "tutor", description: "" })).rejects.toThrow("cannot be renamed");
    await createRole(t.db, CLI_ACTOR, { name: "ushers" });
    await expect(createRole(t.db, CLI_ACTOR, { name: "ushers" })).rejects.toThrow('A role named "ushers" already exists');
  });

  it("deleting a role removes it from its holders, whose sessions go on without it", async () => {
    const role = await createRole(t.db, CLI_ACTOR, { name: "temporary" });
    const user = await make("temp-holder@example.org", ["temporary"]);
    await startSession(t.db, user.id, { ip: null, userAgent: null });
    await deleteRole(t.db, CLI_ACTOR, role.id);
    const after = (await loadUserAccess(t.db, user.id))!;
    expect(after.roles).toEqual([]);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
    expect((await events("role.deleted", role.id))[0].actorLabel).toBe("cli");
  });
});

describe("festival roles chosen by the user", () => {
  it("grants and drops only festival roles, keeps other roles, and does not end the session", async () => {
    const user = await make("chooser@example.org", ["participant", "organizer"]);
    await startSession(t.db, user.id, { ip: null, userAgent: null });
    await expect(setFestivalRoles(t.db, user, ["teacher", "admin"], null)).rejects.toThrow('You cannot choose the role "admin" yourself');
    await expect(setFestivalRoles(t.db, user, ["organizer"], null)).rejects.toThrow(RuleError);
    expect(await setFestivalRoles(t.db, user, ["teacher", "guardian"], null)).toEqual({ granted: ["teacher", "guardian"], revoked: ["participant"] });
    const after = (await loadUserAccess(t.db, user.id))!;
    expect(after.roles).toEqual(["guardian", "organizer", "teacher"]);
    expect(await t.db.session.count({ where: { userId: user.id } })).toBe(1);
  });
});

describe("listing", () => {
  it("searches e-mail and name prefixes, filters by role and state, sorts and pages", async () => {
    const organizer = await make("organizer-listed@example.org", ["organizer"]);
    const base = Date.UTC(2020, 0, 1);
    await t.db.user.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({
        email: `zlist${String(i).padStart(3, "0")}@example.org`,
        name: i === 7 ? "Zelda Lister" : null,
        active: i % 3 !== 0,
        createdAt: new Date(base + i * 1000),
      })),
    });
    const all = await listUsers(t.db, { q: "ZLIST", sort: "email", page: 1 });
    expect(all.total).toBe(120);
    expect(all.users).toHaveLength(50);
    expect(all.users[0].email).toBe("zlist000@example.org");
    // Read with raw SQL: the same values and types as Prisma's own reads give.
    expect(all.users[0]).toEqual({ id: expect.any(String), email: "zlist000@example.org", name: null, active: false, createdAt: new Date(base), currentSignInAt: null });
    expect(all.users[7]).toMatchObject({ name: "Zelda Lister", active: true, createdAt: new Date(base + 7000) });
    expect((await listUsers(t.db, { q: "zlist", sort: "email", page: 3 })).users.map((u) => u.email).at(-1)).toBe("zlist119@example.org");
    expect((await listUsers(t.db, { q: "zlist", active: false, sort: "created", page: 1 })).total).toBe(40);
    expect((await listUsers(t.db, { q: "Zelda", sort: "created", page: 1 })).users.map((u) => u.email)).toEqual(["zlist007@example.org"]);
    expect((await listUsers(t.db, { q: "list", sort: "created", page: 1 })).total).toBe(0); // a prefix, not a substring
    // The list's role filter offers every role by name, as listRoles (which also counts and reads grants) has them.
    expect(await listRoleNames(t.db)).toEqual((await listRoles(t.db)).map(({ id, name }) => ({ id, name })));
    const organizers = await listUsers(t.db, { role: "organizer", sort: "email", page: 1 });
    expect(organizers.users.map((u) => u.email)).toContain(organizer.email);
    expect(organizers.users.every((u) => !u.email.startsWith("zlist"))).toBe(true);
  });

  it("sorts by last sign-in: the most recent first, those who never signed in last", async () => {
    const at = (year: number | null) => (year === null ? null : new Date(Date.UTC(year, 5, 1)));
    // Made in this order (createdAt ascending), so neither creation order nor its reverse is the answer.
    const signIns = { "zsort-a": null, "zsort-b": 2021, "zsort-c": 2023, "zsort-d": 2022 } as const;
    let i = 0;
    for (const [name, year] of Object.entries(signIns)) {
      await t.db.user.create({ data: { email: `${name}@example.org`, createdAt: new Date(Date.UTC(2019, 0, 1) + i++ * 1000), currentSignInAt: at(year) } });
    }
    const sorted = await listUsers(t.db, { q: "zsort-", sort: "last-sign-in", page: 1 });
    expect(sorted.users.map((u) => u.email)).toEqual(["zsort-c@example.org", "zsort-d@example.org", "zsort-b@example.org", "zsort-a@example.org"]);
    expect(sorted.users.map((u) => u.currentSignInAt?.getUTCFullYear() ?? null)).toEqual([2023, 2022, 2021, null]);
  });

  it("filters the audit log by action and by user, also after the user is deleted", async () => {
    const user = await make("audit-subject@example.org");
    await setActive(t.db, CLI_ACTOR, user.id, false);
    await deleteUser(t.db, CLI_ACTOR, user.id);
    const mine = await listAuditEvents(t.db, { user: "audit-subject@example.org", page: 1 });
    expect(mine.events.map((e) => e.action).sort()).toEqual(["user.deactivated", "user.deleted"]);
    const deletions = await listAuditEvents(t.db, { action: "user.deleted", page: 1 });
    expect(deletions.events.every((e) => e.action === "user.deleted")).toBe(true);
  });
});
