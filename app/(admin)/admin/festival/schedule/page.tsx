import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/admin/guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { param, type SearchParams } from "@/lib/admin/search-params";
import { festivalTimeZone } from "@/lib/festival/dates";
import { formatInstant } from "@/lib/festival/dates";
import { checkInput, listAdjudicators, loadSchedule, type ScheduleData } from "@/lib/festival/schedule-data";
import { checkSchedule } from "@/lib/festival/schedule-check";
import { dayKey, formatDay, formatPlanned } from "@/lib/festival/schedule-time";
import { SCHEDULE_PATH } from "@/lib/festival/schedule-action";
import { ActionForm } from "@/components/forms/action-form";
import { FestivalNav } from "../festival-nav";
import { ScheduleGrid } from "./schedule-grid";
import { PlaceForm, SittingForm, VenueForm } from "./schedule-forms";
import {
  createVenueAction,
  deleteSittingAction,
  deleteVenueAction,
  moveClassAction,
  placeClassAction,
  publishProgrammeAction,
  saveSittingAction,
  suggestScheduleAction,
} from "./actions";

export const metadata: Metadata = { title: "Schedule · Admin" };

/** The season in the query string, else the current one, else the newest. */
async function chooseSeason(wanted: string | undefined) {
  const seasons = await prisma.season.findMany({ orderBy: [{ startsOn: "desc" }, { name: "desc" }], select: { id: true, name: true, isCurrent: true } });
  return { seasons, season: seasons.find((s) => s.id === wanted) ?? seasons.find((s) => s.isCurrent) ?? seasons[0] ?? null };
}

function byDay(data: ScheduleData) {
  const days = new Map<string, ScheduleData["sittings"]>();
  for (const s of data.sittings) {
    const key = dayKey(s.startsAt);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  return [...days.entries()];
}

export default async function SchedulePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requireAdmin("festival.read");
  const params = await searchParams;
  const { seasons, season } = await chooseSeason(param(params, "season"));
  if (!season) {
    return (
      <section className="panel wide" aria-labelledby="schedule-title">
        <h1 id="schedule-title">Schedule</h1>
        <FestivalNav />
        <p>There is no season yet.</p>
      </section>
    );
  }
  const [data, adjudicators] = await Promise.all([loadSchedule(prisma, season.id), listAdjudicators(prisma)]);
  if (!data) return null;
  const conflicts = checkSchedule(checkInput(data));
  const conflictCount = [...conflicts.values()].reduce((n, list) => n + list.length, 0);
  const manage = can(me, "festival.manage");
  const timeZone = festivalTimeZone();
  const seasonId = season.id;
  const hidden = { seasonId };
  const venueOptions = data.venues.map((v) => ({ value: v.id, label: v.name }));
  const sittingOptions = data.sittings.map((s) => ({ value: s.id, label: s.name ? `${s.label} (${s.name})` : s.label }));
  const labelOf = new Map(data.sittings.map((s) => [s.id, s.label]));
  const classOptions = data.classes.map((c) => ({
    value: c.id,
    label: `${c.code} ${c.name} (${c.entries.length}, ${formatPlanned(c.plannedSeconds)}) — ${c.sittingId ? labelOf.get(c.sittingId) : "unplaced"}`,
  }));
  const withEntries = data.unplaced.filter((c) => c.entries.length > 0);

  return (
    <section className="panel wide" aria-labelledby="schedule-title">
      <h1 id="schedule-title">Schedule, {season.name}</h1>
      <FestivalNav />
      <form method="get" action={SCHEDULE_PATH} className="filters" aria-label="Choose the season">
        <div className="field">
          <label htmlFor="schedule-season">Season</label>
          <select id="schedule-season" name="season" defaultValue={seasonId}>
            {seasons.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
                {s.isCurrent ? " (current)" : ""}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </form>

      <p>
        {data.sittings.length} sessions, {data.classes.length - data.unplaced.length} classes placed, {withEntries.length} classes with entries unplaced,{" "}
        <strong>
          {conflictCount} {conflictCount === 1 ? "conflict" : "conflicts"}
        </strong>
        . Planned time of a class: its pieces plus, per entry, the class&apos;s adjudication and move time. Times in {timeZone}.
      </p>
      <p>
        {data.season.publishedAt ? (
          <>
            The programme was published {formatInstant(data.season.publishedAt)}: <Link href={`/programme/${seasonId}`}>the public programme</Link>.
          </>
        ) : (
          "The programme is not published: the public pages do not show it."
        )}
      </p>
      {manage && (
        <div className="inline-form">
          <ActionForm action={suggestScheduleAction} hidden={hidden} submitLabel="Suggest a schedule" pendingLabel="Suggesting…" />
          <ActionForm
            action={publishProgrammeAction}
            hidden={{ seasonId, publish: data.season.publishedAt ? "false" : "true" }}
            submitLabel={data.season.publishedAt ? "Withdraw the programme" : "Publish the programme"}
            pendingLabel="Saving…"
          />
        </div>
      )}

      {manage && (
        <>
          <h2 id="place">Place a class</h2>
          <p className="muted">Choose a class and the session it goes in (at its end), or “Not on the schedule” to take it off.</p>
          <PlaceForm action={placeClassAction} seasonId={seasonId} classes={classOptions} sittings={sittingOptions} selectedClass={param(params, "class")} />
        </>
      )}

      {byDay(data).map(([day, sittings]) => (
        <section key={day} aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{formatDay(day)}</h2>
          <ScheduleGrid sittings={sittings} venues={data.venues} conflicted={new Set(conflicts.keys())} />
          {sittings.map((s) => {
            const own = conflicts.get(s.id) ?? [];
            const length = (s.endsAt.getTime() - s.startsAt.getTime()) / 1000;
            return (
              <article key={s.id} id={`sitting-${s.id}`} className="sitting" aria-labelledby={`sitting-title-${s.id}`}>
                <h3 id={`sitting-title-${s.id}`}>
                  {s.label}
                  {s.name ? ` · ${s.name}` : ""}
                </h3>
                <p>
                  Adjudicator: {s.adjudicator?.name ?? "not chosen"}. Planned {formatPlanned(s.plannedSeconds)} of {formatPlanned(length)}.
                  {manage && (
                    <>
                      {" "}
                      <Link href={`${SCHEDULE_PATH}/sittings/${s.id}`}>Edit session</Link>
                    </>
                  )}
                </p>
                {own.length > 0 && (
                  <ul className="conflicts" aria-label={`Conflicts of ${s.label}`}>
                    {own.map((c, i) => (
                      <li key={i} className="field-error">
                        {c.message}
                      </li>
                    ))}
                  </ul>
                )}
                {s.classes.length === 0 ? (
                  <p className="muted">No classes yet.</p>
                ) : (
                  <ol>
                    {s.classes.map((c, i) => (
                      <li key={c.id}>
                        <Link href={`${SCHEDULE_PATH}/classes/${c.id}`}>
                          {c.code} {c.name}
                        </Link>{" "}
                        ({c.entries.length} {c.entries.length === 1 ? "entry" : "entries"}, {formatPlanned(c.plannedSeconds)})
                        {manage && (
                          <>
                            {i > 0 && <ActionForm action={moveClassAction} hidden={{ seasonId, classId: c.id, direction: "up" }} submitLabel={`Move ${c.code} up`} pendingLabel="Moving…" />}
                            {i < s.classes.length - 1 && (
                              <ActionForm action={moveClassAction} hidden={{ seasonId, classId: c.id, direction: "down" }} submitLabel={`Move ${c.code} down`} pendingLabel="Moving…" />
                            )}
                          </>
                        )}
                      </li>
                    ))}
                  </ol>
                )}
                {manage && (
                  <ActionForm action={deleteSittingAction} hidden={{ seasonId, sittingId: s.id }} submitLabel="Delete session" pendingLabel="Deleting…" danger />
                )}
              </article>
            );
          })}
        </section>
      ))}

      <h2>Unplaced classes with entries</h2>
      {withEntries.length === 0 ? (
        <p>Every class with entries is on the schedule.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col">Discipline, level</th>
                <th scope="col">Entries</th>
                <th scope="col">Planned</th>
              </tr>
            </thead>
            <tbody>
              {withEntries.map((c) => (
                <tr key={c.id}>
                  <th scope="row">
                    {manage ? <Link href={`${SCHEDULE_PATH}?season=${seasonId}&class=${c.id}#place`}>{`${c.code} ${c.name}`}</Link> : `${c.code} ${c.name}`}
                  </th>
                  <td>
                    {c.discipline.name}, {c.level.name}
                  </td>
                  <td>{c.entries.length}</td>
                  <td>{formatPlanned(c.plannedSeconds)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>Venues</h2>
      {data.venues.length === 0 ? (
        <p>No venue yet.</p>
      ) : (
        <ul>
          {data.venues.map((v) => (
            <li key={v.id}>
              {v.name} {manage && <ActionForm action={deleteVenueAction} hidden={{ seasonId, venueId: v.id }} submitLabel={`Delete ${v.name}`} pendingLabel="Deleting…" danger />}
            </li>
          ))}
        </ul>
      )}
      {manage && <VenueForm action={createVenueAction} seasonId={seasonId} />}

      {manage && data.venues.length > 0 && (
        <>
          <h2>New session</h2>
          <SittingForm action={saveSittingAction} seasonId={seasonId} initial={{}} venues={venueOptions} adjudicators={adjudicators.map((a) => ({ value: a.id, label: a.name }))} timeZone={timeZone} submitLabel="Create session" />
        </>
      )}
    </section>
  );
}
