import "server-only";
import { parseArgs } from "node:util";

// The `mfo` command line's commands (scripts/mfo.ts is the terminal around them): parse the arguments,
// call the console's services with the "cli" actor (CLI_ACTOR), so the same rules hold and every change
// is audited with actor "cli". What it prints, reads and sees of the environment goes through `io`, so
// the tests run the commands in their own process (a new process per command cost about 2 s of CPU).
// A refusal is one line on `io.err` and status 1.

export interface CliIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  /** Asks for a secret (the terminal hides it); rejects when there is nothing to read. */
  prompt(question: string): Promise<string>;
}

export const USAGE = `usage: mfo users create --email E [--password P] [--role R]...
       mfo users list [--role R]
       mfo users activate|deactivate|delete|set-password E [--password P]
       mfo users add-role|remove-role E R
       mfo roles create NAME [--description D] [--permission P]...
       mfo roles list
       mfo roles add-permission|remove-permission NAME P
       mfo demo`;

export class UsageError extends Error {}

/** Runs one command; the exit status. */
export async function runMfo(argv: string[], io: CliIo): Promise<number> {
  try {
    await run(argv, io);
    return 0;
  } catch (error) {
    const expected = error instanceof UsageError || (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"));
    io.err(`mfo: ${expected ? (error as Error).message : String(error instanceof Error ? error.stack : error)}`);
    return 1;
  }
}


function args(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string", multiple: true },
      permission: { type: "string", multiple: true },
      description: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

async function run(argv: string[], io: CliIo): Promise<void> {
  const { values, positionals } = args(argv);
  const [group, command, ...rest] = positionals;
  if (values.help || !group) {
    io.out(USAGE);
    return;
  }
  const { parseEnv } = await import("@/lib/env");
  const env = parseEnv(io.env);
  const { createPrismaClient } = await import("@/lib/db");
  const users = await import("@/lib/users/admin");
  const roles = await import("@/lib/roles/service");
  const { CLI_ACTOR: cli, RuleError } = await import("@/lib/auth/actor");
  const { EmailTakenError } = await import("@/lib/users/service");
  const { emailSchema } = await import("@/lib/validation/user");
  const { passwordProblem } = await import("@/lib/validation/password");
  const { roleNameSchema } = await import("@/lib/validation/role");
  const db = createPrismaClient(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  // As at start-up: the built-in roles exist before anyone is given one.
  await roles.ensureBuiltInRoles(db);

  const need = (value: string | undefined, what: string): string => {
    if (!value) throw new UsageError(`missing ${what}\n${USAGE}`);
    return value;
  };
  const parse = <T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } }, value: unknown, what: string): T => {
    const result = schema.safeParse(value);
    if (!result.success) throw new UsageError(`${what}: ${result.error.issues[0]?.message}`);
    return result.data;
  };
  const email = (value: string | undefined) => parse(emailSchema, need(value, "e-mail"), "e-mail");
  // The whole policy, with the e-mail of the account it is for.
  const password = async (address: string) => {
    const value = values.password ?? (await io.prompt("Password: "));
    const problem = passwordProblem(value, { minLength: env.PASSWORD_MIN_LENGTH, email: address });
    if (problem) throw new UsageError(`password: ${problem}`);
    return value;
  };
  const userId = async (value: string | undefined) => users.findUserIdByEmail(db, email(value));

  try {
    switch (`${group} ${command ?? ""}`) {
      case "users create": {
        const address = email(values.email ?? rest[0]);
        const user = await users.createUserAsActor(db, cli, { email: address, password: await password(address), roles: values.role });
        io.out(`Created user ${user.email}`);
        break;
      }
      case "users list": {
        const list = await db.user.findMany({
          where: values.role?.length ? { roles: { some: { role: { name: { in: values.role } } } } } : {},
          orderBy: { email: "asc" },
          select: { email: true, active: true, roles: { select: { role: { select: { name: true } } } } },
        });
        for (const u of list) io.out(`${u.email}\t${u.active ? "active" : "inactive"}\t${u.roles.map((r) => r.role.name).sort().join(",")}`);
        break;
      }
      case "users activate":
      case "users deactivate": {
        const active = command === "activate";
        const outcome = await users.setActive(db, cli, await userId(rest[0]), active);
        io.out(`${email(rest[0])} ${outcome === "unchanged" ? "was already" : "is now"} ${active ? "active" : "inactive"}`);
        break;
      }
      case "users set-password": {
        const id = await userId(rest[0]);
        await users.setPassword(db, cli, id, await password(email(rest[0])));
        io.out(`Password set for ${email(rest[0])}; their sessions have ended`);
        break;
      }
      case "users add-role": {
        const outcome = await users.grantRole(db, cli, await userId(rest[0]), need(rest[1], "role"));
        io.out(`${email(rest[0])} ${outcome === "granted" ? "now has" : "already had"} role ${rest[1]}`);
        break;
      }
      case "users remove-role": {
        const outcome = await users.revokeRole(db, cli, await userId(rest[0]), need(rest[1], "role"));
        io.out(`${email(rest[0])} ${outcome === "revoked" ? "no longer has" : "did not have"} role ${rest[1]}`);
        break;
      }
      case "users delete": {
        await users.deleteUser(db, cli, await userId(rest[0]));
        io.out(`Deleted user ${email(rest[0])}`);
        break;
      }
      case "roles create": {
        const name = parse(roleNameSchema, need(rest[0], "role name"), "role name");
        await roles.createRole(db, cli, { name, description: values.description, permissions: values.permission });
        io.out(`Created role ${name}`);
        break;
      }
      case "roles list": {
        for (const r of await roles.listRoles(db)) io.out(`${r.name}\t${r.userCount} users\t${r.permissions.join(",") || "-"}`);
        break;
      }
      case "roles add-permission":
      case "roles remove-permission": {
        const name = need(rest[0], "role name");
        const permission = need(rest[1], "permission");
        const change = command === "add-permission" ? roles.addRolePermission : roles.removeRolePermission;
        const { granted, revoked } = await change(db, cli, name, permission);
        const changed = granted.length + revoked.length > 0;
        io.out(`Role ${name} ${changed ? (granted.length ? "now grants" : "no longer grants") : command === "add-permission" ? "already grants" : "did not grant"} ${permission}`);
        break;
      }
      case "demo ": {
        const { loadDemo } = await import("@/lib/festival/demo");
        const started = Date.now();
        const demo = await loadDemo(db);
        io.out(`Loaded the demo season ${demo.season} (now current) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${demo.classes} classes, ${demo.profiles} people and groups, ${demo.entries} entries with ${demo.pieces} pieces.`);
        io.out(`Demo accounts, password "${demo.password}":`);
        for (const [role, address] of Object.entries(demo.accounts)) io.out(`  ${role.padEnd(10)} ${address}`);
        io.out("The syllabus: /syllabus; the organizers' view: /admin/festival (sign in as an admin or the organizer).");
        break;
      }
      default:
        throw new UsageError(`unknown command "${[group, command].filter(Boolean).join(" ")}"\n${USAGE}`);
    }
  } catch (error) {
    if (error instanceof RuleError) throw new UsageError(error.message);
    if (error instanceof EmailTakenError) throw new UsageError(error.message);
    throw error;
  } finally {
    await db.$disconnect();
  }
}

