// `npm run bench`: builds, then serves the production build as `npm start` does, on a temp database with
// 10 000 users, once with one server process (WEB_CONCURRENCY=1) and once with the default (one per
// core), and measures what a person waits for: a whole signed-in view of /account (the document and the
// data request it makes), the static home page, the pages rendered per request, each against its floor.
// When the original Flask app can run here it is measured in the same run (scripts/bench/flask.ts).
// Prints issue 15's target table and writes bench/results.json.
// Flags: --no-build (reuse .next), --duration=N or BENCH_SECONDS=N seconds per case (default 8; the whole
// run then takes about 5 minutes on 2 cores, build included), --no-flask, --processes=N (only that setting;
// bench/results.json is then left as it was).
import { mkdirSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { gzipSync } from "node:zlib";
import { benchHash } from "./hash";
import { FLASK_USER_AGENT, flaskUnavailable, startFlask } from "./flask";
import { BENCH_PASSWORD, build, measure, printTable, seedUsers, signInCookie, startServer, type Row } from "./server";

const duration = Number(process.argv.find((a) => a.startsWith("--duration="))?.split("=")[1] ?? process.env.BENCH_SECONDS ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const WARM_UP_SECONDS = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const FLASK_PORT = Number(process.env.BENCH_FLASK_PORT ?? PORT + 9);

/** Full credentials sign-ins (CSRF token + POST) from `workers` loops for `seconds`. */
async function signInLoad(baseUrl: string, workers: number, seconds: number): Promise<Row> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; Date.now() < end; i++) {
        const t = performance.now();
        try {
          await signInCookie(baseUrl, `user${(w * 1000 + i) % 10_000}@bench.test`, BENCH_PASSWORD);
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const q = (p: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0);
  return { name: `sign-in (CSRF + POST), ${workers} conns`, requestsPerSec: Math.round((latencies.length / seconds) * 10) / 10, p50: q(0.5), p99: q(0.99), non2xx3xx: 0, errors };
}

/** Script bytes (gzip) each page loads, split into the runtime every page shares and the rest. */
async function pageWeights(baseUrl: string, cookie: string) {
  const pages: Record<string, { cookie?: string }> = { "/": {}, "/sign-in": {}, "/sign-up": {}, "/account": { cookie } };
  const scriptsByPage: Record<string, string[]> = {};
  for (const [path, opts] of Object.entries(pages)) {
    const html = await (await fetch(baseUrl + path, { headers: opts.cookie ? { cookie: opts.cookie } : {} })).text();
    scriptsByPage[path] = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  }
  const sizes = new Map<string, number>();
  for (const src of new Set(Object.values(scriptsByPage).flat())) {
    const body = Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer());
    sizes.set(src, gzipSync(body).length);
  }
  const all = Object.values(scriptsByPage);
  const shared = all[0].filter((s) => all.every((list) => list.includes(s)));
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  const sharedKb = kb(shared.reduce((sum, s) => sum + (sizes.get(s) ?? 0), 0));
  const perRoute = Object.fromEntries(
    Object.entries(scriptsByPage).map(([path, list]) => [path, kb(list.filter((s) => !shared.includes(s)).reduce((sum, s) => sum + (sizes.get(s) ?? 0), 0))]),
  );
  return { sharedRuntimeKbGzip: sharedKb, beyondSharedKbGzip: perRoute };
}

/** Database round trips /api/account reports in its Server-Timing header. */
async function roundTrips(baseUrl: string, cookie: string): Promise<number | null> {
  const timing = (await fetch(`${baseUrl}/api/account`, { headers: { cookie } })).headers.get("server-timing") ?? "";
  const n = /db;desc="(\d+) round trip/.exec(timing)?.[1];
  return n === undefined ? null : Number(n);
}

interface Run {
  processes: number;
  rows: Row[];
  viewsPerSec: number;
  home: number;
  accountData: number;
  /** /api/account?via=next: the same answer through Next's route, which the custom server leaves a query to. */
  accountDataThroughNext: number;
  floor: number;
  trivialPage: number;
  perRequestPages: Record<string, number>;
  homeP99AtRest: number;
  homeP99UnderSignIns: number;
  roundTrips: number | null;
  rssMiB: number;
  javascript?: Awaited<ReturnType<typeof pageWeights>>;
}

async function benchMfo(processes: number, port: number, hash: string, withWeights: boolean): Promise<Run> {
  // The floor and the trivial page are test-only routes (MFO_TEST_ROUTES), never on in production.
  const server = await startServer({ port, processes, seed: (url) => seedUsers(url, 10_000, hash), env: { MFO_TEST_ROUTES: "true" } });
  try {
    const base = server.baseUrl;
    const cookie = await signInCookie(base, "user42@bench.test", BENCH_PASSWORD);
    const adminCookie = await signInCookie(base, "admin@bench.test", BENCH_PASSWORD);
    const signedIn = { cookie };
    const admin = { cookie: adminCookie };
    // Warm up every route (in every worker) so the measurements see a warm server. One second was too
    // little: the first signed-in case measured (the whole view) came out at 0.6-0.8x what the same
    // route did a case later, JIT still compiling; 3 s each evened that out.
    const perRequest: [string, Record<string, string>][] = [
      ["/account/security", signedIn],
      ["/admin/users", admin],
    ];
    for (const [path, headers] of [["/", {}], ["/account", signedIn], ["/api/account", signedIn], ["/api/account?via=next", signedIn], ["/api/test-only/floor", signedIn], ["/test-only/trivial", signedIn], ...perRequest] as const) {
      await measure("warm-up", { url: base + path, duration: WARM_UP_SECONDS, headers });
    }

    const rows: Row[] = [];
    const add = async (row: Promise<Row>) => {
      const r = await row;
      rows.push(r);
      return r;
    };
    const home = await add(measure("GET / signed out (static)", { url: `${base}/`, duration }));
    // A whole view: each connection fetches the document, then the data it asks for, and again.
    const view = await add(measure("whole /account view: GET /account + GET /api/account", { url: base, paths: ["/account", "/api/account"], duration, headers: signedIn }));
    const data = await add(measure("GET /api/account signed in (the view's data)", { url: `${base}/api/account`, duration, headers: signedIn }));
    const throughNext = await add(measure("GET /api/account?via=next (the same, through Next's route)", { url: `${base}/api/account?via=next`, duration, headers: signedIn }));
    const floor = await add(measure("floor: route handler reading the cookie", { url: `${base}/api/test-only/floor`, duration, headers: signedIn }));
    const trivial = await add(measure("trivial page rendered per request", { url: `${base}/test-only/trivial`, duration, headers: signedIn }));
    const perRequestPages: Record<string, number> = {};
    for (const [path, headers] of perRequest) {
      perRequestPages[path] = (await add(measure(`GET ${path} (rendered per request)`, { url: base + path, duration, headers }))).requestsPerSec;
    }
    const atRest = await add(measure("GET / at rest, 2 conns", { url: `${base}/`, duration, connections: 2 }));
    const [underLoad, signIns] = await Promise.all([
      measure("GET / while 8 conns sign in, 2 conns", { url: `${base}/`, duration, connections: 2 }),
      signInLoad(base, 8, duration),
    ]);
    rows.push(underLoad, signIns);
    return {
      processes,
      rows,
      viewsPerSec: Math.round(view.requestsPerSec / 2),
      home: home.requestsPerSec,
      accountData: data.requestsPerSec,
      accountDataThroughNext: throughNext.requestsPerSec,
      floor: floor.requestsPerSec,
      trivialPage: trivial.requestsPerSec,
      perRequestPages,
      homeP99AtRest: atRest.p99,
      homeP99UnderSignIns: underLoad.p99,
      roundTrips: await roundTrips(base, cookie),
      rssMiB: Math.round(server.rssMiB()),
      javascript: withWeights ? await pageWeights(base, cookie) : undefined,
    };
  } finally {
    await server.stop();
  }
}

async function benchFlask(): Promise<{ home: number; account: number; rows: Row[] } | { unavailable: string }> {
  const why = process.argv.includes("--no-flask") ? "--no-flask" : flaskUnavailable();
  if (why) return { unavailable: why };
  const flask = await startFlask(FLASK_PORT);
  try {
    const ua = { "user-agent": FLASK_USER_AGENT };
    await measure("warm-up", { url: `${flask.baseUrl}/`, duration: 1, headers: ua });
    await measure("warm-up", { url: `${flask.baseUrl}/account/`, duration: 1, headers: { ...ua, cookie: flask.cookie } });
    const home = await measure("original (Flask, gunicorn -w 2): GET /", { url: `${flask.baseUrl}/`, duration, headers: ua });
    const account = await measure("original (Flask, gunicorn -w 2): GET /account/ signed in", { url: `${flask.baseUrl}/account/`, duration, headers: { ...ua, cookie: flask.cookie } });
    return { home: home.requestsPerSec, account: account.requestsPerSec, rows: [home, account] };
  } finally {
    await flask.stop();
  }
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function budgets(run: Run, flask: Awaited<ReturnType<typeof benchFlask>>) {
  const original = "unavailable" in flask ? null : flask;
  const pages = Object.values(run.perRequestPages);
  return {
    accountViewVsOriginal: original ? round2(run.viewsPerSec / original.account) : null,
    homeVsOriginal: original ? round2(run.home / original.home) : null,
    accountDataVsFloor: round2(run.accountData / run.floor),
    accountDataThroughNextVsFloor: round2(run.accountDataThroughNext / run.floor),
    perRequestPagesVsTrivial: Object.fromEntries(Object.entries(run.perRequestPages).map(([p, n]) => [p, round2(n / run.trivialPage)])),
    worstPerRequestPageVsTrivial: round2(Math.min(...pages) / run.trivialPage),
    homeP99UnderSignInsVsRest: round2(run.homeP99UnderSignIns / Math.max(1, run.homeP99AtRest)),
    roundTripsPerSignedInPage: run.roundTrips,
    rssMiBAllProcesses: run.rssMiB,
  };
}

function printTargets(runs: Run[], all: ReturnType<typeof budgets>[]) {
  const x = (n: number | null) => (n === null ? "n/a" : `${n} x`);
  const pct = (n: number) => `${Math.round(n * 100)} %`;
  const met = (ok: boolean | null) => (ok === null ? "" : ok ? " (met)" : " (not met)");
  const lines: [string, string, (b: ReturnType<typeof budgets>, r: Run) => string][] = [
    ["whole signed-in /account view vs the original's signed-in /account/", ">= 1.0 x", (b, r) => `${x(b.accountViewVsOriginal)}${met(b.accountViewVsOriginal === null ? null : b.accountViewVsOriginal >= 1)} (${r.viewsPerSec} views/s)`],
    ["/ vs the original's home page", ">= 1.0 x", (b, r) => `${x(b.homeVsOriginal)}${met(b.homeVsOriginal === null ? null : b.homeVsOriginal >= 1)} (${r.home} req/s)`],
    ["/api/account vs the bare route-handler floor", ">= 80 %", (b, r) => `${pct(b.accountDataVsFloor)}${met(b.accountDataVsFloor >= 0.8)} (${r.accountData} of ${r.floor} req/s)`],
    ["  the same through Next's route (?via=next) vs the floor", "(reported)", (b, r) => `${pct(b.accountDataThroughNextVsFloor)} (${r.accountDataThroughNext} of ${r.floor} req/s)`],
    ["pages rendered per request vs a trivial per-request page", ">= 50 %", (b, r) => `${Object.entries(r.perRequestPages).map(([p, n]) => `${p} ${pct(n / r.trivialPage)}`).join(", ")}${met(b.worstPerRequestPageVsTrivial >= 0.5)} (trivial ${r.trivialPage} req/s)`],
    ["/ p99 while sign-ins run vs at rest", "<= 3 x", (b, r) => `${x(b.homeP99UnderSignInsVsRest)}${met(b.homeP99UnderSignInsVsRest <= 3)} (${r.homeP99UnderSignIns} vs ${r.homeP99AtRest} ms)`],
    ["database round trips per signed-in page", "<= 2", (b) => `${b.roundTripsPerSignedInPage ?? "n/a"}${met(b.roundTripsPerSignedInPage === null ? null : b.roundTripsPerSignedInPage <= 2)}`],
    ["server memory, all processes", "reported", (b) => `${b.rssMiBAllProcesses} MiB`],
  ];
  const header = ["budget", "target", ...runs.map((r) => `WEB_CONCURRENCY=${r.processes}`)];
  const body = lines.map(([name, target, cell]) => [name, target, ...runs.map((r, i) => cell(all[i], r))]);
  console.log(`| ${header.join(" | ")} |`);
  console.log(`|${header.map(() => "---").join("|")}|`);
  for (const line of body) console.log(`| ${line.join(" | ")} |`);
}

async function main() {
  const started = Date.now();
  if (!process.argv.includes("--no-build")) build();
  const hash = await benchHash();
  const load = loadavg()[0];
  const cores = availableParallelism();
  // The original first (its own port), then MFO with one process and with one per core. Each server is
  // stopped before the next starts, so none measures against another's idle memory or timers.
  const flask = await benchFlask().catch((error: unknown) => ({ unavailable: `it failed to start: ${error instanceof Error ? error.message : error}` }));
  // --processes=N measures only that setting (a quick check; the README's figures come from both).
  const only = Number(process.argv.find((a) => a.startsWith("--processes="))?.split("=")[1]) || 0;
  const settings = only ? [only] : [...new Set([1, cores])];
  const runs: Run[] = [];
  for (const [i, processes] of settings.entries()) runs.push(await benchMfo(processes, PORT + i, hash, i === settings.length - 1));
  const all = runs.map((r) => budgets(r, flask));

  console.log(`\nMFO benchmark: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${load.toFixed(1)} at the start, ${duration} s per case, 10 connections unless stated\n`);
  if ("unavailable" in flask) console.log(`The original Flask app was not measured: ${flask.unavailable}.\n`);
  else {
    console.log("The original app (Flask-Security-Too, gunicorn with 2 workers), same run:\n");
    printTable(flask.rows);
    console.log("");
  }
  for (const run of runs) {
    console.log(`MFO, WEB_CONCURRENCY=${run.processes} (${run.processes === 1 ? "one process, as next start" : "one process per core"}):\n`);
    printTable(run.rows);
    console.log(`server RSS after the run, all processes: ${run.rssMiB} MiB\n`);
  }
  const js = runs.at(-1)?.javascript;
  if (js) console.log(`JavaScript (gzip): shared runtime ${js.sharedRuntimeKbGzip} kB; beyond it: ${Object.entries(js.beyondSharedKbGzip).map(([p, k]) => `${p} ${k} kB`).join(", ")}\n`);
  console.log("Targets (issue 15):\n");
  printTargets(runs, all);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`\nthe run took ${Math.floor(seconds / 60)} min ${seconds % 60} s`);
  if (only) return;
  mkdirSync("bench", { recursive: true });
  writeFileSync(
    "bench/results.json",
    JSON.stringify(
      {
        date: new Date().toISOString(),
        cores: cpus().length,
        loadAverageAtStart: load,
        durationSeconds: duration,
        original: flask,
        runs: runs.map((run, i) => ({ ...run, budgets: all[i] })),
        runSeconds: seconds,
      },
      null,
      2,
    ) + "\n",
  );
  console.log("wrote bench/results.json");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
