// `npm run bench:import`: the festival office's import with the demo festival (about 290 classes, 500
// people, 1,500 entries) on a temp database. It turns the demo's 1,500 entries into a registration
// form's export (one row per entry, Google-Form-like columns) and times reading the file (CSV and XLSX)
// and the dry run (parse + every check + all writes, rolled back), then one real import. Issue 17's
// target: the dry run of a 1,500-row file under 5 s. Prints figures; times nothing in a test.
// BENCH_RUNS (default 3) sets the runs per case.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import ExcelJS from "exceljs";
import { createPrismaClient } from "@/lib/db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { loadDemo } from "@/lib/festival/demo";
import { ensureBuiltInRoles } from "@/lib/roles/service";
import { classCode } from "@/lib/festival/names";
import { guessMapping } from "@/lib/festival/import/entry-columns";
import { runImport } from "@/lib/festival/import/run";
import { readTable } from "@/lib/festival/import/table";
import type { StoredUpload } from "@/lib/festival/import/uploads";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const HEADERS = ["Timestamp", "Email Address", "Your name", "Performer name(s)", "Date of birth", "Teacher", "School", "Accompanist", "Class number", "Piece title", "Composer", "Duration (minutes)", "Class number 2", "Piece title 2", "Composer 2", "Duration (minutes) 2", "Fee", "Paid"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function time(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "mfo-bench-import-"));
  const url = `file:${join(dir, "bench.db")}`;
  try {
    execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
    const db = createPrismaClient(url);
    await ensureBuiltInRoles(db);
    const demo = await loadDemo(db);
    const season = await db.season.findFirstOrThrow({ where: { isCurrent: true } });
    const entries = await db.entry.findMany({
      where: { seasonId: season.id },
      orderBy: { createdAt: "asc" },
      take: 1500,
      include: {
        festivalClass: true,
        teacher: true,
        accompanist: true,
        performers: { orderBy: { position: "asc" }, include: { profile: { include: { school: true } } } },
        pieces: { orderBy: { position: "asc" }, include: { piece: true } },
      },
    });
    const date = (d: Date | null) => (d ? `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}` : "");
    const rows = entries.map((e, i) => {
      const [first, second] = e.pieces;
      const code = classCode(e.festivalClass);
      return [
        `1/${1 + (i % 28)}/2027 ${8 + (i % 12)}:${String(i % 60).padStart(2, "0")}:00`,
        `family${i}@example.org`,
        `Parent ${i}`,
        e.performers.map((p) => p.profile.name).join(" & "),
        e.performers.map((p) => date(p.profile.birthDate)).filter(Boolean).join("; "),
        e.teacher?.name ?? "",
        e.performers[0]?.profile.school?.name ?? "",
        e.accompanist?.name ?? "",
        code,
        first?.piece.title ?? "",
        first?.piece.composer ?? "",
        first ? String(first.durationSeconds / 60) : "",
        second ? code : "",
        second?.piece.title ?? "",
        second?.piece.composer ?? "",
        second ? String(second.durationSeconds / 60) : "",
        (e.festivalClass.feeCents / 100).toFixed(2),
        i % 3 === 0 ? "Yes" : "No",
      ];
    });
    const csv = Buffer.from(Papa.unparse([HEADERS, ...rows]));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Form Responses 1");
    for (const r of [HEADERS, ...rows]) sheet.addRow(r);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    console.log(`Demo: ${demo.classes} classes, ${demo.profiles} people, ${demo.entries} entries. Export: ${rows.length} rows; CSV ${Math.round(csv.length / 1024)} kB, XLSX ${Math.round(xlsx.length / 1024)} kB.`);

    const mapping = guessMapping(HEADERS);
    const upload = (fileName: string, content: Uint8Array): StoredUpload => ({
      id: "bench",
      userId: "bench",
      seasonId: season.id,
      kind: "entries",
      fileName,
      content: new Uint8Array(content),
      mapping: null,
      report: null,
      importedAt: null,
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const results: [string, number][] = [];
    for (const [name, content] of [["entries.csv", csv], ["entries.xlsx", xlsx]] as const) {
      const reads: number[] = [];
      const dry: number[] = [];
      let report;
      for (let i = 0; i < RUNS; i++) {
        reads.push(await time(() => readTable(content, name)));
        dry.push(await time(async () => (report = await runImport(db, CLI_ACTOR, upload(name, content), { dryRun: true, mapping }))));
      }
      results.push([`read ${name} (${rows.length} rows)`, median(reads)], [`dry run ${name} (read + check + writes rolled back)`, median(dry)]);
      if (name === "entries.csv") console.log(`Dry run: ${JSON.stringify(report!.counts)}, ${report!.issues.length + report!.moreIssues} issues.`);
    }
    results.push(["import entries.csv (committed)", await time(() => runImport(db, CLI_ACTOR, upload("entries.csv", csv), { dryRun: false, mapping }))]);
    results.push(["dry run again, every entry already there", await time(() => runImport(db, CLI_ACTOR, upload("entries.csv", csv), { dryRun: true, mapping }))]);
    console.log(`\nmedian of ${RUNS} runs (ms); target: dry run of 1,500 rows under 5,000 ms\n`);
    for (const [name, ms] of results) console.log(`${name.padEnd(60)} ${ms.toFixed(0).padStart(7)}`);
    await db.$disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
