// `npm run bench`: builds, serves the production build on a temp database with 10 000 users, and
// measures the pages people hit most. Prints a table and writes bench/results.json.
// Flags: --no-build (reuse .next), --duration=N seconds per case (default 10).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { gzipSync } from "node:zlib";
import { benchHash } from "./hash";
import { BENCH_PASSWORD, build, measure, printTable, seedUsers, signInCookie, startServer, type Row } from "./server";

const duration = Number(process.argv.find((a) => a.startsWith("--duration="))?.split("=")[1] ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3400);

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

async function main() {
  if (!process.argv.includes("--no-build")) build();
  const hash = await benchHash();
  const server = await startServer({ port: PORT, seed: (url) => seedUsers(url, 10_000, hash) });
  try {
    const base = server.baseUrl;
    const cookie = await signInCookie(base, "user42@bench.test", BENCH_PASSWORD);
    const signedIn = { cookie };
    // Warm up every route once so the measurements see a warm server.
    for (const path of ["/", "/account", "/api/account", "/account/security", "/sign-in"]) await measure("warm-up", { url: base + path, duration: 2, headers: signedIn });

    const rows: Row[] = [];
    rows.push(await measure("GET / signed out", { url: `${base}/`, duration }));
    rows.push(await measure("GET / signed in", { url: `${base}/`, duration, headers: signedIn }));
    const account = await measure("GET /account signed in", { url: `${base}/account`, duration, headers: signedIn });
    rows.push(account);
    // /account is a prerendered shell; its data is one more request, measured on its own.
    const accountData = await measure("GET /api/account signed in (its data)", { url: `${base}/api/account`, duration, headers: signedIn });
    rows.push(accountData);
    const redirect = await measure("GET /account signed out (redirect)", { url: `${base}/account`, duration });
    rows.push(redirect);
    // A page rendered per request on the server, for comparison (the password and e-mail forms).
    rows.push(await measure("GET /account/security signed in (server-rendered)", { url: `${base}/account/security`, duration, headers: signedIn }));
    rows.push(await signInLoad(base, 4, duration));
    const atRest = await measure("GET / at rest, 2 conns", { url: `${base}/`, duration, connections: 2 });
    rows.push(atRest);
    const [underLoad] = await Promise.all([
      measure("GET / while 8 conns sign in, 2 conns", { url: `${base}/`, duration, connections: 2 }),
      signInLoad(base, 8, duration),
    ]);
    rows.push(underLoad);
    const rss = Math.round(server.rssMiB());
    const weights = await pageWeights(base, cookie);

    const staticRps = rows[0].requestsPerSec;
    const ratio = (n: number) => Math.round((n / staticRps) * 100) / 100;
    // A whole view of /account is both requests, one after the other, on the same cores.
    const accountViewsPerSec = 1 / (1 / account.requestsPerSec + 1 / accountData.requestsPerSec);
    const budgets = {
      accountVsStatic: ratio(account.requestsPerSec),
      accountDataVsStatic: ratio(accountData.requestsPerSec),
      accountViewVsStatic: ratio(accountViewsPerSec),
      redirectVsStatic: ratio(redirect.requestsPerSec),
      homeP99UnderSignInsVsRest: Math.round((underLoad.p99 / Math.max(1, atRest.p99)) * 100) / 100,
    };
    console.log(`\nMFO benchmark: ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, ${duration} s per case, 10 connections unless stated\n`);
    printTable(rows);
    console.log(`\nserver RSS after the run: ${rss} MiB`);
    console.log(`JavaScript (gzip): shared runtime ${weights.sharedRuntimeKbGzip} kB; beyond it: ${Object.entries(weights.beyondSharedKbGzip).map(([p, k]) => `${p} ${k} kB`).join(", ")}`);
    console.log(`ratios: /account signed in = ${budgets.accountVsStatic} × static /; its data = ${budgets.accountDataVsStatic} ×; page + data together = ${budgets.accountViewVsStatic} ×; redirect = ${budgets.redirectVsStatic} × static /; / p99 while signing in = ${budgets.homeP99UnderSignInsVsRest} × at rest`);
    mkdirSync("bench", { recursive: true });
    writeFileSync("bench/results.json", JSON.stringify({ date: new Date().toISOString(), cores: cpus().length, durationSeconds: duration, rows, rssMiB: rss, javascript: weights, ratios: budgets }, null, 2) + "\n");
    console.log("\nwrote bench/results.json");
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
