import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { getSeason } from "@/lib/festival/seasons";
import { festivalTimeZone, formatCalendarDate, formatInstant, toDateInput, toLocalDateTimeInput } from "@/lib/festival/dates";
import { updateSeasonAction } from "../../actions";
import { SeasonForm } from "../../season-form";
import { FestivalNav } from "../../festival-nav";

export const metadata: Metadata = { title: "Season · Admin" };

export default async function SeasonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await requireAdmin("festival.read");
  const season = await getSeason(prisma, id);
  if (!season) notFound();
  const rows: [string, string][] = [
    ["Entries open", formatInstant(season.entriesOpenAt)],
    ["Entries close", formatInstant(season.entriesCloseAt)],
    ["Festival days", `${formatCalendarDate(season.startsOn)} – ${formatCalendarDate(season.endsOn)}`],
    ["Age cut-off date", formatCalendarDate(season.ageCutoffOn)],
  ];
  return (
    <section className="panel" aria-labelledby="season-title">
      <FestivalNav />
      <h1 id="season-title">
        Season {season.name}
        {season.isCurrent && " (current)"}
      </h1>
      <p>
        <Link href={`/admin/festival/classes?season=${season.id}`}>Its classes</Link>
      </p>
      {can(me, "festival.manage") ? (
        <SeasonForm
          action={updateSeasonAction}
          seasonId={season.id}
          isCurrent={season.isCurrent}
          timeZone={festivalTimeZone()}
          initial={{
            name: season.name,
            entriesOpenAt: toLocalDateTimeInput(season.entriesOpenAt),
            entriesCloseAt: toLocalDateTimeInput(season.entriesCloseAt),
            startsOn: toDateInput(season.startsOn),
            endsOn: toDateInput(season.endsOn),
            ageCutoffOn: toDateInput(season.ageCutoffOn),
          }}
          submitLabel="Save season"
        />
      ) : (
        <dl className="details">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
