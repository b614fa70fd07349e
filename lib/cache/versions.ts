import "server-only";
import { randomInt } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";

// Versions of cached views of the data: a counter row per view (CacheVersion), bumped by every change the
// view shows, in that change's own transaction; read (one primary-key lookup) by every request for the
// view, which keys its cached copy by it. Next's data cache lives in each server process, so expiring a
// tag (updateTag) reaches only the process that ran the change; a version stored with the data reaches
// them all: cluster workers, the CLI, imports, several Vercel instances. See docs/decisions/syllabus-caching.md.

/** The cached views: the public syllabus (seasons, classes, lookups) and the published programme. */
export type CachedView = "syllabus" | "programme";

// A version is a random number, not a counter: the caches keyed by it outlive one database. Next's data
// cache is kept on disk with the build (.next/cache) and read by every process serving it, so a counter
// would give the same key ("syllabus version 3") to different data in two databases served from one
// build (the e2e suite's two servers, the bench's runs, a database restored from a backup or the demo
// loaded again), and one would be shown the other's syllabus. Found when the bench showed a programme
// from its previous run's database. A random 31-bit number (Prisma's Int) repeats by chance once in
// about two billion changes, and even then only until the copy's maximum age.
export async function markChanged(tx: Db, view: CachedView): Promise<void> {
  const version = randomInt(1, 2 ** 31);
  await tx.cacheVersion.upsert({ where: { key: view }, create: { key: view, version }, update: { version } });
}

export async function cacheVersion(db: PrismaClient, view: CachedView): Promise<number> {
  const row = await db.cacheVersion.findUnique({ where: { key: view }, select: { version: true } });
  return row?.version ?? 0;
}
