// `npm run bench:reports`: how fast the organizers' reports answer on the demo season (`mfo demo`: about
// 290 classes, 1,500 entries). Two parts, each printing p50/p99:
//   1. the classes report's query and arithmetic alone, in this process (no server, no build);
//   2. unless --no-http: the production build served on a temp database (built first unless --no-build),
//      signed in as the admin, sequential requests (1 connection) for the report pages and a download.
// Issue 17's target: the class report p50 < 100 ms. Flags: --duration=N seconds per HTTP case (10).
// BENCH_PORT (3400), BENCH_RUNS (200, the in-process part).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build, measure, printTable, signInCookie, startServer, BENCH_PASSWORD, type Row } from "./server";

const duration = Number(process.argv.find((a) => a.startsWith("--duration="))?.split("=")[1] ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);

/** The demo festival on `dbUrl`; `prepare` first migrates it (startServer does that itself). */
function loadDemo(dbUrl: string, prepare: boolean) {
  for (const args of [...(prepare ? [["scripts/prepare.ts", "--production"]] : []), ["scripts/mfo.ts", "demo"]]) {
    const r = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", ...args], {
      // prepare.ts --production wants a secret; nothing here signs anyone in.
      env: { AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789abcdef", ...process.env, DATABASE_URL: dbUrl },
      encoding: "utf8",
    });
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
}

async function inProcess() {
  const dir = mkdtempSync(join(tmpdir(), "mfo-bench-reports-"));
  const url = `file:${join(dir, "demo.db")}`;
  try {
    loadDemo(url, true);
    const { createPrismaClient } = await import("@/lib/db");
    const { classReport } = await import("@/lib/festival/reports/classes");
    const { feeReport } = await import("@/lib/festival/reports/fees");
    const db = createPrismaClient(url);
    const season = await db.season.findFirstOrThrow({ where: { isCurrent: true }, select: { id: true } });
    const cases: [string, () => Promise<unknown>][] = [
      ["classes report, every class", () => classReport(db, season.id, {})],
      ["classes report, sorted by planned time, empty hidden", () => classReport(db, season.id, { sort: "planned", dir: "desc", hideEmpty: true })],
      ["fees report", () => feeReport(db, season.id, {})],
    ];
    console.log(`\nIn process (the query and the arithmetic, no HTTP), ${RUNS} runs each:\n`);
    console.log("| case | p50 ms | p99 ms |\n|---|---:|---:|");
    for (const [name, run] of cases) {
      for (let i = 0; i < 10; i++) await run();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        await run();
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      console.log(`| ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 99).toFixed(1)} |`);
    }
    await db.$disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function overHttp() {
  if (!process.argv.includes("--no-build")) build();
  const server = await startServer({ port: PORT, seed: async (url) => loadDemo(url, false) });
  try {
    const cookie = await signInCookie(server.baseUrl, "admin@bench.test", BENCH_PASSWORD);
    const cases: [string, string][] = [
      ["GET classes report", "/admin/festival/reports/classes"],
      ["GET classes report, sorted, empty hidden", "/admin/festival/reports/classes?empty=hide&sort=planned&dir=desc"],
      ["GET classes report as CSV", "/admin/festival/reports/download/classes?format=csv"],
      ["GET classes report as XLSX", "/admin/festival/reports/download/classes?format=xlsx"],
      ["GET fees report", "/admin/festival/reports/fees"],
      ["GET people report (teachers)", "/admin/festival/reports/people"],
    ];
    const rows: Row[] = [];
    for (const [name, path] of cases) {
      await measure("warm-up", { url: server.baseUrl + path, duration: 2, connections: 1, headers: { cookie } });
      rows.push(await measure(name, { url: server.baseUrl + path, duration, connections: 1, headers: { cookie } }));
    }
    console.log(`\nOver HTTP, production build, signed in as the admin, 1 connection (sequential), ${duration} s per case:\n`);
    printTable(rows);
  } finally {
    await server.stop();
  }
}

async function main() {
  await inProcess();
  if (!process.argv.includes("--no-http")) await overHttp();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
