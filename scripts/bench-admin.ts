// npm run bench:admin — how fast /admin/users answers with 100 000 users. Seeds a temp database,
// starts the production server on it (building first only if there is no build, or with --build), signs
// in as an admin through the real sign-in, then times sequential requests for each case and prints
// p50/p99. Bounded: at most BENCH_REQUESTS requests and BENCH_SECONDS seconds per case. Localhost only.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { createClient } from "@libsql/client";

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const PORT = Number(process.env.BENCH_PORT ?? 3291);
const BASE = `http://localhost:${PORT}`;
const ADMIN = { email: "bench-admin@festival.test", password: "benchmarks measure what matters" };

const FIRST = ["anna", "ben", "carla", "david", "eva", "felix", "greta", "hugo", "ida", "jonas", "klara", "leo", "maria", "nils", "olga", "paul", "rosa", "sven", "tara", "ulla"];
const LAST = ["berg", "fischer", "klein", "lang", "meyer", "novak", "otto", "peters", "richter", "schmidt", "vogel", "wolf", "young", "ziegler", "adams", "brown", "costa", "dubois", "evans", "garcia"];

const dir = mkdtempSync(join(tmpdir(), "mfo-bench-"));
// BENCH_DB=/path/file.db keeps the seeded database there and reuses it on the next run.
const keep = process.env.BENCH_DB;
const databaseUrl = `file:${keep ?? join(dir, "bench.db")}`;
const env = {
  ...process.env,
  NODE_ENV: "production" as const,
  DATABASE_URL: databaseUrl,
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  AUTH_URL: BASE,
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  NEXT_TELEMETRY_DISABLED: "1",
  PORT: String(PORT),
};

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

async function seed() {
  const started = Date.now();
  if (keep && existsSync(keep)) {
    run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/prepare.ts", "--production"]);
    return console.log(`reusing ${keep}`);
  }
  // prepare.ts: migrations, roles, the admin (the app's own start-up path).
  run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/prepare.ts", "--production"]);
  const { hashPassword } = await import("@/lib/auth/password");
  const hash = await hashPassword("bench users never sign in here");
  const db = createClient({ url: databaseUrl });
  const participant = (await db.execute("SELECT id FROM Role WHERE name = 'participant'")).rows[0].id as string;
  const now = Date.now();
  const YEAR = 365 * 24 * 3600 * 1000;
  const CHUNK = 500;
  for (let start = 0; start < USERS; start += CHUNK * 10) {
    const statements = [];
    for (let c = start; c < Math.min(USERS, start + CHUNK * 10); c += CHUNK) {
      const users: (string | number | null)[] = [];
      const links: (string | number)[] = [];
      const n = Math.min(CHUNK, USERS - c);
      for (let i = c; i < c + n; i++) {
        const first = FIRST[i % FIRST.length];
        const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
        const created = now - Math.floor(((i * 7919) % USERS) / USERS * 2 * YEAR);
        const signedIn = i % 4 === 0 ? null : created + ((i * 104729) % (now - created || 1));
        users.push(`bench${String(i).padStart(6, "0")}`, `${first}.${last}.${i}@example.org`, `${first[0].toUpperCase()}${first.slice(1)} ${last[0].toUpperCase()}${last.slice(1)}`, hash, i % 10 === 0 ? 0 : 1, created, created, signedIn);
        links.push(`bench${String(i).padStart(6, "0")}`, participant, created);
      }
      statements.push({ sql: `INSERT INTO User (id, email, name, passwordHash, active, createdAt, updatedAt, currentSignInAt) VALUES ${Array(n).fill("(?,?,?,?,?,?,?,?)").join(",")}`, args: users });
      statements.push({ sql: `INSERT INTO UserRole (userId, roleId, createdAt) VALUES ${Array(n).fill("(?,?,?)").join(",")}`, args: links });
    }
    await db.batch(statements, "write");
  }
  await db.execute("ANALYZE");
  db.close();
  console.log(`seeded ${USERS} users in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function startServer(): ChildProcess {
  if (process.argv.includes("--build") || !existsSync(".next/BUILD_ID")) {
    console.log("building (npm run build: next build, then the CSP hashes)…");
    run("npm", ["run", "build"]);
  }
  const server = spawn("node_modules/.bin/next", ["start", "--port", String(PORT)], { env, stdio: ["ignore", "pipe", "pipe"] });
  server.stderr?.on("data", (d: Buffer) => process.stderr.write(`[server] ${d}`));
  return server;
}

async function waitForServer() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not start within 60 s");
}

function cookiesFrom(response: Response, jar: Map<string, string>) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(";");
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

const header = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** The real sign-in: Auth.js's CSRF token, then the credentials callback, keeping the cookies. */
async function signIn(): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  cookiesFrom(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(jar) },
    body: new URLSearchParams({ csrfToken, email: ADMIN.email, password: ADMIN.password, callbackUrl: "/admin" }),
  });
  cookiesFrom(response, jar);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${response.status})`);
  return header(jar);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(cookie: string, path: string, expect: string) {
  const times: number[] = [];
  const deadline = Date.now() + SECONDS * 1000;
  for (let i = 0; i < REQUESTS + 10 && Date.now() < deadline; i++) {
    const t0 = performance.now();
    const response = await fetch(`${BASE}${path}`, { headers: { cookie }, redirect: "manual" });
    const body = await response.text();
    const ms = performance.now() - t0;
    if (response.status !== 200 || !body.includes(expect)) throw new Error(`${path}: status ${response.status}, expected text "${expect}" ${body.includes(expect) ? "found" : "missing"}`);
    if (i >= 10) times.push(ms); // the first ten warm up caches and the JIT
  }
  times.sort((a, b) => a - b);
  return { path, n: times.length, p50: percentile(times, 50), p99: percentile(times, 99) };
}

async function main() {
  let server: ChildProcess | undefined;
  try {
    await seed();
    server = startServer();
    await waitForServer();
    const cookie = await signIn();
    const cases: [string, string, string][] = [
      ["first page", "/admin/users", `data-testid="match-count">${USERS + 1}<`],
      ["search (e-mail prefix)", "/admin/users?q=maria.k", "maria.klein"],
      ["search (broad prefix)", "/admin/users?q=maria", "maria."],
      ["page 1000", "/admin/users?page=1000", "@example.org</a>"],
      ["inactive, by last sign-in", "/admin/users?status=inactive&sort=last-sign-in", "@example.org</a>"],
    ];
    const rows = [];
    for (const [name, path, expect] of cases) rows.push({ name, ...(await measure(cookie, path, expect)) });
    console.log(`\n/admin/users with ${USERS} users, signed-in admin, sequential requests (ms):\n`);
    console.log(`| case | path | requests | p50 | p99 |\n|---|---|---|---|---|`);
    for (const r of rows) console.log(`| ${r.name} | \`${r.path}\` | ${r.n} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} |`);
  } finally {
    server?.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
