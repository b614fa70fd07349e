import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/admin/guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { listSeasons } from "@/lib/festival/seasons";
import { festivalTimeZone, formatCalendarDate, formatInstant } from "@/lib/festival/dates";
import { ActionForm } from "@/components/forms/action-form";
import { createSeasonAction, setCurrentSeasonAction } from "./actions";
import { SeasonForm } from "./season-form";
import { FestivalNav } from "./festival-nav";

export const metadata: Metadata = { title: "Festival · Admin" };

export default async function FestivalPage() {
  const me = await requireAdmin("festival.read");
  const seasons = await listSeasons(prisma);
  const manage = can(me, "festival.manage");
  return (
    <section className="panel wide" aria-labelledby="festival-title">
      <h1 id="festival-title">Festival seasons</h1>
      <FestivalNav />
      {seasons.length === 0 ? (
        <p>No season yet. {manage ? "Create the first one below: it becomes the current season." : ""}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Seasons, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Season</th>
                <th scope="col">Entries</th>
                <th scope="col">Festival days</th>
                <th scope="col">Classes</th>
                <th scope="col">Entries made</th>
                <th scope="col">Current</th>
              </tr>
            </thead>
            <tbody>
              {seasons.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link href={`/admin/festival/seasons/${s.id}`}>{s.name}</Link>
                  </th>
                  <td>
                    {formatInstant(s.entriesOpenAt)} – {formatInstant(s.entriesCloseAt)}
                  </td>
                  <td>
                    {formatCalendarDate(s.startsOn)} – {formatCalendarDate(s.endsOn)}
                  </td>
                  <td>
                    <Link href={`/admin/festival/classes?season=${s.id}`}>{s._count.classes}</Link>
                  </td>
                  <td>{s._count.entries}</td>
                  <td>
                    {s.isCurrent ? (
                      <strong>Current</strong>
                    ) : manage ? (
                      <ActionForm action={setCurrentSeasonAction} hidden={{ seasonId: s.id }} submitLabel={`Make ${s.name} current`} pendingLabel="Changing…" />
                    ) : (
                      "—"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage && (
        <>
          <h2>New season</h2>
          <SeasonForm action={createSeasonAction} initial={{}} timeZone={festivalTimeZone()} submitLabel="Create season" />
        </>
      )}
    </section>
  );
}
