import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { classCode } from "./names";
import { classPlannedSeconds } from "./planned-time";
import type { CheckPerson, CheckSitting } from "./schedule-check";
import { sittingLabel } from "./schedule-time";

// A season's whole schedule as plain data, in eight queries (season, venues, sittings, classes, entries,
// their performers and piece durations, then the people's names): what the organizers' page shows,
// what the conflict check and the suggestion work on, and what the bench measures. Only performing
// (submitted) entries are loaded.

export const ADJUDICATOR_ROLE_KEY = "adjudicator";

export interface ScheduleEntry {
  id: string;
  performers: { id: string; name: string }[];
  accompanist: { id: string; name: string } | null;
  pieceSeconds: number;
}

export interface ScheduleClass {
  id: string;
  code: string;
  name: string;
  discipline: { name: string; sortOrder: number };
  level: { name: string; sortOrder: number };
  sittingId: string | null;
  position: number;
  entries: ScheduleEntry[];
  plannedSeconds: number;
}

export interface ScheduleSitting {
  id: string;
  venueId: string;
  venueName: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
  adjudicator: { id: string; name: string } | null;
  /** In their order in the sitting. */
  classes: ScheduleClass[];
  plannedSeconds: number;
  label: string;
}

export interface ScheduleData {
  season: { id: string; name: string; startsOn: Date; endsOn: Date; publishedAt: Date | null };
  venues: { id: string; name: string }[];
  sittings: ScheduleSitting[];
  /** Classes not in any sitting, by number. */
  unplaced: ScheduleClass[];
  classes: ScheduleClass[];
}

const byOrderInClass = (a: { orderInClass: number | null; createdAt: Date; id: string }, b: typeof a) =>
  (a.orderInClass ?? Number.MAX_SAFE_INTEGER) - (b.orderInClass ?? Number.MAX_SAFE_INTEGER) ||
  a.createdAt.getTime() - b.createdAt.getTime() ||
  a.id.localeCompare(b.id);

/** The season's schedule, or null when there is no such season. */
export async function loadSchedule(db: PrismaClient, seasonId: string): Promise<ScheduleData | null> {
  const performing = { seasonId, status: "submitted" };
  const [season, venues, sittings, classes, entries, performerRows, pieceSums] = await Promise.all([
    db.season.findUnique({ where: { id: seasonId }, select: { id: true, name: true, startsOn: true, endsOn: true, schedule: { select: { programmePublishedAt: true } } } }),
    db.venue.findMany({ where: { seasonId }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
    db.sitting.findMany({
      where: { seasonId },
      orderBy: [{ startsAt: "asc" }, { venue: { sortOrder: "asc" } }, { venue: { name: "asc" } }],
      select: { id: true, venueId: true, name: true, startsAt: true, endsAt: true, venue: { select: { name: true } }, adjudicator: { select: { id: true, name: true, email: true } } },
    }),
    db.festivalClass.findMany({
      where: { seasonId },
      orderBy: [{ number: "asc" }, { suffix: "asc" }],
      select: {
        id: true,
        number: true,
        suffix: true,
        name: true,
        adjudicationSeconds: true,
        moveSeconds: true,
        discipline: { select: { name: true, sortOrder: true } },
        level: { select: { name: true, sortOrder: true } },
        placement: { select: { sittingId: true, position: true } },
      },
    }),
    // Flat rows joined here: Prisma's nested selects of the same data took three times as long.
    db.entry.findMany({ where: performing, select: { id: true, classId: true, orderInClass: true, createdAt: true, accompanistId: true } }),
    db.entryPerformer.findMany({ where: { entry: performing }, select: { entryId: true, profileId: true, position: true } }),
    db.entryPiece.groupBy({ by: ["entryId"], where: { entry: performing }, _sum: { durationSeconds: true } }),
  ]);
  if (!season) return null;

  const profileIds = new Set(performerRows.map((p) => p.profileId));
  for (const e of entries) if (e.accompanistId) profileIds.add(e.accompanistId);
  const names = new Map((await db.profile.findMany({ where: { id: { in: [...profileIds] } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
  const person = (id: string) => ({ id, name: names.get(id) ?? "" });
  const performersOf = new Map<string, { id: string; name: string; position: number }[]>();
  for (const p of performerRows) {
    const list = performersOf.get(p.entryId) ?? [];
    performersOf.set(p.entryId, list);
    list.push({ ...person(p.profileId), position: p.position });
  }
  const secondsOf = new Map(pieceSums.map((p) => [p.entryId, p._sum.durationSeconds ?? 0]));
  const entriesByClass = new Map<string, typeof entries>();
  for (const e of entries) {
    const list = entriesByClass.get(e.classId);
    if (list) list.push(e);
    else entriesByClass.set(e.classId, [e]);
  }
  const scheduleClasses: ScheduleClass[] = classes.map((c) => {
    const own = (entriesByClass.get(c.id) ?? []).sort(byOrderInClass).map((e) => ({
      id: e.id,
      performers: (performersOf.get(e.id) ?? []).sort((a, b) => a.position - b.position).map(({ id, name }) => ({ id, name })),
      accompanist: e.accompanistId ? person(e.accompanistId) : null,
      pieceSeconds: secondsOf.get(e.id) ?? 0,
    }));
    return {
      id: c.id,
      code: classCode(c),
      name: c.name,
      discipline: c.discipline,
      level: c.level,
      sittingId: c.placement?.sittingId ?? null,
      position: c.placement?.position ?? 0,
      entries: own,
      plannedSeconds: classPlannedSeconds({
        pieceSeconds: own.reduce((sum, e) => sum + e.pieceSeconds, 0),
        entries: own.length,
        adjudicationSeconds: c.adjudicationSeconds,
        moveSeconds: c.moveSeconds,
      }),
    };
  });
  const placed = new Map<string, ScheduleClass[]>();
  for (const c of scheduleClasses) {
    if (!c.sittingId) continue;
    const list = placed.get(c.sittingId);
    if (list) list.push(c);
    else placed.set(c.sittingId, [c]);
  }
  return {
    season: { id: season.id, name: season.name, startsOn: season.startsOn, endsOn: season.endsOn, publishedAt: season.schedule?.programmePublishedAt ?? null },
    venues,
    sittings: sittings.map((s) => {
      const own = (placed.get(s.id) ?? []).sort((a, b) => a.position - b.position || a.code.localeCompare(b.code));
      return {
        id: s.id,
        venueId: s.venueId,
        venueName: s.venue.name,
        name: s.name,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        adjudicator: s.adjudicator && { id: s.adjudicator.id, name: s.adjudicator.name || s.adjudicator.email },
        classes: own,
        plannedSeconds: own.reduce((sum, c) => sum + c.plannedSeconds, 0),
        label: sittingLabel(s.venue.name, s.startsAt, s.endsAt),
      };
    }),
    unplaced: scheduleClasses.filter((c) => !c.sittingId),
    classes: scheduleClasses,
  };
}

/** The conflict check's view of the schedule. */
export function checkInput(data: ScheduleData): CheckSitting[] {
  return data.sittings.map((s) => {
    const people: CheckPerson[] = [];
    for (const c of s.classes) {
      for (const e of c.entries) {
        for (const p of e.performers) people.push({ profileId: p.id, name: p.name, role: "performer" });
        if (e.accompanist) people.push({ profileId: e.accompanist.id, name: e.accompanist.name, role: "accompanist" });
      }
    }
    return { id: s.id, label: s.label, startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime(), plannedSeconds: s.plannedSeconds, adjudicator: s.adjudicator, people };
  });
}

/** Users who may adjudicate: active, holding the built-in adjudicator role. */
export async function listAdjudicators(db: PrismaClient) {
  const users = await db.user.findMany({
    where: { active: true, roles: { some: { role: { key: ADJUDICATOR_ROLE_KEY } } } },
    orderBy: [{ name: "asc" }, { email: "asc" }],
    select: { id: true, name: true, email: true },
  });
  return users.map((u) => ({ id: u.id, name: u.name || u.email }));
}
