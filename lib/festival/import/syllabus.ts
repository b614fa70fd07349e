import "server-only";
import { markChanged } from "@/lib/cache/versions";
import { classFormSchema, type ClassInput } from "@/lib/validation/festival";
import { classCode, normaliseName, parseClassCode } from "../names";
import type { Tx } from "../organizer";
import { cell, findColumn, headerOf } from "./columns";
import { emptyCounts, IssueList, type ImportCounts } from "./report";
import type { Table } from "./table";

// The syllabus import: one class per row, created or updated on (number, suffix) in the season. Each
// row goes through the class form's own schema (lib/validation/festival.ts), so a file and the form
// accept exactly the same classes; discipline, level and type are matched by name. Classes of the season
// that the file does not list are left alone (a syllabus is often imported a discipline at a time).

const COLUMNS = {
  number: ["number", "class number", "class", "class no", "no", "code", "class code"],
  suffix: ["suffix"],
  name: ["name", "class name", "title"],
  discipline: ["discipline"],
  level: ["level"],
  type: ["type", "performance type"],
  fee: ["fee", "entry fee", "fee cad"],
  maxTime: ["max time", "maximum time", "time limit", "max performance time", "maximum performance time", "max minutes"],
  minAge: ["min age", "minimum age"],
  maxAge: ["max age", "maximum age"],
  adjudicationTime: ["adjudication time", "adjudication"],
  moveTime: ["move time", "move"],
  testPieces: ["test pieces", "test piece"],
  description: ["description", "notes"],
} as const;

type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ["number", "name", "discipline", "level", "type", "fee"];

// The class form's fields, and the file's column each comes from.
const FIELD_COLUMN: Record<string, Column> = {
  number: "number",
  suffix: "suffix",
  name: "name",
  disciplineId: "discipline",
  levelId: "level",
  performanceTypeId: "type",
  fee: "fee",
  minAge: "minAge",
  maxAge: "maxAge",
  maxPerformanceTime: "maxTime",
  adjudicationTime: "adjudicationTime",
  moveTime: "moveTime",
  testPieces: "testPieces",
  description: "description",
};

const COMPARED = [
  "name",
  "disciplineId",
  "levelId",
  "performanceTypeId",
  "feeCents",
  "minAge",
  "maxAge",
  "maxPerformanceSeconds",
  "adjudicationSeconds",
  "moveSeconds",
  "testPieces",
  "description",
] as const satisfies readonly (keyof ClassInput)[];

export interface SyllabusResult {
  counts: ImportCounts;
  issues: IssueList;
}

/** Checks every row and writes the classes through `tx` (the caller commits or rolls back). */
export async function importSyllabus(tx: Tx, seasonId: string, table: Table): Promise<SyllabusResult> {
  const issues = new IssueList();
  const counts = emptyCounts();
  const index = Object.fromEntries(Object.entries(COLUMNS).map(([k, names]) => [k, findColumn(table.headers, names)])) as Record<Column, number>;
  const missing = REQUIRED.filter((c) => index[c] < 0);
  if (missing.length) {
    issues.add(1, null, "error", `The file has no column for: ${missing.join(", ")}. The header row needs: number, suffix, name, discipline, level, type, fee, max time (optional: min age, max age, adjudication time, move time, test pieces, description).`);
    counts.skipped = table.rows.length;
    return { counts, issues };
  }

  const [disciplines, levels, types, existing] = await Promise.all([
    tx.discipline.findMany({ select: { id: true, name: true } }),
    tx.level.findMany({ select: { id: true, name: true } }),
    tx.performanceType.findMany({ select: { id: true, name: true } }),
    tx.festivalClass.findMany({ where: { seasonId } }),
  ]);
  const byName = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [normaliseName(r.name), r.id]));
  const lookups = { discipline: byName(disciplines), level: byName(levels), type: byName(types) };
  const current = new Map(existing.map((c) => [classCode(c), c]));
  const seen = new Map<string, number>();
  const creates: (ClassInput & { seasonId: string })[] = [];

  for (const row of table.rows) {
    const text = (c: Column) => cell(row, index[c]);
    const values: Record<string, string> = {};
    for (const [field, column] of Object.entries(FIELD_COLUMN)) values[field] = text(column);
    // "2101A" in the number column and no suffix column: the code is split here.
    const code = index.suffix < 0 || !values.suffix ? parseClassCode(values.number) : null;
    if (code) Object.assign(values, code);
    let bad = false;
    for (const [field, kind] of [["disciplineId", "discipline"], ["levelId", "level"], ["performanceTypeId", "type"]] as const) {
      const name = text(kind);
      const id = lookups[kind].get(normaliseName(name));
      if (!id) {
        issues.add(row.line, headerOf(table, index[kind]), "error", name ? `There is no ${kind === "type" ? "performance type" : kind} named "${name}".` : `Enter the ${kind === "type" ? "performance type" : kind}.`);
        bad = true;
      }
      values[field] = id ?? "";
    }
    const parsed = classFormSchema.safeParse(values);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (["disciplineId", "levelId", "performanceTypeId"].includes(field)) continue; // said above
        issues.add(row.line, headerOf(table, index[FIELD_COLUMN[field] ?? "number"]), "error", issue.message);
      }
      bad = true;
    }
    if (bad || !parsed.success) {
      counts.skipped++;
      continue;
    }
    const input = parsed.data;
    const key = classCode(input);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.add(row.line, headerOf(table, index.number), "error", `Class ${key} is also on row ${earlier}: this row is skipped.`);
      counts.skipped++;
      continue;
    }
    seen.set(key, row.line);
    const before = current.get(key);
    if (!before) {
      creates.push({ ...input, seasonId });
      counts.created++;
    } else if (COMPARED.some((f) => before[f] !== input[f])) {
      await tx.festivalClass.update({ where: { id: before.id }, data: input });
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  if (creates.length) await tx.festivalClass.createMany({ data: creates });
  // In the import's transaction: the public syllabus shows the import on its next request (a dry run
  // rolls this back with the rest).
  if (creates.length || counts.updated) await markChanged(tx, "syllabus");
  return { counts, issues };
}
