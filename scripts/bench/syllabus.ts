// `npm run bench:syllabus`: serves the production build on a temp database holding the demo festival
// (`mfo demo`: about 290 classes) and measures the public syllabus against the static home page and a
// trivial page rendered per request, with autocannon on loopback. Prints a table; the figures are in
// docs/decisions/syllabus-caching.md. Flags: --no-build, --duration=N (default 10). BENCH_PORT (3400),
// BENCH_CONNECTIONS (10).
import { spawnSync } from "node:child_process";
import { build, measure, printTable, startServer, type Row } from "./server";

const duration = Number(process.argv.find((a) => a.startsWith("--duration="))?.split("=")[1] ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3400);

function loadDemo(dbUrl: string) {
  const r = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/mfo.ts", "demo"], { env: { ...process.env, DATABASE_URL: dbUrl }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`mfo demo failed:\n${r.stdout}\n${r.stderr}`);
  console.log(r.stdout.split("\n")[0]);
}

async function main() {
  if (!process.argv.includes("--no-build")) build();
  const server = await startServer({ port: PORT, seed: async (url) => loadDemo(url) });
  try {
    const base = server.baseUrl;
    const cases: [string, string][] = [
      ["GET / (static, for comparison)", "/"],
      ["GET /sign-in (per request, no data, for comparison)", "/sign-in"],
      ["GET /syllabus (every class)", "/syllabus"],
      ["GET /syllabus?discipline=Piano&level=Junior", "/syllabus?discipline=Piano&level=Junior"],
      ["GET /syllabus?q=baroque", "/syllabus?q=baroque"],
      ["GET /syllabus/1010A", "/syllabus/1010A"],
    ];
    for (const [, path] of cases) await measure("warm-up", { url: base + path, duration: 2 });
    const rows: Row[] = [];
    const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
    for (const [name, path] of cases) rows.push(await measure(name, { url: base + path, duration, connections }));
    console.log(`\n${duration} s per case, ${connections} connections\n`);
    printTable(rows);
    const bytes = async (path: string) => (await (await fetch(base + path)).arrayBuffer()).byteLength;
    console.log(`\nHTML: /syllabus ${Math.round((await bytes("/syllabus")) / 1024)} kB, /syllabus/1010A ${Math.round((await bytes("/syllabus/1010A")) / 1024)} kB`);
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
