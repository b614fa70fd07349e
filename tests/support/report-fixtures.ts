import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { normaliseName } from "@/lib/festival/names";

// A season made for the reports' tests, NOT current (the e2e festival specs decide which season is
// current on the shared server). Made directly with Prisma: a few classes in two disciplines, two payers
// (an account and an imported submitter), a teacher, an accompanist, a school, and entries in every
// status, so that what counts (submitted) and what does not (draft, withdrawn) both appear.

export interface ReportFixture {
  seasonId: string;
  seasonName: string;
  pianoId: string;
  voiceId: string;
  accountEmail: string;
  teacherName: string;
}


export async function createReportFixture(db: PrismaClient): Promise<ReportFixture> {
  const tag = randomUUID().slice(0, 8);
  const [piano, voice, junior, solo, duet] = await Promise.all([
    db.discipline.upsert({ where: { name: "Piano" }, create: { name: "Piano" }, update: {} }),
    db.discipline.upsert({ where: { name: "Voice" }, create: { name: "Voice" }, update: {} }),
    db.level.upsert({ where: { name: "Junior" }, create: { name: "Junior", sortOrder: 2 }, update: {} }),
    db.performanceType.upsert({ where: { name: "Solo" }, create: { name: "Solo", minPerformers: 1, maxPerformers: 1 }, update: {} }),
    db.performanceType.upsert({ where: { name: "Duet" }, create: { name: "Duet", minPerformers: 2, maxPerformers: 2 }, update: {} }),
  ]);
  const seasonName = `Reports ${tag}`;
  const season = await db.season.create({
    data: {
      name: seasonName,
      entriesOpenAt: new Date(Date.UTC(2027, 0, 1)),
      entriesCloseAt: new Date(Date.UTC(2027, 1, 1)),
      startsOn: new Date(Date.UTC(2027, 3, 10)),
      endsOn: new Date(Date.UTC(2027, 3, 20)),
      ageCutoffOn: new Date(Date.UTC(2026, 11, 31)),
    },
  });
  const klass = (number: string, suffix: string, name: string, disciplineId: string, typeId: string, feeCents: number, adjudicationSeconds: number, moveSeconds: number) =>
    db.festivalClass.create({
      data: { seasonId: season.id, number, suffix, name, disciplineId, levelId: junior.id, performanceTypeId: typeId, feeCents, adjudicationSeconds, moveSeconds },
      select: { id: true },
    });
  const soloClass = await klass("2101", "A", "Piano Solo, Junior", piano.id, solo.id, 2000, 120, 30);
  const duetClass = await klass("3100", "", "Piano Duet, Junior", piano.id, duet.id, 3000, 180, 60);
  await klass("2150", "", "Piano Test Piece", piano.id, solo.id, 1500, 120, 30);
  const voiceClass = await klass("4100", "", "Voice Solo, Junior", voice.id, solo.id, 2500, 60, 30);

  const accountEmail = `payer-${tag}@example.org`;
  const account = await db.user.create({ data: { email: accountEmail, name: "Pat Payer" }, select: { id: true } });
  const school = await db.school.upsert({ where: { nameKey: "maple school" }, create: { name: "Maple School", nameKey: "maple school" }, update: {} });
  const person = (name: string, extra: { email?: string; schoolId?: string } = {}) =>
    db.profile.create({ data: { name, nameKey: normaliseName(name), ...extra }, select: { id: true } });
  const teacherName = `Tess Teacher ${tag}`;
  const teacher = await person(teacherName, { email: `tess-${tag}@example.org` });
  const accompanist = await person(`Alan Accompanist ${tag}`);
  const ada = await person(`Ada Lovelace ${tag}`, { schoolId: school.id });
  const ben = await person(`Ben Lovelace ${tag}`, { schoolId: school.id });
  const cleo = await person(`Cleo Singer ${tag}`);
  const piece = await db.piece.upsert({
    where: { titleKey_composerKey: { titleKey: "minuet in g", composerKey: "petzold" } },
    create: { title: "Minuet in G", composer: "Petzold", titleKey: "minuet in g", composerKey: "petzold" },
    update: {},
  });

  const day = (n: number) => new Date(Date.UTC(2027, 0, 10 + n, 15));
  let n = 0;
  const entry = async (
    classId: string,
    status: string,
    performers: string[],
    seconds: number[],
    money: { fee: number; paid: number },
    extra: { teacherId?: string; accompanistId?: string; accountId?: string; submitterName?: string; submitterEmail?: string; on: number },
  ) => {
    const { on, ...rest } = extra;
    await db.entry.create({
      data: {
        seasonId: season.id,
        classId,
        status,
        feeCents: status === "draft" ? null : money.fee,
        paidCents: money.paid,
        ...rest,
        submittedAt: status === "draft" ? null : day(on),
        createdAt: day(on),
        sourceKey: `fixture-${tag}-${n++}`,
        performers: { create: performers.map((profileId, position) => ({ profileId, position })) },
        pieces: { create: seconds.map((durationSeconds, position) => ({ pieceId: piece.id, position, durationSeconds })) },
      },
    });
  };
  // Counted (submitted): 2101A x2, 3100 x1, 4100 x1. Not counted: a withdrawn 2101A, a draft 4100.
  await entry(soloClass.id, "submitted", [ada.id], [90, 60], { fee: 2000, paid: 2000 }, { teacherId: teacher.id, accompanistId: accompanist.id, accountId: account.id, on: 0 });
  await entry(soloClass.id, "submitted", [ben.id], [120], { fee: 2000, paid: 0 }, { teacherId: teacher.id, accountId: account.id, on: 0 });
  await entry(soloClass.id, "withdrawn", [cleo.id], [100], { fee: 2000, paid: 0 }, { accountId: account.id, on: 1 });
  await entry(duetClass.id, "submitted", [ada.id, ben.id], [200], { fee: 3000, paid: 1000 }, { teacherId: teacher.id, accountId: account.id, on: 2 });
  await entry(voiceClass.id, "submitted", [cleo.id], [150], { fee: 2500, paid: 2500 }, { accompanistId: accompanist.id, submitterName: "Sam Sender", submitterEmail: `sam-${tag}@example.org`, on: 2 });
  await entry(voiceClass.id, "draft", [ada.id], [100], { fee: 0, paid: 0 }, { accountId: account.id, on: 3 });
  return { seasonId: season.id, seasonName, pianoId: piano.id, voiceId: voice.id, accountEmail, teacherName };
}

