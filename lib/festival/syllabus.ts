import "server-only";
import { unstable_cache } from "next/cache";
import { prisma } from "@/lib/db";
import { classCode } from "./names";
import { cacheVersion } from "@/lib/cache/versions";
import type { SyllabusClass } from "./syllabus-filter";

// The public syllabus (/syllabus, /syllabus/[code]): the current season's classes and the lookups, read
// as one plain object and kept in Next's data cache, keyed by the syllabus's version (lib/cache/versions.ts),
// which every change bumps in its own transaction: each view reads that one number, so any server process
// serves a change at its next request, whoever made it (an organizer on another cluster worker, the CLI,
// an import). (Next's tag expiry, updateTag, would reach only the process that ran the action.) As a
// backstop for a change written around the services (hand-edited SQL), a copy older than
// SYLLABUS_MAX_AGE_SECONDS is never served. See docs/decisions/syllabus-caching.md.

export const SYLLABUS_MAX_AGE_SECONDS = 60;

export interface Syllabus {
  season: { name: string; startsOn: string; endsOn: string; ageCutoffOn: string; entriesOpenAt: string; entriesCloseAt: string } | null;
  disciplines: string[];
  levels: string[];
  performanceTypes: string[];
  classes: SyllabusClass[];
  /** The syllabus version this copy was read at (lib/cache/versions.ts). */
  version: number;
  /** When this copy was read from the database (ms since the epoch). */
  loadedAt: number;
}

async function loadSyllabus(version: number): Promise<Syllabus> {
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
    version,
    loadedAt: Date.now(),
  };
}

// The version, an argument, is part of the cache key.
const cachedSyllabus = unstable_cache(loadSyllabus, ["syllabus-v2"], {
  revalidate: SYLLABUS_MAX_AGE_SECONDS / 2,
});

/** The current season's syllabus as of its latest change (through the services), at most SYLLABUS_MAX_AGE_SECONDS old. */
export async function getSyllabus(): Promise<Syllabus> {
  const version = await cacheVersion(prisma, "syllabus");
  const cached = await cachedSyllabus(version);
  // Older than the promise (no visitor for a while): the cache is refreshing in the background; read now.
  if (Date.now() - cached.loadedAt > SYLLABUS_MAX_AGE_SECONDS * 1000) return loadSyllabus(version);
  return cached;
}
