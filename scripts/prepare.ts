// Runs before `npm run dev` and `npm start`: makes sure there is an AUTH_SECRET in development,
// validates the environment, applies pending migrations, seeds the built-in roles and (into empty tables)
// the festival's standard disciplines, levels and performance types, and creates or
// updates the ADMIN_EMAIL user. Usage: tsx scripts/prepare.ts [--production] [--migrate-only]
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { loadEnvConfig } from "@next/env";

const production = process.argv.includes("--production");
const migrateOnly = process.argv.includes("--migrate-only");
const root = process.cwd(); // npm runs scripts from the project root

loadEnvConfig(root, !production);

function ensureDevSecret() {
  if (production || process.env.AUTH_SECRET) return;
  const file = resolve(root, ".env.local");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(file, `${existing && !existing.endsWith("\n") ? "\n" : ""}# Generated on first run; keep it secret.\nAUTH_SECRET=${secret}\n`);
  process.env.AUTH_SECRET = secret;
  console.log("mfo: wrote a new AUTH_SECRET to .env.local");
}

function migrate(databaseUrl: string) {
  if (databaseUrl.startsWith("file:")) {
    const path = resolve(root, databaseUrl.slice("file:".length));
    mkdirSync(dirname(path), { recursive: true });
  }
  const prisma = resolve(root, "node_modules/.bin/prisma");
  const result = spawnSync(prisma, ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error("mfo: applying database migrations failed");
  }
  const applied = /(\d+) migrations? found/.exec(result.stdout)?.[0];
  console.log(`mfo: database ready (${databaseUrl.replace(/\/\/[^@]*@/, "//***@")}${applied ? `, ${applied}` : ""})`);
}

async function main() {
  ensureDevSecret();
  if (production) (process.env as Record<string, string>).NODE_ENV = "production";
  const { parseEnv } = await import("@/lib/env");
  const env = parseEnv(process.env);
  if (env.MFO_TEST_ROUTES) {
    // /test-only/* answer only behind this flag; a production server started with it by mistake says so.
    console.warn("mfo: WARNING: MFO_TEST_ROUTES is on, so /test-only/* routes are served. Never set it in production.");
  }
  // A weak ADMIN_PASSWORD stops start-up before anything is written.
  const { emailSchema } = await import("@/lib/validation/user");
  const { passwordProblem } = await import("@/lib/validation/password");
  let admin: { email: string; password: string } | null = null;
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD && !migrateOnly) {
    const email = emailSchema.parse(env.ADMIN_EMAIL);
    const problem = passwordProblem(env.ADMIN_PASSWORD, { minLength: env.PASSWORD_MIN_LENGTH, email });
    if (problem) throw new Error(`ADMIN_PASSWORD: ${problem}`);
    admin = { email, password: env.ADMIN_PASSWORD };
  }
  migrate(env.DATABASE_URL);
  if (migrateOnly) return;
  const { createPrismaClient } = await import("@/lib/db");
  const { ensureBuiltInRoles } = await import("@/lib/roles/service");
  const { ensureAdmin } = await import("@/lib/users/service");
  const { ensureStandardLookups } = await import("@/lib/festival/lookups");
  const { resealTotpSecrets } = await import("@/lib/auth/second-factor");
  const db = createPrismaClient(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  try {
    // WAL lets readers and a writer work at once; the setting is stored in the file itself.
    if (env.DATABASE_URL.startsWith("file:")) await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await ensureBuiltInRoles(db);
    await ensureStandardLookups(db);
    // Authenticator secrets stored before sealing, or sealed with an AUTH_SECRET since rotated (lib/auth/totp-secret-box.ts).
    const resealed = await resealTotpSecrets(db);
    if (resealed) console.log(`mfo: sealed ${resealed} authenticator secret${resealed === 1 ? "" : "s"} with the current AUTH_SECRET`);
    if (admin) console.log(`mfo: admin ${admin.email} ${await ensureAdmin(db, admin.email, admin.password)}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
