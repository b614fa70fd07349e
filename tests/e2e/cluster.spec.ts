import { expect, test } from "@playwright/test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { E2E } from "./env";

// `npm start` (scripts/start.mjs) on its own port and database, with two workers: a worker killed
// outright is replaced while the other keeps serving, and SIGTERM lets a request in flight finish before
// every process stops. (The shared e2e servers run clustered too; killing one of their workers would
// break the tests running beside this one.)

test.describe.configure({ mode: "serial", timeout: 180_000 });

const base = `http://localhost:${E2E.clusterPort}`;

/** One GET on a connection of its own: the primary hands each new connection to the next worker. */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(base + path, { agent: false }, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

async function workerPid(): Promise<number> {
  const { status, body } = await get("/test-only/worker");
  expect(status).toBe(200);
  return (JSON.parse(body) as { pid: number }).pid;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentOf(pid: number): number {
  return Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]);
}

test("a killed worker is replaced while the site keeps answering; SIGTERM drains and stops them all", async () => {
  const dir = mkdtempSync(join(tmpdir(), "mfo-cluster-"));
  let log = "";
  const primary: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(E2E.clusterPort),
      DATABASE_URL: `file:${join(dir, "cluster.db")}`,
      AUTH_SECRET: E2E.authSecret,
      AUTH_URL: base,
      MFO_TEST_ROUTES: "true",
      WEB_CONCURRENCY: "2",
    },
    detached: true, // its own process group, so a failed test can end every process it started
    stdio: ["ignore", "pipe", "pipe"],
  });
  primary.stdout?.on("data", (chunk) => (log += chunk));
  primary.stderr?.on("data", (chunk) => (log += chunk));
  const exited = new Promise<number | null>((resolve) => primary.once("exit", (code) => resolve(code)));
  try {
    // Both workers up: new connections alternate between them.
    const pids = new Set<number>();
    await expect
      .poll(async () => {
        pids.add(await workerPid().catch(() => 0));
        pids.delete(0);
        return pids.size;
      }, { timeout: 90_000, intervals: [250] })
      .toBe(2);
    for (const pid of pids) expect(parentOf(pid)).toBe(primary.pid);
    expect(pids.has(primary.pid!)).toBe(false);

    const [victim, survivor] = [...pids];
    process.kill(victim, "SIGKILL");
    await expect.poll(() => log, { timeout: 30_000 }).toMatch(new RegExp(`worker \\d \\(pid ${victim}\\) exited with signal SIGKILL`));
    // The site keeps answering, from the survivor and then from the replacement.
    for (let i = 0; i < 10; i++) expect((await get("/")).status).toBe(200);
    const seen = new Set<number>();
    await expect
      .poll(async () => {
        seen.add(await workerPid());
        return [...seen].filter((pid) => !pids.has(pid)).length;
      }, { timeout: 90_000, intervals: [250] })
      .toBe(1);
    const replacement = [...seen].find((pid) => !pids.has(pid))!;
    expect(parentOf(replacement)).toBe(primary.pid);
    expect(alive(victim)).toBe(false);

    // SIGTERM: a request in flight still gets its answer, then every process stops.
    const inFlight = get("/test-only/worker?wait=3000");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    process.kill(primary.pid!, "SIGTERM");
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await exited).toBe(0);
    expect(log).toMatch(/SIGTERM: letting 2 worker\(s\) finish their requests/);
    for (const pid of [survivor, replacement]) expect(alive(pid)).toBe(false);
    await expect(get("/")).rejects.toMatchObject({ code: "ECONNREFUSED" });
  } finally {
    if (primary.exitCode === null) process.kill(-primary.pid!, "SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

test("WEB_CONCURRENCY must be a whole number from 1 to 64", () => {
  const result = spawnSync(process.execPath, ["scripts/start.mjs"], { env: { ...process.env, WEB_CONCURRENCY: "two" }, encoding: "utf8" });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('WEB_CONCURRENCY: must be a whole number from 1 to 64 (got "two")');
});
