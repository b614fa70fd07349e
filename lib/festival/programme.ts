import "server-only";
import { unstable_cache } from "next/cache";
import { prisma } from "@/lib/db";
import { listPublishedProgrammes, loadProgramme, type Programme } from "./programme-data";

// The public programme (/programme, /programme/[season]/[day]) read from Next's data cache, like the
// syllabus (docs/decisions/schedule.md): the schedule actions expire it at once (updateTag), a change
// made elsewhere (the CLI, another process) is seen within PROGRAMME_MAX_AGE_SECONDS.

export const PROGRAMME_TAG = "programme";
export const PROGRAMME_MAX_AGE_SECONDS = 60;

type Cached<T> = { value: T; loadedAt: number };

const cachedProgramme = unstable_cache(
  async (seasonId: string): Promise<Cached<Programme | null>> => ({ value: await loadProgramme(prisma, seasonId), loadedAt: Date.now() }),
  ["programme-v1"],
  { tags: [PROGRAMME_TAG], revalidate: PROGRAMME_MAX_AGE_SECONDS / 2 },
);

const cachedList = unstable_cache(
  async () => ({ value: (await listPublishedProgrammes(prisma)).map((s) => ({ id: s.id, name: s.name })), loadedAt: Date.now() }),
  ["programmes-v1"],
  { tags: [PROGRAMME_TAG], revalidate: PROGRAMME_MAX_AGE_SECONDS / 2 },
);

/** An entry older than the limit is not served: stale-while-revalidate alone would, after a quiet night. */
async function fresh<T>(cached: Cached<T>, load: () => Promise<T>): Promise<T> {
  return Date.now() - cached.loadedAt > PROGRAMME_MAX_AGE_SECONDS * 1000 ? load() : cached.value;
}

/** A season's published programme; null when unknown or unpublished. */
export async function getProgramme(seasonId: string): Promise<Programme | null> {
  // Only published seasons get a cache entry: an unknown id in the URL cannot fill the cache.
  if (!(await getPublishedProgrammes()).some((s) => s.id === seasonId)) return null;
  return fresh(await cachedProgramme(seasonId), () => loadProgramme(prisma, seasonId));
}

/** The seasons whose programme is published, newest first. */
export async function getPublishedProgrammes(): Promise<{ id: string; name: string }[]> {
  return fresh(await cachedList(), async () => (await listPublishedProgrammes(prisma)).map((s) => ({ id: s.id, name: s.name })));
}
