// Shared by the benchmark scripts: a production server on a temp database, real sign-ins, and
// autocannon runs. Only ever talks to localhost.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";

export const BENCH_PASSWORD = "benchmark passphrase for everyone";

export interface BenchServer {
  baseUrl: string;
  dbUrl: string;
  process: ChildProcess;
  rssMiB(): number;
  /** CPU time all the server's processes have used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
  const r = spawnSync(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
}

export function build() {
  console.log("building (npm run build: next build, then the CSP hashes)…");
  run("npm", ["run", "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
}

/**
 * Migrates a fresh temp database, seeds roles and an admin, then lets `seed` add rows, and serves the
 * build as `npm start` does (scripts/start.mjs) with `processes` server processes (WEB_CONCURRENCY;
 * default 1, one process as `next start`).
 */
export async function startServer(options: {
  port: number;
  seed?: (dbUrl: string) => Promise<void>;
  env?: Record<string, string>;
  processes?: number;
}): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), "mfo-bench-"));
  const dbUrl = `file:${join(dir, "bench.db")}`;
  const baseUrl = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: dbUrl,
    AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789abcdef",
    AUTH_URL: baseUrl,
    ADMIN_EMAIL: "admin@bench.test",
    ADMIN_PASSWORD: BENCH_PASSWORD,
    PORT: String(options.port),
    WEB_CONCURRENCY: String(options.processes ?? 1),
    ...options.env,
  };
  run("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/prepare.ts", "--production"], env);
  if (options.seed) await options.seed(dbUrl);
  // BENCH_CPU_PROF=dir writes a V8 CPU profile of the server there, for finding where the time goes.
  const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, "scripts/start.mjs", "--no-prepare"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  // BENCH_SERVER_LOG=1 shows the server's output as it comes (a failing read, a warning under load).
  if (process.env.BENCH_SERVER_LOG) {
    child.stdout?.pipe(process.stderr);
    child.stderr?.pipe(process.stderr);
  }
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/sign-in`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    dbUrl,
    process: child,
    rssMiB() {
      return processTree(child.pid!).reduce((sum, pid) => sum + rssKiB(pid), 0) / 1024;
    },
    cpuMs() {
      return processTree(child.pid!).reduce((sum, pid) => sum + cpuTicks(pid), 0) * (1000 / CLOCK_TICKS_PER_SECOND);
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU ticks of a process so far (/proc/PID/stat fields 14 and 15). */
function cpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // the name may hold spaces
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function rssKiB(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
  } catch {
    return 0; // gone meanwhile
  }
}

/** `pid` and its children (the cluster's workers), from /proc. */
function processTree(pid: number): number[] {
  const children = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${name}/status`, "utf8"))?.[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [pid, ...children];
}

/** Inserts `count` participants sharing one precomputed password hash, in large batches. */
export async function seedUsers(dbUrl: string, count: number, hash: string) {
  const { createClient } = await import("@libsql/client");
  const db = createClient({ url: dbUrl });
  const role = await db.execute("SELECT id FROM Role WHERE name = 'participant'");
  const roleId = String(role.rows[0].id);
  const start = Date.UTC(2024, 0, 1);
  const batch = 500;
  for (let i = 0; i < count; i += batch) {
    const stmts = [];
    for (let j = i; j < Math.min(count, i + batch); j++) {
      const id = `seed${String(j).padStart(7, "0")}`;
      const at = start + j * 60_000;
      stmts.push({
        sql: "INSERT INTO User (id, email, name, passwordHash, createdAt, updatedAt, signInCount, currentSignInAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        args: [id, `user${j}@bench.test`, `Bench User ${j}`, hash, at, at, j % 7, j % 3 ? at + 3_600_000 : null],
      });
      stmts.push({ sql: "INSERT INTO UserRole (userId, roleId, createdAt) VALUES (?, ?, ?)", args: [id, roleId, at] });
    }
    await db.batch(stmts, "write");
  }
  db.close();
}

/** A real sign-in through Auth.js's credentials endpoint: returns the Cookie header to send. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/account" }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed: ${response.status} ${response.headers.get("location")}`);
  return [...jar, session].join("; ");
}

export interface Row {
  name: string;
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx3xx: number;
  errors: number;
  /**
   * The server's CPU time per request (all its processes, from /proc), when measured: on loopback the
   * client shares the 2 cores, and for a large page it, not the server, sets req/s.
   */
  serverCpuMs?: number;
}

/**
 * autocannon on `url` for `duration` seconds. With `paths`, each connection requests them in turn, one
 * after the other (a page and the requests it makes), and the row counts each request.
 */
export async function measure(
  name: string,
  opts: { url: string; connections?: number; duration?: number; headers?: Record<string, string>; paths?: string[]; server?: BenchServer },
): Promise<Row> {
  const cpuBefore = opts.server?.cpuMs();
  const result = await autocannon({
    url: opts.url,
    connections: opts.connections ?? 10,
    duration: opts.duration ?? 10,
    headers: opts.headers,
    requests: opts.paths?.map((path) => ({ method: "GET", path })),
  });
  const bad = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !/^[23]/.test(code))
    .reduce((sum, [, v]) => sum + (v as { count: number }).count, 0);
  const row: Row = { name, requestsPerSec: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx3xx: bad, errors: result.errors + result.timeouts };
  if (opts.server && cpuBefore !== undefined && result.requests.total > 0) {
    row.serverCpuMs = Math.round(((opts.server.cpuMs() - cpuBefore) / result.requests.total) * 1000) / 1000;
  }
  return row;
}

export function printTable(rows: Row[]) {
  const cpu = rows.some((r) => r.serverCpuMs !== undefined);
  const header = ["case", "req/s", "p50 ms", "p99 ms", "non-2xx/3xx", "errors", ...(cpu ? ["server CPU ms/req"] : [])];
  const lines = rows.map((r) => [r.name, String(r.requestsPerSec), String(r.p50), String(r.p99), String(r.non2xx3xx), String(r.errors), ...(cpu ? [r.serverCpuMs === undefined ? "" : r.serverCpuMs.toFixed(3)] : [])]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells: string[]) => "| " + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(" | ") + " |";
  console.log(fmt(header));
  console.log("|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
  for (const l of lines) console.log(fmt(l));
}
