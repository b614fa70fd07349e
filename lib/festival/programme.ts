import "server-only";
import { unstable_cache } from "next/cache";
import { prisma } from "@/lib/db";
import { cacheVersion } from "@/lib/cache/versions";
import { listPublishedProgrammes, loadProgramme, type Programme } from "./programme-data";

// The public programme (/programme, /programme/[season]/[day]) read from Next's data cache, like the
// syllabus (docs/decisions/schedule.md): keyed by the programme's version (lib/cache/versions.ts), which
// every schedule change bumps in its transaction, so every server process shows it at its next request;
// a change the programme shows but the schedule services do not make (an entry withdrawn, a class
// renamed) is seen within PROGRAMME_MAX_AGE_SECONDS.

export const PROGRAMME_MAX_AGE_SECONDS = 60;

type Cached<T> = { value: T; loadedAt: number; version: number };

// The version argument is part of each cache key.
const cachedProgramme = unstable_cache(
  async (seasonId: string, version: number): Promise<Cached<Programme | null>> => ({ value: await loadProgramme(prisma, seasonId), loadedAt: Date.now(), version }),
  ["programme-v2"],
  { revalidate: PROGRAMME_MAX_AGE_SECONDS / 2 },
);

const cachedList = unstable_cache(
  async (version: number) => ({ value: (await listPublishedProgrammes(prisma)).map((s) => ({ id: s.id, name: s.name })), loadedAt: Date.now(), version }),
  ["programmes-v2"],
  { revalidate: PROGRAMME_MAX_AGE_SECONDS / 2 },
);

/** An entry older than the limit is not served: stale-while-revalidate alone would, after a quiet night. */
async function fresh<T>(cached: Cached<T>, load: () => Promise<T>): Promise<T> {
  return Date.now() - cached.loadedAt > PROGRAMME_MAX_AGE_SECONDS * 1000 ? load() : cached.value;
}

/** A season's published programme; null when unknown or unpublished. */
export async function getProgramme(seasonId: string): Promise<Programme | null> {
  // Only published seasons get a cache entry: an unknown id in the URL cannot fill the cache.
  const version = await cacheVersion(prisma, "programme");
  if (!(await publishedProgrammes(version)).some((s) => s.id === seasonId)) return null;
  return fresh(await cachedProgramme(seasonId, version), () => loadProgramme(prisma, seasonId));
}

/** The seasons whose programme is published, newest first. */
export async function getPublishedProgrammes(): Promise<{ id: string; name: string }[]> {
  return publishedProgrammes(await cacheVersion(prisma, "programme"));
}

async function publishedProgrammes(version: number): Promise<{ id: string; name: string }[]> {
  return fresh(await cachedList(version), async () => (await listPublishedProgrammes(prisma)).map((s) => ({ id: s.id, name: s.name })));
}
