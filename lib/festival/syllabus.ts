import "server-only";
import { unstable_cache } from "next/cache";
import { prisma } from "@/lib/db";
import { classCode } from "./names";
import type { SyllabusClass } from "./syllabus-filter";

// The public syllabus (/syllabus, /syllabus/[code]): the current season's classes and the lookups, read
// as one plain object and kept in Next's data cache. Organizer actions in this app expire it at once
// (updateTag(SYLLABUS_TAG)); a change made elsewhere (the CLI, an import, another process) is seen within
// SYLLABUS_MAX_AGE_SECONDS: the cache refreshes after half of it, and an entry older than all of it is
// never served (stale-while-revalidate alone would serve a day-old entry to the first visitor of the day).
// See docs/decisions/syllabus-caching.md.

export const SYLLABUS_TAG = "syllabus";
export const SYLLABUS_MAX_AGE_SECONDS = 60;

export interface Syllabus {
  season: { name: string; startsOn: string; endsOn: string; ageCutoffOn: string; entriesOpenAt: string; entriesCloseAt: string } | null;
  disciplines: string[];
  levels: string[];
  performanceTypes: string[];
  classes: SyllabusClass[];
  /** When this copy was read from the database (ms since the epoch). */
  loadedAt: number;
}

async function loadSyllabus(): Promise<Syllabus> {
  const name = { select: { name: true } };
  const [season, disciplines, levels, performanceTypes] = await Promise.all([
    prisma.season.findFirst({
      where: { isCurrent: true },
      include: {
        classes: {
          orderBy: [{ number: "asc" }, { suffix: "asc" }],
          include: { discipline: name, level: name, performanceType: name },
        },
      },
    }),
    prisma.discipline.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { name: true } }),
    prisma.level.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { name: true } }),
    prisma.performanceType.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { name: true } }),
  ]);
  // Plain strings and numbers only: the data cache stores JSON.
  return {
    season: season && {
      name: season.name,
      startsOn: season.startsOn.toISOString(),
      endsOn: season.endsOn.toISOString(),
      ageCutoffOn: season.ageCutoffOn.toISOString(),
      entriesOpenAt: season.entriesOpenAt.toISOString(),
      entriesCloseAt: season.entriesCloseAt.toISOString(),
    },
    disciplines: disciplines.map((d) => d.name),
    levels: levels.map((l) => l.name),
    performanceTypes: performanceTypes.map((t) => t.name),
    classes: (season?.classes ?? []).map((c) => ({
      id: c.id,
      code: classCode(c),
      number: c.number,
      suffix: c.suffix,
      name: c.name,
      discipline: c.discipline.name,
      level: c.level.name,
      performanceType: c.performanceType.name,
      feeCents: c.feeCents,
      minAge: c.minAge,
      maxAge: c.maxAge,
      maxPerformanceSeconds: c.maxPerformanceSeconds,
      testPieces: c.testPieces,
      description: c.description,
    })),
    loadedAt: Date.now(),
  };
}

const cachedSyllabus = unstable_cache(loadSyllabus, ["syllabus-v1"], { tags: [SYLLABUS_TAG], revalidate: SYLLABUS_MAX_AGE_SECONDS / 2 });

/** The current season's syllabus, at most SYLLABUS_MAX_AGE_SECONDS old. */
export async function getSyllabus(): Promise<Syllabus> {
  const cached = await cachedSyllabus();
  // Older than the promise (no visitor for a while): the cache is refreshing in the background; read now.
  if (Date.now() - cached.loadedAt > SYLLABUS_MAX_AGE_SECONDS * 1000) return loadSyllabus();
  return cached;
}
