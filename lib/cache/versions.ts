import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";

// Versions of cached views of the data: a counter row per view (CacheVersion), bumped by every change the
// view shows, in that change's own transaction; read (one primary-key lookup) by every request for the
// view, which keys its cached copy by it. Next's data cache lives in each server process, so expiring a
// tag (updateTag) reaches only the process that ran the change; a version stored with the data reaches
// them all: cluster workers, the CLI, imports, several Vercel instances. See docs/decisions/syllabus-caching.md.

/** The cached views: the public syllabus (seasons, classes, lookups) and the published programme. */
export type CachedView = "syllabus" | "programme";

export async function markChanged(tx: Db, view: CachedView): Promise<void> {
  await tx.cacheVersion.upsert({ where: { key: view }, create: { key: view, version: 1 }, update: { version: { increment: 1 } } });
}

export async function cacheVersion(db: PrismaClient, view: CachedView): Promise<number> {
  const row = await db.cacheVersion.findUnique({ where: { key: view }, select: { version: true } });
  return row?.version ?? 0;
}
