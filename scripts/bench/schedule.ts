// `npm run bench:schedule`: the schedule's conflict check on the demo festival (`mfo demo`: about 290
// classes, 1,500 entries). On a temp database it loads the demo, adds 4 venues and 40 sessions (5 days,
// two a day per venue), lets "Suggest a schedule" fill them, then times, over BENCH_RUNS (20) runs: the
// loading of the whole schedule (lib/festival/schedule-data.ts, eight queries), the conflict check (pure,
// lib/festival/schedule-check.ts) and both together, as the organizers' page does. Prints the figures
// (issue 17: the whole check under 1 s); they are recorded in docs/decisions/schedule.md.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createPrismaClient } from "@/lib/db";
import { ensureBuiltInRoles } from "@/lib/roles/service";
import { loadDemo } from "@/lib/festival/demo";
import { checkInput, loadSchedule } from "@/lib/festival/schedule-data";
import { checkSchedule } from "@/lib/festival/schedule-check";
import { scheduleDemo } from "./demo-schedule";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "mfo-bench-schedule-"));
  const url = `file:${join(dir, "bench.db")}`;
  try {
    execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
    const db = createPrismaClient(url);
    await ensureBuiltInRoles(db);
    await loadDemo(db);
    const { season, suggested, suggestMs } = await scheduleDemo(db);

    const load: number[] = [];
    const check: number[] = [];
    const total: number[] = [];
    let conflicts = 0;
    let stats = { classes: 0, entries: 0, sittings: 0 };
    for (let i = 0; i < RUNS + 2; i++) {
      const a = performance.now();
      const data = (await loadSchedule(db, season.id))!;
      const b = performance.now();
      const found = checkSchedule(checkInput(data));
      const c = performance.now();
      if (i < 2) continue; // warm-up
      load.push(b - a);
      check.push(c - b);
      total.push(c - a);
      conflicts = [...found.values()].reduce((n, l) => n + l.length, 0);
      stats = { classes: data.classes.length, entries: data.classes.reduce((n, k) => n + k.entries.length, 0), sittings: data.sittings.length };
    }
    await db.$disconnect();
    console.log(`Demo festival: ${stats.classes} classes, ${stats.entries} performing entries, ${stats.sittings} sessions; the suggestion placed ${suggested.placed} classes (${suggested.unplaced} did not fit) in ${ms(suggestMs)}; ${conflicts} conflicts found.`);
    console.log(`${RUNS} runs after 2 warm-ups:\n`);
    console.log("| step | p50 | max |\n|---|---:|---:|");
    for (const [name, values] of [["load the schedule (8 queries)", load], ["check conflicts (pure)", check], ["whole check (load + check)", total]] as const) {
      console.log(`| ${name} | ${ms(percentile(values, 50))} | ${ms(Math.max(...values))} |`);
    }
    const p50 = percentile(total, 50);
    console.log(`\nTarget: the whole check under 1 s: ${p50 < 1000 ? "met" : "NOT met"} (p50 ${ms(p50)}).`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
