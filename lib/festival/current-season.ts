import "server-only";
import { prisma } from "@/lib/db";

/** The season entrants enter and the public syllabus shows; null before organizers create one. */
export async function getCurrentSeason() {
  return prisma.season.findFirst({ where: { isCurrent: true } });
}

/** Entries may be created or changed by entrants only between the season's open and close instants. */
export function entriesAreOpen(season: { entriesOpenAt: Date; entriesCloseAt: Date }, now = new Date()): boolean {
  return season.entriesOpenAt <= now && now < season.entriesCloseAt;
}
