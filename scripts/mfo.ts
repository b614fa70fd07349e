// The `mfo` command line for the server's owner, as `flask users` / `flask roles`:
//   npm run mfo -- users create --email E [--password P] [--role R]…   (prompts for the password if absent)
//   npm run mfo -- users list [--role R]
//   npm run mfo -- users activate|deactivate|delete|set-password E
//   npm run mfo -- users add-role|remove-role E R
//   npm run mfo -- roles create NAME [--description D] [--permission P]…
//   npm run mfo -- roles list
//   npm run mfo -- roles add-permission|remove-permission NAME P
//   npm run mfo -- demo        (fills a demo festival season: lib/festival/demo.ts)
// It calls the console's services with the "cli" actor (CLI_ACTOR), so the same rules hold and every change
// is audited with actor "cli". A refusal prints one line on stderr and exits with status 1.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { loadEnvConfig } from "@next/env";

loadEnvConfig(process.cwd());

const USAGE = `usage: mfo users create --email E [--password P] [--role R]...
       mfo users list [--role R]
       mfo users activate|deactivate|delete|set-password E [--password P]
       mfo users add-role|remove-role E R
       mfo roles create NAME [--description D] [--permission P]...
       mfo roles list
       mfo roles add-permission|remove-permission NAME P
       mfo demo`;

class UsageError extends Error {}

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

/** Reads a line from the terminal without echoing it (or from a pipe, as it comes). */
async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  const hidden = process.stdin.isTTY;
  if (hidden) {
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    output._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stderr.write(question);
    };
  }
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.question(question, resolve);
      rl.once("close", () => reject(new UsageError("no password given")));
    });
  } finally {
    if (hidden) process.stderr.write("\n");
    rl.close();
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = args(argv);
  const [group, command, ...rest] = positionals;
  if (values.help || !group) {
    console.log(USAGE);
    return;
  }
  const { parseEnv } = await import("@/lib/env");
  const env = parseEnv(process.env);
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
    const value = values.password ?? (await prompt("Password: "));
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
        console.log(`Created user ${user.email}`);
        break;
      }
      case "users list": {
        const list = await db.user.findMany({
          where: values.role?.length ? { roles: { some: { role: { name: { in: values.role } } } } } : {},
          orderBy: { email: "asc" },
          select: { email: true, active: true, roles: { select: { role: { select: { name: true } } } } },
        });
        for (const u of list) console.log(`${u.email}\t${u.active ? "active" : "inactive"}\t${u.roles.map((r) => r.role.name).sort().join(",")}`);
        break;
      }
      case "users activate":
      case "users deactivate": {
        const active = command === "activate";
        const outcome = await users.setActive(db, cli, await userId(rest[0]), active);
        console.log(`${email(rest[0])} ${outcome === "unchanged" ? "was already" : "is now"} ${active ? "active" : "inactive"}`);
        break;
      }
      case "users set-password": {
        const id = await userId(rest[0]);
        await users.setPassword(db, cli, id, await password(email(rest[0])));
        console.log(`Password set for ${email(rest[0])}; their sessions have ended`);
        break;
      }
      case "users add-role": {
        const outcome = await users.grantRole(db, cli, await userId(rest[0]), need(rest[1], "role"));
        console.log(`${email(rest[0])} ${outcome === "granted" ? "now has" : "already had"} role ${rest[1]}`);
        break;
      }
      case "users remove-role": {
        const outcome = await users.revokeRole(db, cli, await userId(rest[0]), need(rest[1], "role"));
        console.log(`${email(rest[0])} ${outcome === "revoked" ? "no longer has" : "did not have"} role ${rest[1]}`);
        break;
      }
      case "users delete": {
        await users.deleteUser(db, cli, await userId(rest[0]));
        console.log(`Deleted user ${email(rest[0])}`);
        break;
      }
      case "roles create": {
        const name = parse(roleNameSchema, need(rest[0], "role name"), "role name");
        await roles.createRole(db, cli, { name, description: values.description, permissions: values.permission });
        console.log(`Created role ${name}`);
        break;
      }
      case "roles list": {
        for (const r of await roles.listRoles(db)) console.log(`${r.name}\t${r.userCount} users\t${r.permissions.join(",") || "-"}`);
        break;
      }
      case "roles add-permission":
      case "roles remove-permission": {
        const name = need(rest[0], "role name");
        const permission = need(rest[1], "permission");
        const change = command === "add-permission" ? roles.addRolePermission : roles.removeRolePermission;
        const { granted, revoked } = await change(db, cli, name, permission);
        const changed = granted.length + revoked.length > 0;
        console.log(`Role ${name} ${changed ? (granted.length ? "now grants" : "no longer grants") : command === "add-permission" ? "already grants" : "did not grant"} ${permission}`);
        break;
      }
      case "demo ": {
        const { loadDemo } = await import("@/lib/festival/demo");
        const started = Date.now();
        const demo = await loadDemo(db);
        console.log(`Loaded the demo season ${demo.season} (now current) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${demo.classes} classes, ${demo.profiles} people and groups, ${demo.entries} entries with ${demo.pieces} pieces.`);
        console.log(`Demo accounts, password "${demo.password}":`);
        for (const [role, address] of Object.entries(demo.accounts)) console.log(`  ${role.padEnd(10)} ${address}`);
        console.log("The syllabus: /syllabus; the organizers' view: /admin/festival (sign in as an admin or the organizer).");
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

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof UsageError || (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) ? error.message : String(error instanceof Error ? error.stack : error);
  console.error(`mfo: ${message}`);
  process.exit(1);
});
