import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createTestDb } from "../integration/test-db";
import { createUser, registerUser } from "@/lib/users/service";
import { loadUserAccess } from "@/lib/users/access";
import { CLI_ACTOR, RuleError, userActor, type Actor } from "@/lib/auth/actor";
import { BUILT_IN_ROLES, SELF_SERVICE_ROLES } from "@/lib/auth/permissions";
import { countActiveRoleManagers, deleteUser, grantRole, revokeRole, setActive, setPassword } from "@/lib/users/admin";
import { createRole, deleteRole, ensureBuiltInRoles, findRoleId, getRole, saveRole, setRolePermissions, updateRole } from "@/lib/roles/service";
import { setFestivalRoles } from "@/lib/roles/self-service";

// The role and permission rules of the services (lib/roles, lib/users/admin.ts), attacked on a real
// SQLite file: security review, issue 10, findings 1, 8, 14 and the two found by reading.

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t.cleanup();
});

const PASSWORD = "the brass band plays at noon";
let n = 0;
async function make(roles: string[] = ["participant"]) {
  return createUser(t.db, { email: `roles-${++n}-${Date.now()}@example.org`, password: PASSWORD, roles });
}

async function actorFor(id: string): Promise<Actor> {
  return userActor((await loadUserAccess(t.db, id))!, "203.0.113.7");
}

async function permissionsOf(roleName: string) {
  return (await getRole(t.db, await findRoleId(t.db, roleName)))!.permissions;
}

/** A hand edit of the database (or a row from before the rules): what the services must not trust. */
async function tickBehindTheRulesBack(roleName: string, permission: string) {
  await t.db.rolePermission.create({ data: { role: { connect: { name: roleName } }, permission: { connect: { name: permission } } } });
}

describe("finding 1: a self-chosen role grants no permission, ever", () => {
  it.each(SELF_SERVICE_ROLES.map((r) => [r]))("ticking a permission on %s is refused, even for the CLI, and changes nothing", async (role) => {
    const id = await findRoleId(t.db, role);
    const error = await setRolePermissions(t.db, CLI_ACTOR, id, ["admin.access"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RuleError);
    expect((error as RuleError).message).toBe(`Users choose the role "${role}" for themselves, so it cannot grant any permission`);
    expect((error as RuleError).field).toBe("permission");
    expect(await permissionsOf(role)).toEqual([]);
    expect(await t.db.auditEvent.count({ where: { subjectId: id } })).toBe(0);
  });

  it("the console's form is refused as a whole: no permission, no new description", async () => {
    const admin = await make(["admin"]);
    const id = await findRoleId(t.db, "teacher");
    await expect(saveRole(t.db, await actorFor(admin.id), id, { name: "teacher", description: "changed", permissions: ["users.read"] })).rejects.toThrow(
      'Users choose the role "teacher" for themselves',
    );
    expect(await getRole(t.db, id)).toMatchObject({ description: "Teachers who enter their students", permissions: [] });
  });

  it("a participant cannot choose a festival role that grants a permission (a hand-edited database)", async () => {
    const user = await make();
    await tickBehindTheRulesBack("adjudicator", "admin.access");
    try {
      await expect(setFestivalRoles(t.db, user, ["participant", "adjudicator"], null)).rejects.toThrow('The role "adjudicator" grants permissions, so it cannot be chosen here');
      expect((await loadUserAccess(t.db, user.id))!).toMatchObject({ roles: ["participant"], permissions: [] });
      // Dropping it stays possible, and the other festival roles still work.
      expect(await setFestivalRoles(t.db, user, ["teacher"], null)).toEqual({ granted: ["teacher"], revoked: ["participant"] });
    } finally {
      await t.db.rolePermission.deleteMany({ where: { role: { name: "adjudicator" } } });
    }
  });

  it("a role is self-chosen by its key, not its name: an organizer-made role is never choosable", async () => {
    await createRole(t.db, CLI_ACTOR, { name: "stage-crew", permissions: ["admin.access"] });
    const user = await make();
    await expect(setFestivalRoles(t.db, user, ["stage-crew"], null)).rejects.toThrow('You cannot choose the role "stage-crew" yourself');
    const keys = await t.db.role.findMany({ where: { key: { not: null } }, select: { key: true, name: true } });
    expect(keys.map((r) => r.key).sort()).toEqual(BUILT_IN_ROLES.map((r) => r.key).sort());
    expect(keys.every((r) => r.key === r.name)).toBe(true);
  });

  it("sign-up never gives a role that grants a permission", async () => {
    await tickBehindTheRulesBack("participant", "users.read");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const user = await registerUser(t.db, { email: `tainted-${Date.now()}@example.org`, password: PASSWORD, ip: null });
      expect((await loadUserAccess(t.db, user.id))!).toMatchObject({ roles: [], permissions: [] });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('"participant" role grants permissions'));
    } finally {
      warn.mockRestore();
      await t.db.rolePermission.deleteMany({ where: { role: { name: "participant" } } });
    }
    const clean = await registerUser(t.db, { email: `clean-${Date.now()}@example.org`, password: PASSWORD, ip: null });
    expect((await loadUserAccess(t.db, clean.id))!.roles).toEqual(["participant"]);
  });
});

describe("finding 8 and the deletable participant: built-in roles are keyed, kept and never re-granted", () => {
  it("no built-in role can be deleted, and none renamed; no role takes a built-in's name", async () => {
    for (const role of BUILT_IN_ROLES) {
      await expect(deleteRole(t.db, CLI_ACTOR, await findRoleId(t.db, role.name))).rejects.toThrow(`The built-in role "${role.name}" cannot be deleted`);
    }
    expect(await t.db.role.count({ where: { key: { not: null } } })).toBe(BUILT_IN_ROLES.length);
    const mine = await createRole(t.db, CLI_ACTOR, { name: "helpers", permissions: ["admin.access", "users.read"] });
    await expect(updateRole(t.db, CLI_ACTOR, mine.id, { name: "organizer", description: "" })).rejects.toThrow('"organizer" is the name of a built-in role');
    await expect(createRole(t.db, CLI_ACTOR, { name: "participant" })).rejects.toThrow("is the name of a built-in role");
  });

  it("the attack: organizer gone, a manager's own role renamed to it, start-up grants it nothing", async () => {
    const db = await createTestDb(); // its own database: this one loses its organizer role
    try {
      const role = await createRole(db.db, CLI_ACTOR, { name: "role-managers", permissions: ["admin.access", "users.read", "roles.manage"] });
      // The state the attack reached (deleting organizer and renaming are refused now; a legacy database may be in it).
      await db.db.role.delete({ where: { key: "organizer" } });
      await db.db.role.update({ where: { id: role.id }, data: { name: "organizer" } });
      const warnings: string[] = [];
      await ensureBuiltInRoles(db.db, (m) => warnings.push(m));
      const after = await getRole(db.db, role.id);
      expect(after!.permissions).toEqual(["admin.access", "roles.manage", "users.read"]);
      expect(warnings).toEqual([expect.stringContaining('the built-in role "organizer" is missing and another role is named "organizer"')]);
      // Once the name is free again, start-up recreates the real one, with its key.
      await db.db.role.update({ where: { id: role.id }, data: { name: "role-managers" } });
      await ensureBuiltInRoles(db.db, (m) => warnings.push(m));
      const organizer = await db.db.role.findUnique({ where: { key: "organizer" }, select: { name: true, id: true } });
      expect(organizer?.name).toBe("organizer");
      expect(await getRole(db.db, organizer!.id)).toMatchObject({ permissions: ["admin.access", "audit.read", "festival.read", "users.read"] });
      expect(await getRole(db.db, role.id)).toMatchObject({ name: "role-managers", permissions: ["admin.access", "roles.manage", "users.read"] });
    } finally {
      await db.cleanup();
    }
  });

  it("start-up does not give back what the organizers took from a built-in role", async () => {
    const id = await findRoleId(t.db, "organizer");
    await setRolePermissions(t.db, CLI_ACTOR, id, ["admin.access", "users.read"]);
    await ensureBuiltInRoles(t.db);
    expect(await permissionsOf("organizer")).toEqual(["admin.access", "users.read"]);
    await setRolePermissions(t.db, CLI_ACTOR, id, ["admin.access", "audit.read", "users.read"]);
  });

  it("sign-up does not fail when the participant role is missing (a hand-edited database)", async () => {
    const db = await createTestDb();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await db.db.role.delete({ where: { key: "participant" } });
      const user = await registerUser(db.db, { email: "first@example.org", password: PASSWORD, ip: null });
      expect((await loadUserAccess(db.db, user.id))!.roles).toEqual([]);
    } finally {
      warn.mockRestore();
      await db.cleanup();
    }
  });
});

describe("finding 14: one role form, one transaction", () => {
  it("a refused permission leaves the name and description as they were", async () => {
    const manager = await make();
    await grantRole(t.db, CLI_ACTOR, manager.id, (await createRole(t.db, CLI_ACTOR, { name: "role-editors", permissions: ["admin.access", "users.read", "roles.manage"] })).name);
    const target = await createRole(t.db, CLI_ACTOR, { name: "box-office", description: "tickets" });
    const actor = await actorFor(manager.id);
    await expect(saveRole(t.db, actor, target.id, { name: "box-office-2", description: "renamed", permissions: ["audit.read"] })).rejects.toThrow(
      "You cannot grant audit.read: you do not hold it",
    );
    expect(await getRole(t.db, target.id)).toMatchObject({ name: "box-office", description: "tickets", permissions: [] });
    expect(await t.db.auditEvent.count({ where: { subjectId: target.id, actorId: manager.id } })).toBe(0);
    // The same form with what they hold goes through, all of it.
    await saveRole(t.db, actor, target.id, { name: "box-office-2", description: "renamed", permissions: ["users.read"] });
    expect(await getRole(t.db, target.id)).toMatchObject({ name: "box-office-2", description: "renamed", permissions: ["users.read"] });
  });
});

describe("found by reading: nobody acts on a user who holds a permission they lack", () => {
  it("a users.manage-only organizer can neither demote, deactivate, delete nor reset an admin; the CLI can", async () => {
    await createRole(t.db, CLI_ACTOR, { name: "user-managers-only", permissions: ["admin.access", "users.read", "users.manage"] });
    const manager = await make(["user-managers-only"]);
    const admin = await make(["admin"]);
    const actor = await actorFor(manager.id);
    const before = (await loadUserAccess(t.db, admin.id))!;
    const refusal = `they hold audit.read, festival.manage, festival.read, roles.manage, which you do not`;
    await expect(revokeRole(t.db, actor, admin.id, "admin")).rejects.toThrow(refusal);
    await expect(setActive(t.db, actor, admin.id, false)).rejects.toThrow(refusal);
    await expect(deleteUser(t.db, actor, admin.id)).rejects.toThrow(refusal);
    await expect(setPassword(t.db, actor, admin.id, "a password the manager chose")).rejects.toThrow(refusal);
    await expect(grantRole(t.db, actor, admin.id, "teacher")).rejects.toThrow(refusal);
    expect(await loadUserAccess(t.db, admin.id)).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { subjectId: admin.id } })).toBe(0);

    // Users within their reach are fine, and the CLI (the server's owner) may act on anyone.
    const participant = await make();
    expect(await setActive(t.db, actor, participant.id, false)).toBe("changed");
    expect(await revokeRole(t.db, actor, participant.id, "participant")).toBe("revoked");
    await deleteUser(t.db, actor, participant.id);
    expect(await grantRole(t.db, CLI_ACTOR, admin.id, "teacher")).toBe("granted");
  });
});

describe("issue 13, item 13: two admins demote each other at the same moment", () => {
  const worker = join(process.cwd(), "tests", "security", "demote-worker.ts");

  function race(url: string, dir: string, kind: string, pairs: [string, string][]) {
    const go = join(dir, `go-${kind}`);
    const runs = pairs.map(([actor, subject], i) => {
      const ready = join(dir, `ready-${kind}-${i}`);
      const child = spawn("node_modules/.bin/tsx", ["--conditions=react-server", worker, url, actor, subject, kind, ready, go], { stdio: ["ignore", "pipe", "inherit"] });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk));
      const done = new Promise<{ ok: boolean; rule?: boolean; message?: string }>((resolve, reject) =>
        child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").pop()!)) : reject(new Error(`worker exited ${code}: ${out}`)))),
      );
      return { ready, done };
    });
    return { runs, go };
  }

  // One kind of demotion: each race starts two processes (tsx), which takes a while on a loaded machine;
  // setActive and deleteUser take the same path (keepingARoleManager).
  it.each([["revoke"]])("%s: one of them keeps roles.manage (two processes on one file, as two servers)", async (kind) => {
    const db = await createTestDb();
    try {
      await db.db.$queryRawUnsafe("PRAGMA journal_mode = WAL"); // as start-up sets it (scripts/prepare.ts)
      const a = await createUser(db.db, { email: "a@example.org", password: PASSWORD, roles: ["admin"] });
      const b = await createUser(db.db, { email: "b@example.org", password: PASSWORD, roles: ["admin"] });
      const { runs, go } = race(db.url, dirname(db.url.slice("file:".length)), kind, [
        [a.id, b.id],
        [b.id, a.id],
      ]);
      // Both processes loaded and waiting: then both go at once.
      await vi.waitFor(() => expect(runs.every((r) => existsSync(r.ready))).toBe(true), { timeout: 60_000, interval: 50 });
      writeFileSync(go, "");
      const outcomes = await Promise.all(runs.map((r) => r.done));
      expect(await countActiveRoleManagers(db.db)).toBe(1);
      expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
      // Refused by the rule, with its message: not a lock error the console would show as a 500.
      expect(outcomes.find((o) => !o.ok)).toEqual({ ok: false, rule: true, message: "This would leave no active user who holds roles.manage" });
    } finally {
      await db.cleanup();
    }
  }, 120_000);
});
