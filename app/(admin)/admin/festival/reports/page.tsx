import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { param, type SearchParams } from "@/lib/admin/search-params";
import { reportSeason } from "@/lib/festival/reports/season";
import { entriesPerDay, entriesPerDiscipline } from "@/lib/festival/reports/charts";
import { BarChart } from "@/components/bar-chart";
import { FestivalNav } from "../festival-nav";
import { NoSeason } from "./report-parts";

export const metadata: Metadata = { title: "Reports · Admin" };

const PATH = "/admin/festival/reports";

export default async function ReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("festival.read");
  const params = await searchParams;
  const season = await reportSeason(prisma, param(params, "season"));
  if (!season && param(params, "season")) notFound();
  const [perDay, perDiscipline] = season ? await Promise.all([entriesPerDay(prisma, season.id), entriesPerDiscipline(prisma, season.id)]) : [[], []];
  return (
    <section className="panel wide" aria-labelledby="reports-title">
      <h1 id="reports-title">Reports{season ? `, ${season.name}` : ""}</h1>
      <FestivalNav />
      <ul>
        <li>
          <Link href={`${PATH}/classes`}>Classes</Link>: entries, performance time and fees per class
        </li>
        <li>
          <Link href={`${PATH}/fees`}>Fees</Link>: due, paid and outstanding per payer
        </li>
        <li>
          <Link href={`${PATH}/people`}>People</Link>: each teacher&apos;s, accompanist&apos;s, performer&apos;s and school&apos;s entries
        </li>
      </ul>
      {!season ? (
        <NoSeason />
      ) : (
        <>
          <h2>Entries received per day</h2>
          {perDay.length ? <BarChart id="per-day" title="Entries received per day" points={perDay} labelHeader="Day" valueHeader="Entries" /> : <p>No entries yet.</p>}
          <h2>Entries per discipline</h2>
          {perDiscipline.length ? (
            <BarChart id="per-discipline" title="Submitted entries per discipline" points={perDiscipline} labelHeader="Discipline" valueHeader="Entries" />
          ) : (
            <p>No classes yet.</p>
          )}
        </>
      )}
    </section>
  );
}
