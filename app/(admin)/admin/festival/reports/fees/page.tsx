import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { param, type SearchParams } from "@/lib/admin/search-params";
import { REPORTS } from "@/lib/festival/reports/registry";
import { feeFilters, queryOf } from "@/lib/festival/reports/params";
import { reportSeason, seasonChoices } from "@/lib/festival/reports/season";
import { NoSeasonFrame, ReportFrame } from "../report-parts";

export const metadata: Metadata = { title: "Fees report · Admin" };

const TITLE = "Fees report";

export default async function FeesReportPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("festival.read");
  const params = await searchParams;
  const season = await reportSeason(prisma, param(params, "season"));
  if (!season) return param(params, "season") ? notFound() : <NoSeasonFrame title={TITLE} />;
  const filters = feeFilters(params);
  const [table, seasons] = await Promise.all([REPORTS.fees.load(prisma, season.id, params), seasonChoices(prisma)]);
  return (
    <ReportFrame
      name="fees"
      title={TITLE}
      season={season}
      seasons={seasons}
      table={table}
      query={queryOf(params, REPORTS.fees.keys)}
      sort={filters.sort}
      dir={filters.dir ?? "asc"}
      note="Per payer: the account responsible for the entries, or an imported entry's submitter. Submitted entries only."
    >
      <div className="checkbox">
        <input id="filter-owing" name="owing" type="checkbox" value="1" defaultChecked={filters.owing} />
        <label htmlFor="filter-owing">Only payers who still owe</label>
      </div>
    </ReportFrame>
  );
}
