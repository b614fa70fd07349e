import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { createTestDb } from "./test-db";
import { loadUserAccess } from "@/lib/users/access";
import { startSession } from "@/lib/auth/sessions";
import { authenticate, createUser } from "@/lib/users/service";
import { runMfo } from "@/lib/cli/mfo";

// The `mfo` commands against a temp database: what an operator types, what they see, its exit status.
// The commands run in this process (lib/cli/mfo.ts's runMfo, with the output collected): a new process
// per command cost about 2 s of CPU, 30 times. The terminal around them (scripts/mfo.ts: a real process,
// its exit code, stderr, the password read from a pipe) is tested by spawning it, below.
// A fresh database for each test: several depend on who holds the admin role, so none may see another's.
let t: Awaited<ReturnType<typeof createTestDb>>;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.cleanup();
});

const PASSWORD = "a long password for the command line";

async function mfo(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runMfo(args, {
    env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "test" },
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    prompt: () => Promise.reject(new Error("no prompt in these tests")),
  });
  return { status, stdout: out.join("\n").trim(), stderr: err.join("\n").trim() };
}

/** The real command, in its own process. */
function mfoProcess(args: string[], input?: string) {
  const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/mfo.ts", ...args], {
    env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: "test" },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

async function access(email: string) {
  const user = await t.db.user.findUnique({ where: { email }, select: { id: true } });
  return user ? loadUserAccess(t.db, user.id) : null;
}

// Two commands are a new process each (about 2 s on a busy 2-core machine): generous timeouts.
describe("mfo users", { timeout: 180_000 }, () => {
  it("creates a user with roles, lists them, and audits with actor cli", async () => {
    const created = await mfo(["users", "create", "--email", "Chief@Example.org", "--password", PASSWORD, "--role", "admin", "--role", "teacher"]);
    expect(created).toMatchObject({ status: 0, stdout: "Created user chief@example.org" });
    expect((await access("chief@example.org"))?.roles).toEqual(["admin", "teacher"]);
    expect(await authenticate(t.db, "chief@example.org", PASSWORD, null)).not.toBeNull();
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.created", subjectLabel: "chief@example.org" } });
    expect(event.actorLabel).toBe("cli");
    const listed = await mfo(["users", "list", "--role", "admin"]);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toBe("chief@example.org\tactive\tadmin,teacher");
  });

  it("reads the password from the prompt when --password is absent", async () => {
    const created = mfoProcess(["users", "create", "--email", "prompted@example.org"], `${PASSWORD}\n`);
    expect(created.status).toBe(0);
    expect(await authenticate(t.db, "prompted@example.org", PASSWORD, null)).not.toBeNull();
  });

  it("adds and removes roles, deactivates and activates, sets a password, deletes", async () => {
    await mfo(["users", "create", "--email", "helper@example.org", "--password", PASSWORD]);
    expect(await mfo(["users", "add-role", "helper@example.org", "organizer"])).toMatchObject({ status: 0, stdout: "helper@example.org now has role organizer" });
    expect((await mfo(["users", "add-role", "helper@example.org", "organizer"])).stdout).toBe("helper@example.org already had role organizer");
    expect((await mfo(["users", "remove-role", "helper@example.org", "participant"])).status).toBe(0);
    expect((await access("helper@example.org"))?.roles).toEqual(["organizer"]);
    expect((await mfo(["users", "deactivate", "helper@example.org"])).status).toBe(0);
    expect((await access("helper@example.org"))?.active).toBe(false);
    expect((await mfo(["users", "activate", "helper@example.org"])).status).toBe(0);
    expect((await access("helper@example.org"))?.active).toBe(true);
    await startSession(t.db, (await access("helper@example.org"))!.id, { ip: null, userAgent: null });
    expect((await mfo(["users", "set-password", "helper@example.org", "--password", "another long password for the stage crew"])).status).toBe(0);
    expect(await t.db.session.count({ where: { user: { email: "helper@example.org" } } })).toBe(0);
    expect(await authenticate(t.db, "helper@example.org", "another long password for the stage crew", null)).not.toBeNull();
    expect(await mfo(["users", "delete", "helper@example.org"])).toMatchObject({ status: 0, stdout: "Deleted user helper@example.org" });
    expect(await access("helper@example.org")).toBeNull();
    const actions = await t.db.auditEvent.findMany({ where: { subjectLabel: "helper@example.org", actorLabel: "cli" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["user.created", "role.granted", "role.revoked", "user.deactivated", "user.activated", "user.password_reset", "user.deleted"]),
    );
  });

  it("refuses bad input with one clear line and a non-zero exit", async () => {
    await createUser(t.db, { email: "chief@example.org", password: PASSWORD, roles: ["admin"] }); // the only admin
    const cases: [string[], string][] = [
      [["users", "delete", "ghost@example.org"], "mfo: No user with e-mail ghost@example.org"],
      [["users", "create", "--email", "weak@example.org", "--password", "short"], "mfo: password: Use at least 15 characters (you have 5)"],
      // The whole password policy, the e-mail rule too, as on the sign-up form.
      [["users", "create", "--email", "tuba.player@example.org", "--password", "the tuba.player marches at noon"], "mfo: password: Your password must not contain your e-mail address"],
      [["users", "set-password", "chief@example.org", "--password", "the chief of the brass band"], "mfo: password: Your password must not contain your e-mail address"],
      [["users", "create", "--email", "chief@example.org", "--password", PASSWORD], "mfo: An account with this e-mail already exists"],
      [["users", "add-role", "chief@example.org", "wizard"], 'mfo: No role named "wizard"'],
      [["users", "remove-role", "chief@example.org", "admin"], "mfo: This would leave no active user who holds roles.manage"],
      [["users", "deactivate", "chief@example.org"], "mfo: This would leave no active user who holds roles.manage"],
      [["users", "delete", "chief@example.org"], "mfo: This would leave no active user who holds roles.manage"],
      [["roles", "add-permission", "teacher", "stage.dive"], "mfo: Unknown permission: stage.dive"],
      [["roles", "create", "Bad Name"], "mfo: role name: Use lower-case letters, digits, - and _, starting with a letter"],
    ];
    for (const [args, message] of cases) {
      const result = await mfo(args);
      expect(result.status, args.join(" ")).toBe(1);
      expect(result.stderr, args.join(" ")).toBe(message);
    }
    // The real process: the same line on stderr, status 1, nothing on stdout.
    expect(mfoProcess(["users", "delete", "ghost@example.org"])).toEqual({ status: 1, stdout: "", stderr: "mfo: No user with e-mail ghost@example.org" });
    expect((await mfo(["users", "frobnicate"])).stderr.split("\n")[0]).toBe('mfo: unknown command "users frobnicate"');
    expect(await access("weak@example.org")).toBeNull();
    expect(await access("tuba.player@example.org")).toBeNull();
    expect((await access("chief@example.org"))?.roles).toContain("admin");
  });
});

describe("mfo roles", { timeout: 180_000 }, () => {
  it("creates a role with permissions, adds and removes one, lists", async () => {
    expect((await mfo(["roles", "create", "stage-crew", "--permission", "admin.access", "--permission", "users.read"])).status).toBe(0);
    expect((await mfo(["roles", "add-permission", "stage-crew", "audit.read"])).stdout).toBe("Role stage-crew now grants audit.read");
    expect((await mfo(["roles", "remove-permission", "stage-crew", "users.read"])).stdout).toBe("Role stage-crew no longer grants users.read");
    const listed = await mfo(["roles", "list"]);
    expect(listed.status).toBe(0);
    expect(listed.stdout.split("\n")).toContain("stage-crew\t0 users\tadmin.access,audit.read");
    const events = await t.db.auditEvent.findMany({ where: { subjectLabel: "stage-crew" }, select: { action: true, actorLabel: true } });
    expect(events.map((e) => e.action).sort()).toEqual(["role.created", "role.permission_granted", "role.permission_revoked"]);
    expect(events.every((e) => e.actorLabel === "cli")).toBe(true);
  });
});
