import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { param, withParams, type SearchParams } from "@/lib/admin/search-params";
import { REPORTS } from "@/lib/festival/reports/registry";
import { classFilters, queryOf } from "@/lib/festival/reports/params";
import { reportSeason, seasonChoices } from "@/lib/festival/reports/season";
import { ReportTable } from "@/components/report-table";
import { FestivalNav } from "../../festival-nav";
import { Downloads, NoSeason, ReportsNav, SeasonField } from "../report-parts";

export const metadata: Metadata = { title: "Classes report · Admin" };

const PATH = "/admin/festival/reports/classes";

export default async function ClassesReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("festival.read", PATH);
  const params = await searchParams;
  const season = await reportSeason(prisma, param(params, "season"));
  if (!season) {
    if (param(params, "season")) notFound();
    return (
      <section className="panel wide" aria-labelledby="report-title">
        <h1 id="report-title">Classes report</h1>
        <NoSeason />
      </section>
    );
  }
  const filters = classFilters(params);
  const [table, seasons, disciplines, levels, types] = await Promise.all([
    REPORTS.classes.load(prisma, season.id, params),
    seasonChoices(prisma),
    prisma.discipline.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    prisma.level.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    prisma.performanceType.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
  ]);
  const query = { season: season.id, ...queryOf(params, REPORTS.classes.keys) };
  const selects = [
    ["discipline", "Discipline", "Any discipline", disciplines, filters.disciplineId],
    ["level", "Level", "Any level", levels, filters.levelId],
    ["type", "Type", "Any type", types, filters.typeId],
  ] as const;
  return (
    <section className="panel wide" aria-labelledby="report-title">
      <h1 id="report-title">Classes report, {season.name}</h1>
      <FestivalNav />
      <ReportsNav />
      <p className="muted">
        Submitted entries only. Planned time is the pieces&apos; time plus each class&apos;s adjudication and move time per entry.
      </p>
      <form method="get" action={PATH} className="filters" role="search" aria-label="Filter classes">
        <SeasonField seasons={seasons} seasonId={season.id} />
        {selects.map(([name, label, any, options, value]) => (
          <div className="field" key={name}>
            <label htmlFor={`filter-${name}`}>{label}</label>
            <select id={`filter-${name}`} name={name} defaultValue={value ?? ""}>
              <option value="">{any}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="field">
          <label htmlFor="filter-q">Class number or name</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={100} />
        </div>
        <div className="checkbox">
          <input id="filter-empty" name="empty" type="checkbox" value="hide" defaultChecked={filters.hideEmpty} />
          <label htmlFor="filter-empty">Hide classes with no entries</label>
        </div>
        {filters.sort && <input type="hidden" name="sort" value={filters.sort} />}
        {filters.sort && <input type="hidden" name="dir" value={filters.dir} />}
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <Downloads report="classes" query={query} />
      <ReportTable
        table={table}
        caption={`Classes, ${season.name}: ${table.rows.length} ${table.rows.length === 1 ? "class" : "classes"}`}
        sort={filters.sort}
        dir={filters.dir ?? "asc"}
        sortHref={(key, dir) => withParams(PATH, query, { sort: key, dir })}
      />
    </section>
  );
}
