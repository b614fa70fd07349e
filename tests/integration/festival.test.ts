import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./test-db";
import { createUser } from "@/lib/users/service";
import { loadUserAccess } from "@/lib/users/access";
import { CLI_ACTOR, RuleError, userActor } from "@/lib/auth/actor";
import { createSeason, setCurrentSeason, updateSeason } from "@/lib/festival/seasons";
import { createLookup, deleteLookup, ensureStandardLookups, updateLookup } from "@/lib/festival/lookups";
import { createClass, deleteClass, listClasses, updateClass } from "@/lib/festival/classes";
import { FieldRuleError } from "@/lib/festival/organizer";
import { classFormSchema, seasonFormSchema } from "@/lib/validation/festival";
import { cacheVersion } from "@/lib/cache/versions";

let t: Awaited<ReturnType<typeof createTestDb>>;
beforeAll(async () => {
  t = await createTestDb();
  await ensureStandardLookups(t.db);
});
afterAll(async () => {
  await t.cleanup();
});

const season = (name: string, makeCurrent = false) =>
  seasonFormSchema.parse({
    name,
    entriesOpenAt: "2027-01-10T09:00",
    entriesCloseAt: "2027-02-28T23:59",
    startsOn: "2027-04-19",
    endsOn: "2027-04-30",
    ageCutoffOn: "2026-12-31",
    makeCurrent: makeCurrent ? "on" : undefined,
  });

async function lookupIds() {
  const [d, l, p] = await Promise.all([
    t.db.discipline.findUniqueOrThrow({ where: { name: "Piano" } }),
    t.db.level.findUniqueOrThrow({ where: { name: "Junior" } }),
    t.db.performanceType.findUniqueOrThrow({ where: { name: "Solo" } }),
  ]);
  return { disciplineId: d.id, levelId: l.id, performanceTypeId: p.id };
}

async function classInput(number: string, suffix = "", name = "Piano Solo, Junior") {
  return classFormSchema.parse({ number, suffix, name, ...(await lookupIds()), fee: "25.50", maxPerformanceTime: "5:00" });
}

const currentNames = async () => (await t.db.season.findMany({ where: { isCurrent: true }, select: { name: true } })).map((s) => s.name);

describe("standard lookups", () => {
  it("are seeded into empty tables once, and an organizer's rename is not undone", async () => {
    expect(await t.db.discipline.count()).toBe(10);
    expect(await t.db.level.count()).toBe(5);
    expect((await t.db.performanceType.findUniqueOrThrow({ where: { name: "Ensemble" } })).maxPerformers).toBeNull();
    const voice = await t.db.discipline.findUniqueOrThrow({ where: { name: "Voice" } });
    await updateLookup(t.db, CLI_ACTOR, "discipline", voice.id, { name: "Vocal", sortOrder: voice.sortOrder });
    await ensureStandardLookups(t.db);
    expect(await t.db.discipline.count()).toBe(10);
    expect(await t.db.discipline.findUnique({ where: { name: "Voice" } })).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "festival.lookup_updated", subjectId: voice.id } })).toBe(1);
  });
});

describe("seasons", () => {
  it("keep exactly one current season: the first is current, making another current unsets it, in one audited change", async () => {
    const first = await createSeason(t.db, CLI_ACTOR, season("2026"));
    expect(first.isCurrent).toBe(true);
    const second = await createSeason(t.db, CLI_ACTOR, season("2027"));
    expect(second.isCurrent).toBe(false);
    expect(await currentNames()).toEqual(["2026"]);
    await setCurrentSeason(t.db, CLI_ACTOR, second.id);
    expect(await currentNames()).toEqual(["2027"]);
    const made = await t.db.auditEvent.findMany({ where: { action: "festival.season_made_current", subjectId: second.id } });
    expect(made).toHaveLength(1);
    expect(JSON.parse(made[0].details!)).toEqual({ previous: "2026" });
    // Creating one as current, and editing one to current, also leave exactly one.
    const third = await createSeason(t.db, CLI_ACTOR, season("2028", true));
    expect(await currentNames()).toEqual(["2028"]);
    await updateSeason(t.db, CLI_ACTOR, first.id, season("2026", true));
    expect(await currentNames()).toEqual(["2026"]);
    await expect(setCurrentSeason(t.db, CLI_ACTOR, first.id)).rejects.toThrow("already the current season");
    await expect(setCurrentSeason(t.db, CLI_ACTOR, "no-such-id")).rejects.toThrow(RuleError);
    expect(await t.db.auditEvent.count({ where: { action: "festival.season_created", subjectId: third.id } })).toBe(1);
  });

  it("refuse a duplicate name, and a user without festival.manage, writing nothing", async () => {
    const before = await t.db.auditEvent.count();
    await expect(createSeason(t.db, CLI_ACTOR, season("2027"))).rejects.toThrow('A season named "2027" already exists');
    const reader = await createUser(t.db, { email: "reader@example.org", password: "the brass band plays at noon", roles: ["organizer"] });
    const actor = userActor((await loadUserAccess(t.db, reader.id))!, null);
    await expect(createSeason(t.db, actor, season("2040"))).rejects.toThrow("festival.manage");
    expect(await t.db.season.findUnique({ where: { name: "2040" } })).toBeNull();
    expect(await t.db.auditEvent.count()).toBe(before);
  });
});

describe("classes", () => {
  it("are unique by number + suffix within a season, and the refusal names the number field", async () => {
    const s = await t.db.season.findUniqueOrThrow({ where: { name: "2027" } });
    const other = await t.db.season.findUniqueOrThrow({ where: { name: "2026" } });
    await createClass(t.db, CLI_ACTOR, s.id, await classInput("2101", "A"));
    await createClass(t.db, CLI_ACTOR, s.id, await classInput("2101", "B"));
    await createClass(t.db, CLI_ACTOR, other.id, await classInput("2101", "A"));
    const duplicate = createClass(t.db, CLI_ACTOR, s.id, await classInput("2101", "a"));
    await expect(duplicate).rejects.toThrow("Class 2101A already exists in this season");
    await expect(duplicate).rejects.toMatchObject({ field: "number" });
    expect(await t.db.festivalClass.count({ where: { seasonId: s.id } })).toBe(2);
  });

  it("refuse a lookup that does not exist, next to its field", async () => {
    const s = await t.db.season.findUniqueOrThrow({ where: { name: "2027" } });
    const input = { ...(await classInput("3000")), levelId: "gone" };
    await expect(createClass(t.db, CLI_ACTOR, s.id, input)).rejects.toSatisfy((e) => e instanceof FieldRuleError && e.field === "levelId");
  });

  it("audit what changed, filter and search, and cannot be deleted while an entry uses them", async () => {
    const s = await t.db.season.findUniqueOrThrow({ where: { name: "2027" } });
    const { id } = await createClass(t.db, CLI_ACTOR, s.id, await classInput("4410", "", "Brass Quintet"));
    await updateClass(t.db, CLI_ACTOR, id, { ...(await classInput("4410", "", "Brass Quintet")), feeCents: 4000 });
    const updated = await t.db.auditEvent.findFirstOrThrow({ where: { action: "festival.class_updated", subjectId: id } });
    expect(JSON.parse(updated.details!)).toEqual({ feeCents: { from: 2550, to: 4000 } });

    expect((await listClasses(t.db, { seasonId: s.id, q: "21", page: 1 })).total).toBe(2);
    expect((await listClasses(t.db, { seasonId: s.id, q: "2101b", page: 1 })).classes.map((c) => c.suffix)).toEqual(["B"]);
    expect((await listClasses(t.db, { seasonId: s.id, q: "quintet", page: 1 })).total).toBe(1);
    const piano = (await lookupIds()).disciplineId;
    expect((await listClasses(t.db, { seasonId: s.id, disciplineId: piano, page: 1 })).total).toBe(3);

    await t.db.entry.create({ data: { seasonId: s.id, classId: id } });
    const before = await t.db.auditEvent.count();
    await expect(deleteClass(t.db, CLI_ACTOR, id)).rejects.toThrow("Class 4410 has 1 entry: it cannot be deleted");
    expect(await t.db.festivalClass.findUnique({ where: { id } })).not.toBeNull();
    expect(await t.db.auditEvent.count()).toBe(before);

    await t.db.entry.deleteMany({ where: { classId: id } });
    await deleteClass(t.db, CLI_ACTOR, id);
    expect(await t.db.festivalClass.findUnique({ where: { id } })).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: "festival.class_deleted", subjectId: id } })).toBe(1);
  });

  it("keep a lookup in use from being deleted", async () => {
    const { disciplineId } = await lookupIds();
    await expect(deleteLookup(t.db, CLI_ACTOR, "discipline", disciplineId)).rejects.toThrow("Piano is used by");
    const { id } = await createLookup(t.db, CLI_ACTOR, "discipline", { name: "Harp", sortOrder: 200 });
    await deleteLookup(t.db, CLI_ACTOR, "discipline", id);
    expect(await t.db.auditEvent.count({ where: { action: { startsWith: "festival.lookup_" }, subjectId: id } })).toBe(2);
  });
});

describe("the syllabus version (the public syllabus's cache key)", () => {
  it("changes with every change a visitor of /syllabus would see, and not with a refused one", async () => {
    const bumps = async (change: () => Promise<unknown>) => {
      const before = await cacheVersion(t.db, "syllabus");
      await change().catch(() => undefined);
      return Number((await cacheVersion(t.db, "syllabus")) !== before);
    };
    let seasonId = "";
    expect(await bumps(async () => (seasonId = (await createSeason(t.db, CLI_ACTOR, season("Versioned"))).id))).toBe(1);
    expect(await bumps(() => updateSeason(t.db, CLI_ACTOR, seasonId, season("Versioned 2")))).toBe(1);
    expect(await bumps(() => setCurrentSeason(t.db, CLI_ACTOR, seasonId))).toBe(1);
    let classId = "";
    expect(await bumps(async () => (classId = (await createClass(t.db, CLI_ACTOR, seasonId, await classInput("6100"))).id))).toBe(1);
    expect(await bumps(async () => updateClass(t.db, CLI_ACTOR, classId, await classInput("6100", "", "Renamed")))).toBe(1);
    expect(await bumps(() => deleteClass(t.db, CLI_ACTOR, classId))).toBe(1);
    let lookupId = "";
    expect(await bumps(async () => (lookupId = (await createLookup(t.db, CLI_ACTOR, "level", { name: "Versioned level", sortOrder: 99 })).id))).toBe(1);
    expect(await bumps(() => updateLookup(t.db, CLI_ACTOR, "level", lookupId, { name: "Versioned level 2", sortOrder: 99 }))).toBe(1);
    expect(await bumps(() => deleteLookup(t.db, CLI_ACTOR, "level", lookupId))).toBe(1);
    // A refused change (the transaction rolls back) leaves the version, so no cache is thrown away for nothing.
    expect(await bumps(() => createSeason(t.db, CLI_ACTOR, season("Versioned 2")))).toBe(0);
    expect(await bumps(() => deleteClass(t.db, CLI_ACTOR, "no-such-class"))).toBe(0);
  });
});
