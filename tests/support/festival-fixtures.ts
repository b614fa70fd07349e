import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// A current season with a few classes, made directly with Prisma (the syllabus services live on another
// branch). Lookups are upserted by name, so calls from parallel tests share them.

const DAY = 24 * 3600 * 1000;

export interface FestivalFixture {
  seasonId: string;
  seasonName: string;
  /** Class codes: a solo (ages 8-12, 4:00, $20), a duet ($30), a solo with a test piece ($15). */
  solo: string;
  duet: string;
  testPiece: string;
}

export async function createFestivalFixture(
  db: PrismaClient,
  options: { entriesOpenAt?: Date; entriesCloseAt?: Date; ageCutoffOn?: Date } = {},
): Promise<FestivalFixture> {
  const now = Date.now();
  const [piano, junior, solo, duet] = await Promise.all([
    db.discipline.upsert({ where: { name: "Piano" }, create: { name: "Piano" }, update: {} }),
    db.level.upsert({ where: { name: "Junior" }, create: { name: "Junior", sortOrder: 2 }, update: {} }),
    db.performanceType.upsert({ where: { name: "Solo" }, create: { name: "Solo", minPerformers: 1, maxPerformers: 1 }, update: {} }),
    db.performanceType.upsert({ where: { name: "Duet" }, create: { name: "Duet", minPerformers: 2, maxPerformers: 2 }, update: {} }),
  ]);
  const name = `Test ${randomUUID().slice(0, 8)}`;
  const season = await db.$transaction(async (tx) => {
    await tx.season.updateMany({ where: { isCurrent: true }, data: { isCurrent: false } });
    return tx.season.create({
      data: {
        name,
        isCurrent: true,
        entriesOpenAt: options.entriesOpenAt ?? new Date(now - DAY),
        entriesCloseAt: options.entriesCloseAt ?? new Date(now + 30 * DAY),
        startsOn: new Date(Date.UTC(2027, 3, 10)),
        endsOn: new Date(Date.UTC(2027, 3, 20)),
        ageCutoffOn: options.ageCutoffOn ?? new Date(Date.UTC(2026, 11, 31)),
      },
    });
  });
  const common = { seasonId: season.id, disciplineId: piano.id, levelId: junior.id };
  await db.festivalClass.createMany({
    data: [
      { ...common, number: "2101", suffix: "A", name: "Piano Solo, Junior", performanceTypeId: solo.id, feeCents: 2000, minAge: 8, maxAge: 12, maxPerformanceSeconds: 240 },
      { ...common, number: "3100", name: "Piano Duet, Junior", performanceTypeId: duet.id, feeCents: 3000, maxPerformanceSeconds: 360 },
      { ...common, number: "2150", name: "Piano Test Piece", performanceTypeId: solo.id, feeCents: 1500, testPieces: "Kabalevsky: Clowns, Op. 39 No. 20" },
    ],
  });
  return { seasonId: season.id, seasonName: name, solo: "2101A", duet: "3100", testPiece: "2150" };
}
