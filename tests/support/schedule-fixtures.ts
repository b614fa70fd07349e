import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normaliseName } from "@/lib/festival/names";
import { sittingInstant } from "@/lib/festival/schedule-time";

// A season of its own (never made current, so tests do not depend on which season is) with a small
// schedule to build: two venues, two sittings on 20 April 2027 that overlap (Hall A 09:00-12:00, Hall B
// 10:00-11:00), three classes with submitted entries, and one accompanist who plays in two classes.
// Made directly with Prisma: tests set up through the data, and exercise the schedule's own services.

export interface ScheduleFixture {
  seasonId: string;
  seasonName: string;
  day: string;
  venues: { hallA: string; hallB: string };
  sittings: { morning: string; overlapping: string };
  classes: { pianoSolo: string; voiceA: string; voiceB: string };
  codes: { pianoSolo: string; voiceA: string; voiceB: string };
  entries: { pia: string; quinn: string; rosa: string; sam: string };
  names: { pia: string; quinn: string; rosa: string; sam: string; accompanist: string };
  birthDate: string;
}

export async function createScheduleFixture(db: PrismaClient): Promise<ScheduleFixture> {
  const tag = randomUUID().slice(0, 8);
  const [piano, voice, junior, solo] = await Promise.all([
    db.discipline.upsert({ where: { name: "Piano" }, create: { name: "Piano", sortOrder: 0 }, update: {} }),
    db.discipline.upsert({ where: { name: "Voice" }, create: { name: "Voice", sortOrder: 1 }, update: {} }),
    db.level.upsert({ where: { name: "Junior" }, create: { name: "Junior", sortOrder: 2 }, update: {} }),
    db.performanceType.upsert({ where: { name: "Solo" }, create: { name: "Solo", minPerformers: 1, maxPerformers: 1 }, update: {} }),
  ]);
  const season = await db.season.create({
    data: {
      name: `Schedule ${tag}`,
      entriesOpenAt: new Date(Date.UTC(2027, 0, 10)),
      entriesCloseAt: new Date(Date.UTC(2027, 1, 28)),
      startsOn: new Date(Date.UTC(2027, 3, 19)),
      endsOn: new Date(Date.UTC(2027, 3, 23)),
      ageCutoffOn: new Date(Date.UTC(2026, 11, 31)),
    },
  });
  const [hallA, hallB] = await Promise.all([
    db.venue.create({ data: { seasonId: season.id, name: "Hall A", sortOrder: 0 } }),
    db.venue.create({ data: { seasonId: season.id, name: "Hall B", sortOrder: 1 } }),
  ]);
  const day = "2027-04-20";
  const morning = await db.sitting.create({ data: { seasonId: season.id, venueId: hallA.id, startsAt: sittingInstant(day, "09:00")!, endsAt: sittingInstant(day, "12:00")! } });
  const overlapping = await db.sitting.create({ data: { seasonId: season.id, venueId: hallB.id, startsAt: sittingInstant(day, "10:00")!, endsAt: sittingInstant(day, "11:00")! } });

  const common = { seasonId: season.id, levelId: junior.id, performanceTypeId: solo.id, feeCents: 2000, adjudicationSeconds: 180, moveSeconds: 60 };
  // Numbers unlikely to collide with other seasons' (unique per season anyway).
  const [pianoSolo, voiceA, voiceB] = await Promise.all([
    db.festivalClass.create({ data: { ...common, number: "5103", name: "Piano Solo, Junior", disciplineId: piano.id } }),
    db.festivalClass.create({ data: { ...common, number: "5101", suffix: "A", name: "Voice Solo, Junior: Art song", disciplineId: voice.id } }),
    db.festivalClass.create({ data: { ...common, number: "5101", suffix: "B", name: "Voice Solo, Junior: Folk song", disciplineId: voice.id } }),
  ]);
  const birthDate = new Date(Date.UTC(2015, 6, 14));
  const person = (name: string) => db.profile.create({ data: { name: `${name} ${tag}`, nameKey: normaliseName(`${name} ${tag}`), birthDate, email: `${name.toLowerCase()}-${tag}@example.org` } });
  const [pia, quinn, rosa, sam, alma] = await Promise.all([person("Pia"), person("Quinn"), person("Rosa"), person("Sam"), person("Alma")]);
  const piece = await db.piece.upsert({ where: { titleKey_composerKey: { titleKey: "schedule test piece", composerKey: "" } }, create: { title: "Schedule test piece", titleKey: "schedule test piece" }, update: {} });
  let n = 0;
  const entry = async (classId: string, performer: string, accompanistId: string | null) => {
    const created = await db.entry.create({
      data: {
        seasonId: season.id,
        classId,
        status: "submitted",
        feeCents: 2000,
        accompanistId,
        createdAt: new Date(Date.UTC(2027, 0, 15, 12, n++)),
        performers: { create: { profileId: performer, position: 0 } },
        pieces: { create: { pieceId: piece.id, durationSeconds: 180 } },
      },
    });
    return created.id;
  };
  const entries = {
    pia: await entry(voiceA.id, pia.id, alma.id),
    quinn: await entry(voiceA.id, quinn.id, null),
    rosa: await entry(voiceB.id, rosa.id, alma.id),
    sam: await entry(pianoSolo.id, sam.id, null),
  };
  // A withdrawn entry takes no time and is not on the programme.
  await db.entry.create({ data: { seasonId: season.id, classId: voiceA.id, status: "withdrawn", performers: { create: { profileId: sam.id } } } });
  return {
    seasonId: season.id,
    seasonName: season.name,
    day,
    venues: { hallA: hallA.id, hallB: hallB.id },
    sittings: { morning: morning.id, overlapping: overlapping.id },
    classes: { pianoSolo: pianoSolo.id, voiceA: voiceA.id, voiceB: voiceB.id },
    codes: { pianoSolo: "5103", voiceA: "5101A", voiceB: "5101B" },
    entries,
    names: { pia: pia.name, quinn: quinn.name, rosa: rosa.name, sam: sam.name, accompanist: alma.name },
    birthDate: "14 July 2015",
  };
}
