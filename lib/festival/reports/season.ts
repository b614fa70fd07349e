import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Which season a report is about: the one its `season` parameter names, else the current one. A
// season id that does not exist is null (the page and the download answer 404), never another season.
export async function reportSeason(db: PrismaClient, seasonId: string | undefined) {
  const select = { id: true, name: true } as const;
  if (seasonId) return db.season.findUnique({ where: { id: seasonId }, select });
  return db.season.findFirst({ where: { isCurrent: true }, select });
}

export async function seasonChoices(db: PrismaClient) {
  return db.season.findMany({ orderBy: [{ startsOn: "desc" }, { name: "desc" }], select: { id: true, name: true } });
}
