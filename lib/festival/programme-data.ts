import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { loadSchedule } from "./schedule-data";
import { clockTime, dayKey } from "./schedule-time";

// The public programme of a season, built from its schedule once organizers publish it: per festival
// day, the sittings in time order, their classes in order, each entry's performers' names in order.
// Names only: no birth dates, contacts, accompanists' details, fees or ids of people. Plain JSON (it is
// kept in Next's data cache, lib/festival/programme.ts).

export interface ProgrammeSitting {
  venue: string;
  name: string;
  start: string;
  end: string;
  classes: { code: string; name: string; performers: string[][] }[];
}

export interface Programme {
  season: { id: string; name: string };
  days: { day: string; sittings: ProgrammeSitting[] }[];
}

/** The season's published programme; null when there is no such season or it is not published. */
export async function loadProgramme(db: PrismaClient, seasonId: string): Promise<Programme | null> {
  const data = await loadSchedule(db, seasonId);
  if (!data?.season.publishedAt) return null;
  const days = new Map<string, ProgrammeSitting[]>();
  for (const s of data.sittings) {
    const key = dayKey(s.startsAt);
    const list = days.get(key) ?? [];
    days.set(key, list);
    list.push({
      venue: s.venueName,
      name: s.name,
      start: clockTime(s.startsAt),
      end: clockTime(s.endsAt),
      classes: s.classes.map((c) => ({ code: c.code, name: c.name, performers: c.entries.map((e) => e.performers.map((p) => p.name)) })),
    });
  }
  return {
    season: { id: data.season.id, name: data.season.name },
    days: [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, sittings]) => ({ day, sittings })),
  };
}

/** Seasons whose programme is published, newest first. */
export async function listPublishedProgrammes(db: PrismaClient) {
  const rows = await db.scheduleSettings.findMany({
    where: { programmePublishedAt: { not: null } },
    select: { season: { select: { id: true, name: true, startsOn: true } } },
  });
  return rows.map((r) => r.season).sort((a, b) => b.startsOn.getTime() - a.startsOn.getTime());
}
