import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { classCode } from "../names";
import { classPlannedSeconds } from "../planned-time";
import { matchesSearch } from "../syllabus-filter";
import { reportTable, sortRows, type Column, type ReportTable, type SortDirection } from "./columns";

// The classes report (festival.read): per class of a season, its submitted entries, the pieces' total
// time, the planned time (lib/festival/planned-time.ts, the schedule's own formula), fees due and paid.
// Drafts and withdrawn entries count nowhere: a draft is not an entry yet, a withdrawn one will not
// play. The database makes the sums (one statement); the season's few hundred classes are then
// filtered and sorted here.

export const COUNTED_STATUS = "submitted";

export interface ClassReportFilters {
  disciplineId?: string;
  levelId?: string;
  typeId?: string;
  /** A class number prefix ("21", "2101A") or words of the name. */
  q?: string;
  hideEmpty?: boolean;
  sort?: string;
  dir?: SortDirection;
}

export interface ClassReportRow {
  id: string;
  code: string;
  name: string;
  discipline: string;
  level: string;
  type: string;
  entries: number;
  pieceSeconds: number;
  plannedSeconds: number;
  dueCents: number;
  paidCents: number;
}

export type ClassReportTotals = Pick<ClassReportRow, "entries" | "pieceSeconds" | "plannedSeconds" | "dueCents" | "paidCents">;

export const CLASS_COLUMNS: readonly Column<ClassReportRow>[] = [
  { key: "class", header: "Class", kind: "text", value: (r) => r.code, sortable: true },
  { key: "name", header: "Name", kind: "text", value: (r) => r.name, sortable: true },
  { key: "discipline", header: "Discipline", kind: "text", value: (r) => r.discipline, sortable: true },
  { key: "level", header: "Level", kind: "text", value: (r) => r.level, sortable: true },
  { key: "type", header: "Type", kind: "text", value: (r) => r.type, sortable: true },
  { key: "entries", header: "Entries", kind: "count", value: (r) => r.entries, sortable: true },
  { key: "pieces", header: "Pieces time", kind: "seconds", value: (r) => r.pieceSeconds, sortable: true },
  { key: "planned", header: "Planned time", kind: "seconds", value: (r) => r.plannedSeconds, sortable: true },
  { key: "due", header: "Fees due", kind: "cents", value: (r) => r.dueCents, sortable: true },
  { key: "paid", header: "Paid", kind: "cents", value: (r) => r.paidCents, sortable: true },
  { key: "outstanding", header: "Outstanding", kind: "cents", value: (r) => r.dueCents - r.paidCents, sortable: true },
];

interface ClassSums {
  id: string;
  number: string;
  suffix: string;
  name: string;
  disciplineId: string;
  levelId: string;
  typeId: string;
  adjudicationSeconds: number;
  moveSeconds: number;
  discipline: string;
  level: string;
  type: string;
  entries: number | bigint;
  due: number | bigint;
  paid: number | bigint;
  seconds: number | bigint;
}

/**
 * Every class of the season with its sums, in one statement. Raw SQL because the measurement asked:
 * with the demo season (287 classes, 1,500 entries) the same through Prisma (the classes with their
 * lookups, a groupBy of entries per class, a groupBy of pieces per entry and the entries' classes) took
 * 78 ms p50 on the development machine, this 34 ms (same machine and load; scripts/bench/reports.ts). Standard SQL
 * (quoted identifiers, LEFT JOINs on grouped subqueries), so it runs on SQLite and PostgreSQL alike.
 */
async function classSums(db: PrismaClient, seasonId: string): Promise<ClassSums[]> {
  return db.$queryRaw<ClassSums[]>`
    SELECT c."id", c."number", c."suffix", c."name", c."disciplineId", c."levelId", c."performanceTypeId" AS "typeId",
           c."adjudicationSeconds", c."moveSeconds", d."name" AS "discipline", l."name" AS "level", t."name" AS "type",
           COALESCE(e."entries", 0) AS "entries", COALESCE(e."due", 0) AS "due", COALESCE(e."paid", 0) AS "paid",
           COALESCE(p."seconds", 0) AS "seconds"
    FROM "FestivalClass" c
    JOIN "Discipline" d ON d."id" = c."disciplineId"
    JOIN "Level" l ON l."id" = c."levelId"
    JOIN "PerformanceType" t ON t."id" = c."performanceTypeId"
    LEFT JOIN (
      SELECT "classId", COUNT(*) AS "entries", SUM("feeCents") AS "due", SUM("paidCents") AS "paid"
      FROM "Entry" WHERE "seasonId" = ${seasonId} AND "status" = ${COUNTED_STATUS} GROUP BY "classId"
    ) e ON e."classId" = c."id"
    LEFT JOIN (
      SELECT pe."classId", SUM(ep."durationSeconds") AS "seconds"
      FROM "EntryPiece" ep JOIN "Entry" pe ON pe."id" = ep."entryId"
      WHERE pe."seasonId" = ${seasonId} AND pe."status" = ${COUNTED_STATUS} GROUP BY pe."classId"
    ) p ON p."classId" = c."id"
    WHERE c."seasonId" = ${seasonId}
    ORDER BY c."number", c."suffix"`;
}

/** The report's rows (filtered, sorted) and their totals, for a season that exists. */
export async function classReportRows(db: PrismaClient, seasonId: string, f: ClassReportFilters): Promise<{ rows: ClassReportRow[]; totals: ClassReportTotals }> {
  // A season has a few hundred classes: filtering them here costs microseconds and keeps the SQL static.
  const q = f.q?.trim();
  let rows: ClassReportRow[] = (await classSums(db, seasonId))
    .filter(
      (c) =>
        (!f.disciplineId || c.disciplineId === f.disciplineId) &&
        (!f.levelId || c.levelId === f.levelId) &&
        (!f.typeId || c.typeId === f.typeId) &&
        (!q || matchesSearch({ code: classCode(c), name: c.name }, q)),
    )
    .map((c) => {
      const entries = Number(c.entries);
      const pieceSeconds = Number(c.seconds);
      return {
        id: c.id,
        code: classCode(c),
        name: c.name,
        discipline: c.discipline,
        level: c.level,
        type: c.type,
        entries,
        pieceSeconds,
        plannedSeconds: classPlannedSeconds({ pieceSeconds, entries, adjudicationSeconds: c.adjudicationSeconds, moveSeconds: c.moveSeconds }),
        dueCents: Number(c.due),
        paidCents: Number(c.paid),
      };
    });
  if (f.hideEmpty) rows = rows.filter((r) => r.entries > 0);
  rows = sortRows(rows, CLASS_COLUMNS, f.sort, f.dir ?? "asc");
  const totals: ClassReportTotals = { entries: 0, pieceSeconds: 0, plannedSeconds: 0, dueCents: 0, paidCents: 0 };
  for (const r of rows) for (const k of Object.keys(totals) as (keyof ClassReportTotals)[]) totals[k] += r[k];
  return { rows, totals };
}

export async function classReport(db: PrismaClient, seasonId: string, f: ClassReportFilters): Promise<ReportTable> {
  const { rows, totals } = await classReportRows(db, seasonId, f);
  return reportTable("Classes", CLASS_COLUMNS, rows, {
    entries: totals.entries,
    pieces: totals.pieceSeconds,
    planned: totals.plannedSeconds,
    due: totals.dueCents,
    paid: totals.paidCents,
    outstanding: totals.dueCents - totals.paidCents,
  });
}
