import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { CLI_ACTOR, RuleError } from "@/lib/auth/actor";
import { createUser } from "@/lib/users/service";
import { markChanged } from "@/lib/cache/versions";
import { recordAudit } from "@/lib/audit/service";
import { normaliseName } from "./names";
import { createSeason } from "./seasons";
import { ensureStandardLookups } from "./lookups";
import { FIRST_NAMES, GROUP_NAMES, LAST_NAMES, REPERTOIRE, SCHOOLS, SOLO_KINDS } from "./demo-data";

// `npm run mfo -- demo`: a festival a newcomer can click through. A current season of about 300
// classes, 500 people (students, teachers, accompanists, groups; schools), 1,500 entries with pieces and
// accompanists, and demo accounts (guardian, teacher, organizer) managing some of them. Deterministic (a
// seeded random generator; only the season's dates follow today, so entries are open), written with
// createMany in one transaction, and refused when its season or accounts already exist.

export const DEMO_SEASON = "2027 Demo";
export const DEMO_PASSWORD = "spring recital in the old town hall";
export const DEMO_ACCOUNTS = {
  guardian: "guardian@demo.festival.test",
  teacher: "teacher@demo.festival.test",
  organizer: "organizer@demo.festival.test",
} as const;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  return { next, int, pick };
}

const DAY = 86_400_000;
const utcMidnight = (ms: number) => new Date(Math.floor(ms / DAY) * DAY);
const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Age limits and time limits by level (Pre-Junior ... Advanced). */
const LEVEL_RULES = [
  { minAge: null, maxAge: 8, seconds: 180 },
  { minAge: null, maxAge: 11, seconds: 240 },
  { minAge: null, maxAge: 14, seconds: 360 },
  { minAge: null, maxAge: 18, seconds: 480 },
  { minAge: 15, maxAge: 28, seconds: 720 },
];

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>, size = 200) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

export interface DemoSummary {
  season: string;
  classes: number;
  profiles: number;
  entries: number;
  pieces: number;
  accounts: Record<keyof typeof DEMO_ACCOUNTS, string>;
  password: string;
}

export async function loadDemo(db: PrismaClient, now = new Date()): Promise<DemoSummary> {
  if (await db.season.findUnique({ where: { name: DEMO_SEASON } })) throw new RuleError(`The demo season "${DEMO_SEASON}" is already loaded`);
  const taken = await db.user.count({ where: { email: { in: Object.values(DEMO_ACCOUNTS) } } });
  if (taken) throw new RuleError("The demo accounts already exist: the demo is loaded (or was partly removed)");
  const rnd = random(2027);
  await ensureStandardLookups(db);
  const [disciplines, levels, types] = await Promise.all([
    db.discipline.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.level.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.performanceType.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
  ]);
  const type = (name: string) => types.find((t) => t.name === name) ?? types[0];

  // Entries opened a month ago and close in two months; the festival follows; ages on 31 December before.
  const today = utcMidnight(now.getTime()).getTime();
  const startsOn = new Date(today + 90 * DAY);
  const ageCutoffOn = new Date(Date.UTC(startsOn.getUTCFullYear() - 1, 11, 31));
  const season = await createSeason(db, CLI_ACTOR, {
    name: DEMO_SEASON,
    entriesOpenAt: new Date(today - 30 * DAY + 14 * 3_600_000),
    entriesCloseAt: new Date(today + 60 * DAY + 4 * 3_600_000),
    startsOn,
    endsOn: new Date(startsOn.getTime() + 9 * DAY),
    ageCutoffOn,
    makeCurrent: true,
  });

  // Accounts first (bcrypt, outside the transaction): their ids are needed for the profiles they manage.
  const accounts = {
    guardian: await createUser(db, { email: DEMO_ACCOUNTS.guardian, password: DEMO_PASSWORD, roles: ["guardian"], name: "Grace Tremblay" }),
    teacher: await createUser(db, { email: DEMO_ACCOUNTS.teacher, password: DEMO_PASSWORD, roles: ["teacher"], name: "Henry Campbell" }),
    organizer: await createUser(db, { email: DEMO_ACCOUNTS.organizer, password: DEMO_PASSWORD, roles: ["organizer"], name: "Olivia Organizer" }),
  };

  // ---- Classes: per discipline and level, two solo classes (A, B) and four others; choirs and bands
  // get six ensemble classes. Numbers: discipline (10-19), level (1-5), a running digit.
  const classes: {
    id: string; seasonId: string; number: string; suffix: string; name: string; disciplineId: string; levelId: string; performanceTypeId: string;
    feeCents: number; minAge: number | null; maxAge: number | null; maxPerformanceSeconds: number; adjudicationSeconds: number; moveSeconds: number; testPieces: string; description: string;
    discipline: string; min: number; max: number | null;
  }[] = [];
  disciplines.forEach((d, di) => {
    const pieces = REPERTOIRE[d.name] ?? REPERTOIRE.Piano;
    levels.forEach((l, li) => {
      const rule = LEVEL_RULES[Math.min(li, LEVEL_RULES.length - 1)];
      const ensembleOnly = d.name === "Choral" || d.name === "Band";
      const slots: { type: (typeof types)[number]; suffix: string; label: string }[] = ensembleOnly
        ? ["A", "B", "C", "D", "E", "F"].map((suffix, i) => ({ type: type("Ensemble"), suffix, label: ["Own choice", "Sacred", "Folk", "Canadian composer", "Popular", "Festival"][i] }))
        : [
            ...SOLO_KINDS.map(([suffix, label]) => ({ type: type("Solo"), suffix, label })),
            ...["Duet", "Trio", "Recital", "Composition", "Quartet", "Quintet", "Ensemble"]
              .filter(() => rnd.next() < 0.6)
              .slice(0, 4)
              .map((name) => ({ type: type(name), suffix: "", label: "" })),
          ];
      slots.forEach((slot, si) => {
        const number = `${10 + di}${li + 1}${si}`;
        const size = slot.type.minPerformers;
        const testPiece = slot.suffix === "A" && li < 3 && rnd.next() < 0.5 ? rnd.pick(pieces) : null;
        classes.push({
          id: `demo-class-${number}${slot.suffix}`,
          seasonId: season.id,
          number: pad(Number(number), 4),
          suffix: ensembleOnly ? slot.suffix : slot.type.name === "Solo" ? slot.suffix : "",
          name: `${d.name} ${slot.type.name}, ${l.name}${slot.label ? `: ${slot.label}` : ""}`,
          disciplineId: d.id,
          levelId: l.id,
          performanceTypeId: slot.type.id,
          feeCents: (2000 + li * 500 + (size - 1) * 750 + (slot.type.name === "Recital" ? 2000 : 0)) * (ensembleOnly ? 2 : 1),
          minAge: rule.minAge,
          maxAge: ensembleOnly ? null : rule.maxAge,
          maxPerformanceSeconds: rule.seconds * (slot.type.name === "Recital" ? 3 : 1),
          adjudicationSeconds: 180 + li * 60,
          moveSeconds: ensembleOnly ? 300 : 60,
          testPieces: testPiece ? `${testPiece[0]} (${testPiece[1]})` : "",
          description: testPiece ? "Perform the test piece; no repeats." : "One piece of your own choice within the time limit.",
          discipline: d.name,
          min: slot.type.minPerformers,
          max: slot.type.maxPerformers,
        });
      });
    });
  });

  // ---- People: schools, 30 teachers, 20 accompanists, 440 students, 10 groups.
  const schools = SCHOOLS.map((name, i) => ({ id: `demo-school-${i}`, name, nameKey: normaliseName(name) }));
  type ProfileRow = {
    id: string; kind: string; name: string; nameKey: string; birthDate: Date | null; email: string | null; phone: string | null;
    contactName: string | null; membersCount: number | null; schoolId: string | null; teacherId: string | null;
  };
  const profiles: ProfileRow[] = [];
  const usedNames = new Set<string>();
  const person = (prefix: string, i: number, birthYear: [number, number], extra: Partial<ProfileRow> = {}): ProfileRow => {
    let name = "";
    do name = `${rnd.pick(FIRST_NAMES)} ${rnd.pick(LAST_NAMES)}`;
    while (usedNames.has(name) && usedNames.size < FIRST_NAMES.length * LAST_NAMES.length);
    usedNames.add(name);
    const birth = Date.UTC(rnd.int(birthYear[0], birthYear[1]), rnd.int(0, 11), rnd.int(1, 28));
    const row: ProfileRow = {
      id: `demo-${prefix}-${pad(i, 3)}`, kind: "person", name, nameKey: normaliseName(name), birthDate: new Date(birth),
      email: `${normaliseName(name).replace(/ /g, ".")}@example.org`, phone: `613-555-${pad(rnd.int(0, 9999), 4)}`,
      contactName: null, membersCount: null, schoolId: null, teacherId: null, ...extra,
    };
    profiles.push(row);
    return row;
  };
  const cutoffYear = ageCutoffOn.getUTCFullYear();
  const teachers = Array.from({ length: 30 }, (_, i) => person("teacher", i, [1960, 1995], { schoolId: rnd.pick(schools).id }));
  const accompanists = Array.from({ length: 20 }, (_, i) => person("accompanist", i, [1955, 2000]));
  const students = Array.from({ length: 440 }, (_, i) => {
    const school = rnd.pick(schools);
    return person("student", i, [cutoffYear - 22, cutoffYear - 5], { schoolId: school.id, teacherId: rnd.pick(teachers).id, email: null, phone: null });
  });
  const groups = GROUP_NAMES.map((name, i) => {
    const row: ProfileRow = {
      id: `demo-group-${pad(i, 3)}`, kind: "group", name, nameKey: normaliseName(name), birthDate: null, email: `contact${i}@example.org`, phone: null,
      contactName: teachers[i].name, membersCount: rnd.int(8, 45), schoolId: rnd.pick(schools).id, teacherId: teachers[i].id,
    };
    profiles.push(row);
    return row;
  });

  // The demo teacher is teachers[0]; the guardian has three children.
  const children = students.slice(0, 3);
  const managers = [
    { userId: accounts.teacher.id, profileId: teachers[0].id, relationship: "self" },
    ...students.filter((s) => s.teacherId === teachers[0].id).map((s) => ({ userId: accounts.teacher.id, profileId: s.id, relationship: "teacher" })),
    ...children.map((c) => ({ userId: accounts.guardian.id, profileId: c.id, relationship: "guardian" })),
  ];

  // ---- Pieces, one row per title + composer.
  const pieces = Object.values(REPERTOIRE)
    .flat()
    .filter((p, i, all) => all.findIndex((q) => q[0] === p[0] && q[1] === p[1]) === i)
    .map(([title, composer, seconds], i) => ({ id: `demo-piece-${pad(i, 3)}`, title, composer, titleKey: normaliseName(title), composerKey: normaliseName(composer), seconds }));
  const piecesOf = (discipline: string) => {
    const names = new Set((REPERTOIRE[discipline] ?? REPERTOIRE.Piano).map((p) => p[0]));
    return pieces.filter((p) => names.has(p.title));
  };

  // ---- Entries: 1,500, each in a class whose age limit its performers fit, nobody twice in a class.
  const ageOn = (birth: Date) => {
    const cutoff = ageCutoffOn;
    let age = cutoff.getUTCFullYear() - birth.getUTCFullYear();
    if (cutoff.getUTCMonth() < birth.getUTCMonth() || (cutoff.getUTCMonth() === birth.getUTCMonth() && cutoff.getUTCDate() < birth.getUTCDate())) age--;
    return age;
  };
  const fits = (c: (typeof classes)[number], s: ProfileRow) => {
    const age = ageOn(s.birthDate!);
    // Near the level's upper age, as real entrants are: a Junior class (up to 11) gets 7 to 11 year olds.
    const lowest = c.minAge ?? (c.maxAge === null ? 0 : c.maxAge - 4);
    return age >= lowest && (c.maxAge === null || age <= c.maxAge);
  };
  const eligible = new Map(classes.map((c) => [c.id, students.filter((s) => fits(c, s))]));
  const entries: {
    id: string; seasonId: string; classId: string; status: string; feeCents: number | null; paidCents: number; accompanistId: string | null; teacherId: string | null;
    accountId: string | null; submitterName: string | null; submitterEmail: string | null; submittedAt: Date | null; createdAt: Date; updatedAt: Date;
  }[] = [];
  const performers: { entryId: string; profileId: string; position: number }[] = [];
  const entryPieces: { id: string; entryId: string; pieceId: string; position: number; durationSeconds: number }[] = [];
  const inClass = new Set<string>();
  const accountOf = new Map(managers.filter((m) => m.relationship !== "self").map((m) => [m.profileId, m.userId]));
  let attempts = 0;
  // The guardian's children are entered first, so the demo guardian has entries to see.
  const wanted = 1500;
  while (entries.length < wanted && attempts++ < wanted * 20) {
    const c = rnd.pick(classes);
    let chosen: ProfileRow[];
    if (c.max === null && (c.discipline === "Choral" || c.discipline === "Band" || rnd.next() < 0.5)) {
      chosen = [rnd.pick(groups)];
    } else {
      const pool = eligible.get(c.id)!;
      const size = c.max === null ? rnd.int(c.min, c.min + 4) : c.min;
      if (pool.length < size) continue;
      const first = entries.length < children.length * 2 ? children[entries.length % children.length] : rnd.pick(pool);
      if (!pool.includes(first)) continue;
      chosen = [first];
      while (chosen.length < size) {
        const next = rnd.pick(pool);
        if (!chosen.includes(next)) chosen.push(next);
      }
    }
    if (chosen.some((p) => inClass.has(`${c.id}:${p.id}`))) continue;
    chosen.forEach((p) => inClass.add(`${c.id}:${p.id}`));
    const id = `demo-entry-${pad(entries.length, 4)}`;
    const roll = rnd.next();
    const status = roll < 0.85 ? "submitted" : roll < 0.95 ? "draft" : "withdrawn";
    const created = new Date(today - rnd.int(1, 29) * DAY - rnd.int(0, 86_399) * 1000);
    const lead = chosen[0];
    const account = accountOf.get(lead.id) ?? null;
    const withAccompanist = ["Voice", "Strings", "Woodwinds", "Brass", "Musical Theatre"].includes(c.discipline) && c.max === 1;
    entries.push({
      id, seasonId: season.id, classId: c.id, status,
      feeCents: status === "draft" ? null : c.feeCents,
      paidCents: status === "submitted" && rnd.next() < 0.6 ? c.feeCents : 0,
      accompanistId: withAccompanist ? rnd.pick(accompanists).id : null,
      teacherId: lead.teacherId,
      accountId: account,
      submitterName: account ? null : lead.kind === "group" ? lead.contactName : `${rnd.pick(FIRST_NAMES)} ${lead.name.split(" ").slice(-1)[0]}`,
      submitterEmail: account ? null : `family${entries.length}@example.org`,
      submittedAt: status === "draft" ? null : created,
      createdAt: created,
      updatedAt: created,
    });
    chosen.forEach((p, position) => performers.push({ entryId: id, profileId: p.id, position }));
    // One or two pieces within the time limit (a cut when a piece is longer than the limit allows).
    const choices = piecesOf(c.discipline);
    const count = c.testPieces || rnd.next() < 0.6 ? 1 : 2;
    const budget = c.maxPerformanceSeconds;
    const used = new Set<string>();
    let total = 0;
    for (let position = 0; position < count; position++) {
      const piece = rnd.pick(choices);
      if (used.has(piece.id)) continue;
      used.add(piece.id);
      const duration = Math.min(piece.seconds, budget - total);
      if (duration < 30) break;
      total += duration;
      entryPieces.push({ id: `${id}-p${position}`, entryId: id, pieceId: piece.id, position, durationSeconds: duration });
    }
  }

  // The rows as stored, without the helper fields used above.
  const classRows = classes.map((c) => {
    const row: Partial<typeof c> = { ...c };
    delete row.discipline;
    delete row.min;
    delete row.max;
    return row as Omit<typeof c, "discipline" | "min" | "max">;
  });
  const piecesRows = pieces.map((p) => ({ id: p.id, title: p.title, composer: p.composer, titleKey: p.titleKey, composerKey: p.composerKey }));
  const write = db.$transaction(
    async (tx) => {
      await tx.school.createMany({ data: schools });
      await inChunks(classRows, (data) => tx.festivalClass.createMany({ data }));
      await inChunks(profiles, (data) => tx.profile.createMany({ data: data.map((p) => ({ ...p, createdById: null })) }));
      await inChunks(managers, (data) => tx.profileManager.createMany({ data }));
      await inChunks(piecesRows, (data) => tx.piece.createMany({ data }));
      await inChunks(entries, (data) => tx.entry.createMany({ data: data.map((e) => ({ ...e, createdById: e.accountId, updatedById: e.accountId })) }));
      await inChunks(performers, (data) => tx.entryPerformer.createMany({ data }), 500);
      await inChunks(entryPieces, (data) => tx.entryPiece.createMany({ data }), 500);
      await markChanged(tx, "syllabus");
      await recordAudit(tx, {
        action: "festival.season_updated",
        actor: "cli",
        subject: { id: season.id, label: season.name },
        details: { demo: { classes: classRows.length, profiles: profiles.length, entries: entries.length } },
      });
    },
    { timeout: 120_000 },
  );
  try {
    await write;
  } catch (error) {
    // Leave nothing half-made, so the demo can be tried again.
    await db.season.delete({ where: { id: season.id } }).catch(() => {});
    await db.user.deleteMany({ where: { email: { in: Object.values(DEMO_ACCOUNTS) } } });
    throw error;
  }
  return {
    season: season.name,
    classes: classRows.length,
    profiles: profiles.length,
    entries: entries.length,
    pieces: entryPieces.length,
    accounts: DEMO_ACCOUNTS,
    password: DEMO_PASSWORD,
  };
}
