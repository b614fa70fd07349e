import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { param, type SearchParams } from "@/lib/admin/search-params";
import { REPORTS } from "@/lib/festival/reports/registry";
import { peopleFilters, queryOf } from "@/lib/festival/reports/params";
import { PEOPLE_ROLES, ROLE_LABELS } from "@/lib/festival/reports/people-roles";
import { reportSeason, seasonChoices } from "@/lib/festival/reports/season";
import { NoSeasonFrame, ReportFrame, SelectFilter } from "../report-parts";

export const metadata: Metadata = { title: "People report · Admin" };

const TITLE = "People report";
const ROLE_OPTIONS = PEOPLE_ROLES.map((id) => ({ id, name: `${ROLE_LABELS[id]}s` }));

export default async function PeopleReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("festival.read");
  const params = await searchParams;
  const season = await reportSeason(prisma, param(params, "season"));
  if (!season) return param(params, "season") ? notFound() : <NoSeasonFrame title={TITLE} />;
  const filters = peopleFilters(params);
  const [table, seasons] = await Promise.all([REPORTS.people.load(prisma, season.id, params), seasonChoices(prisma)]);
  return (
    <ReportFrame
      name="people"
      title={TITLE}
      season={season}
      seasons={seasons}
      table={table}
      query={{ ...queryOf(params, REPORTS.people.keys), role: filters.role }}
      sort={filters.sort}
      dir={filters.dir ?? "asc"}
      note="Each person's submitted entries and classes, one row per entry. Filter by a name to get one teacher's list to mail them."
    >
      <SelectFilter name="role" label="List by" options={ROLE_OPTIONS} value={filters.role} />
      <div className="field">
        <label htmlFor="filter-name">Name starts with</label>
        <input id="filter-name" name="name" type="search" defaultValue={filters.name ?? ""} maxLength={100} />
      </div>
    </ReportFrame>
  );
}
