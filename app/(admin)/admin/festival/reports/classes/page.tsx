import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { param, type SearchParams } from "@/lib/admin/search-params";
import { REPORTS } from "@/lib/festival/reports/registry";
import { classFilters, queryOf } from "@/lib/festival/reports/params";
import { reportSeason, seasonChoices } from "@/lib/festival/reports/season";
import { NoSeasonFrame, ReportFrame, SelectFilter } from "../report-parts";

export const metadata: Metadata = { title: "Classes report · Admin" };

const TITLE = "Classes report";
const byOrder = { orderBy: [{ sortOrder: "asc" as const }, { name: "asc" as const }], select: { id: true, name: true } };

export default async function ClassesReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("festival.read");
  const params = await searchParams;
  const season = await reportSeason(prisma, param(params, "season"));
  if (!season) return param(params, "season") ? notFound() : <NoSeasonFrame title={TITLE} />;
  const filters = classFilters(params);
  const [table, seasons, disciplines, levels, types] = await Promise.all([
    REPORTS.classes.load(prisma, season.id, params),
    seasonChoices(prisma),
    prisma.discipline.findMany(byOrder),
    prisma.level.findMany(byOrder),
    prisma.performanceType.findMany(byOrder),
  ]);
  return (
    <ReportFrame
      name="classes"
      title={TITLE}
      season={season}
      seasons={seasons}
      table={table}
      query={queryOf(params, REPORTS.classes.keys)}
      sort={filters.sort}
      dir={filters.dir ?? "asc"}
      note="Submitted entries only. Planned time is the pieces' time plus each class's adjudication and move time per entry."
    >
      <SelectFilter name="discipline" label="Discipline" any="Any discipline" options={disciplines} value={filters.disciplineId} />
      <SelectFilter name="level" label="Level" any="Any level" options={levels} value={filters.levelId} />
      <SelectFilter name="type" label="Type" any="Any type" options={types} value={filters.typeId} />
      <div className="field">
        <label htmlFor="filter-q">Class number or name</label>
        <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} />
      </div>
      <div className="checkbox">
        <input id="filter-empty" name="empty" type="checkbox" value="hide" defaultChecked={filters.hideEmpty} />
        <label htmlFor="filter-empty">Hide classes with no entries</label>
      </div>
    </ReportFrame>
  );
}
