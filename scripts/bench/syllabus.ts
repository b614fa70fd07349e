// `npm run bench:syllabus`: the festival's public pages, served by the production build on a temp database
// holding the demo festival (`mfo demo`: about 290 classes) with its programme scheduled and published
// (scripts/bench/demo-schedule.ts), measured with autocannon on loopback against the static home page and
// a trivial page rendered per request. Twice: with the public page cache (scripts/serve/public-page-cache.mjs,
// as `npm start` serves) and without it (PUBLIC_PAGE_CACHE=off: every view rendered by Next, as on Vercel).
// Prints both tables and the targets of issues 16 and 17 (/syllabus and the programme at least as fast as
// the static home page); the figures are in docs/decisions/public-page-cache.md.
// Flags: --no-build, --duration=N (default 8). BENCH_PORT (3400), BENCH_CONNECTIONS (10), BENCH_PROCESSES (1).
import { spawnSync } from "node:child_process";
import { build, measure, printTable, startServer, type Row } from "./server";

const duration = Number(process.argv.find((a) => a.startsWith("--duration="))?.split("=")[1] ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3400);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

function tsx(script: string, args: string[], dbUrl: string) {
  const r = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", script, ...args], { env: { ...process.env, DATABASE_URL: dbUrl }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${script} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  console.log(r.stdout.split("\n")[0]);
}

/** The first link under `prefix` on the page at `path`. */
async function firstLink(base: string, path: string, prefix: string): Promise<string> {
  const html = await (await fetch(base + path)).text();
  const href = new RegExp(`href="(${prefix}[^"]+)"`).exec(html)?.[1];
  if (!href) throw new Error(`no link to ${prefix}… on ${path}`);
  return href;
}

async function run(pageCache: boolean): Promise<Row[]> {
  const server = await startServer({
    port: PORT,
    processes: Number(process.env.BENCH_PROCESSES ?? 1),
    env: pageCache ? {} : { PUBLIC_PAGE_CACHE: "off" },
    seed: async (url) => {
      tsx("scripts/mfo.ts", ["demo"], url);
      tsx("scripts/bench/demo-schedule.ts", ["--publish"], url);
    },
  });
  try {
    const base = server.baseUrl;
    const season = await firstLink(base, "/programme", "/programme/");
    const day = await firstLink(base, season, `${season}/`);
    const cases: [string, string][] = [
      ["GET / (static, for comparison)", "/"],
      ["GET /sign-in (per request, no data, for comparison)", "/sign-in"],
      ["GET /syllabus (first 100 classes)", "/syllabus"],
      ["GET /syllabus?discipline=Piano&level=Junior", "/syllabus?discipline=Piano&level=Junior"],
      ["GET /syllabus?q=baroque", "/syllabus?q=baroque"],
      ["GET /syllabus/1010A", "/syllabus/1010A"],
      ["GET the programme's first day", day],
    ];
    for (const [, path] of cases) await measure("warm-up", { url: base + path, duration: 2 });
    const rows: Row[] = [];
    for (const [name, path] of cases) rows.push(await measure(name, { url: base + path, duration, connections, server }));
    console.log(`\nPublic page cache ${pageCache ? "on (npm start)" : "off (every view rendered by Next)"}: ${duration} s per case, ${connections} connections\n`);
    printTable(rows);
    const bytes = async (path: string) => Math.round((await (await fetch(base + path)).arrayBuffer()).byteLength / 1024);
    console.log(`\nHTML: /syllabus ${await bytes("/syllabus")} kB, /syllabus/1010A ${await bytes("/syllabus/1010A")} kB, the programme's first day ${await bytes(day)} kB`);
    return rows;
  } finally {
    await server.stop();
  }
}

async function main() {
  if (!process.argv.includes("--no-build")) build();
  const cached = await run(true);
  const uncached = await run(false);
  const find = (rows: Row[], name: string) => rows.find((r) => r.name.startsWith(name));
  const home = find(cached, "GET / ")!;
  const nextHome = find(uncached, "GET / ")!;
  // On loopback the client shares the cores and parses every byte: for pages 3-5 times the home page's
  // size it, not the server, sets req/s. So the server's CPU per answer is compared too.
  console.log("\nTargets (issues 16 and 17), with the cache, as `npm start` serves:");
  for (const [label, name] of [["/syllabus", "GET /syllabus (first"], ["the published programme", "GET the programme"]] as const) {
    const row = find(cached, name)!;
    const cpu = row.serverCpuMs !== undefined && home.serverCpuMs !== undefined ? `; server CPU ${row.serverCpuMs.toFixed(3)} vs ${home.serverCpuMs.toFixed(3)} ms an answer` : "";
    console.log(`  ${label}: ${row.requestsPerSec} req/s, ${(row.requestsPerSec / nextHome.requestsPerSec).toFixed(2)} x the home page as Next serves it (${nextHome.requestsPerSec}), ${(row.requestsPerSec / home.requestsPerSec).toFixed(2)} x the home page from the same cache (${home.requestsPerSec})${cpu}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
