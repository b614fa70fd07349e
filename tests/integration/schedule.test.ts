import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./test-db";
import { createUser } from "@/lib/users/service";
import { CLI_ACTOR, RuleError, type Actor } from "@/lib/auth/actor";
import { FieldRuleError } from "@/lib/festival/organizer";
import { checkInput, loadSchedule } from "@/lib/festival/schedule-data";
import { checkSchedule } from "@/lib/festival/schedule-check";
import { createSitting, deleteSitting, moveClass, moveEntry, placeClass, setProgrammePublished, suggestSchedule, updateSitting } from "@/lib/festival/schedule";
import { loadProgramme } from "@/lib/festival/programme-data";
import { sittingFormSchema } from "@/lib/validation/schedule";
import { createScheduleFixture, type ScheduleFixture } from "../support/schedule-fixtures";

let t: Awaited<ReturnType<typeof createTestDb>>;
let f: ScheduleFixture;
let other: ScheduleFixture;
beforeAll(async () => {
  t = await createTestDb();
  f = await createScheduleFixture(t.db);
  other = await createScheduleFixture(t.db);
});
afterAll(async () => {
  await t.cleanup();
});

const load = async (seasonId = f.seasonId) => (await loadSchedule(t.db, seasonId))!;
const conflicts = async (seasonId = f.seasonId) => checkSchedule(checkInput(await load(seasonId)));
const sittingForm = (over: Record<string, string> = {}) =>
  sittingFormSchema.parse({ venueId: f.venues.hallB, date: "2027-04-21", startTime: "09:00", endTime: "10:30", ...over });

describe("the schedule", () => {
  it("plans each class as pieces + (adjudication + move) per performing entry", async () => {
    const data = await load();
    // Two submitted entries of 3:00 each, 3:00 adjudication and 1:00 move: the withdrawn one is left out.
    expect(data.classes.find((c) => c.id === f.classes.voiceA)!.plannedSeconds).toBe(2 * 180 + 2 * (180 + 60));
    expect(data.unplaced).toHaveLength(3);
  });

  it("suggests a schedule that places every class without overfilling or conflicts", async () => {
    const result = await suggestSchedule(t.db, CLI_ACTOR, f.seasonId);
    expect(result).toEqual({ placed: 3, unplaced: 0 });
    const data = await load();
    // Piano before Voice (the disciplines' order), all in the first sitting by time (3 hours is room enough).
    expect(data.sittings[0].classes.map((c) => c.code)).toEqual(["5103", "5101A", "5101B"]);
    expect(await conflicts()).toEqual(new Map());
    // Suggesting again places nothing more.
    expect(await suggestSchedule(t.db, CLI_ACTOR, f.seasonId)).toEqual({ placed: 0, unplaced: 0 });
    expect(await t.db.auditEvent.count({ where: { action: "festival.schedule_suggested", subjectId: f.seasonId } })).toBe(2);
  });

  it("shows a conflict when the accompanist's two classes are put in overlapping sittings", async () => {
    await placeClass(t.db, CLI_ACTOR, f.seasonId, f.classes.voiceB, f.sittings.overlapping);
    const found = await conflicts();
    expect(found.get(f.sittings.morning)?.map((c) => c.message)).toEqual([`${f.names.accompanist} (accompanist) is also in Hall B, 20 April 10:00–11:00 (accompanist) at the same time`]);
    expect(found.get(f.sittings.overlapping)?.[0]).toMatchObject({ kind: "person", otherSittingId: f.sittings.morning });
    // Taken off the schedule again: no conflict.
    await placeClass(t.db, CLI_ACTOR, f.seasonId, f.classes.voiceB, null);
    expect(await conflicts()).toEqual(new Map());
    await placeClass(t.db, CLI_ACTOR, f.seasonId, f.classes.voiceB, f.sittings.morning);
  });

  it("orders classes in a sitting and entries in a class", async () => {
    await moveClass(t.db, CLI_ACTOR, f.seasonId, f.classes.voiceB, "up");
    expect((await load()).sittings[0].classes.map((c) => c.code)).toEqual(["5103", "5101B", "5101A"]);
    const names = async () => (await load()).classes.find((c) => c.id === f.classes.voiceA)!.entries.map((e) => e.performers[0].name);
    expect(await names()).toEqual([f.names.pia, f.names.quinn]);
    await moveEntry(t.db, CLI_ACTOR, f.seasonId, f.entries.quinn, "up");
    expect(await names()).toEqual([f.names.quinn, f.names.pia]);
    // Already first: nothing changes.
    await moveEntry(t.db, CLI_ACTOR, f.seasonId, f.entries.quinn, "up");
    expect(await names()).toEqual([f.names.quinn, f.names.pia]);
  });

  it("refuses another season's ids, changing nothing", async () => {
    const before = await t.db.sittingClass.findMany({ orderBy: { classId: "asc" } });
    const entryOrder = await t.db.entry.findMany({ select: { id: true, orderInClass: true }, orderBy: { id: "asc" } });
    await expect(placeClass(t.db, CLI_ACTOR, f.seasonId, other.classes.pianoSolo, f.sittings.morning)).rejects.toMatchObject({ kind: "not_found" });
    await expect(placeClass(t.db, CLI_ACTOR, f.seasonId, f.classes.pianoSolo, other.sittings.morning)).rejects.toBeInstanceOf(FieldRuleError);
    await expect(moveClass(t.db, CLI_ACTOR, other.seasonId, f.classes.voiceA, "up")).rejects.toMatchObject({ kind: "not_found" });
    await expect(moveEntry(t.db, CLI_ACTOR, f.seasonId, other.entries.quinn, "up")).rejects.toMatchObject({ kind: "not_found" });
    await expect(updateSitting(t.db, CLI_ACTOR, f.seasonId, other.sittings.morning, sittingForm())).rejects.toMatchObject({ kind: "not_found" });
    await expect(deleteSitting(t.db, CLI_ACTOR, f.seasonId, other.sittings.morning)).rejects.toMatchObject({ kind: "not_found" });
    await expect(createSitting(t.db, CLI_ACTOR, f.seasonId, sittingForm({ venueId: other.venues.hallA }))).rejects.toMatchObject({ field: "venueId" });
    expect(await t.db.sittingClass.findMany({ orderBy: { classId: "asc" } })).toEqual(before);
    expect(await t.db.entry.findMany({ select: { id: true, orderInClass: true }, orderBy: { id: "asc" } })).toEqual(entryOrder);
    expect(await t.db.sitting.count({ where: { seasonId: other.seasonId } })).toBe(2);
  });

  it("refuses a session outside the festival days, and an adjudicator without the role", async () => {
    await expect(createSitting(t.db, CLI_ACTOR, f.seasonId, sittingForm({ date: "2027-05-01" }))).rejects.toMatchObject({ field: "date" });
    const plain = await createUser(t.db, { email: "not-a-judge@example.org", password: "a long enough password here", roles: ["teacher"] });
    await expect(createSitting(t.db, CLI_ACTOR, f.seasonId, sittingForm({ adjudicatorId: plain.id }))).rejects.toMatchObject({ field: "adjudicatorId" });
    expect(() => sittingForm({ endTime: "08:00" })).toThrow(/end after it starts/);
  });

  it("finds an adjudicator booked in two overlapping sessions", async () => {
    const judge = await createUser(t.db, { email: "judge@example.org", password: "a long enough password here", roles: ["adjudicator"], name: "Judge Ivy" });
    const a = await createSitting(t.db, CLI_ACTOR, f.seasonId, sittingForm({ adjudicatorId: judge.id }));
    const b = await createSitting(t.db, CLI_ACTOR, f.seasonId, sittingForm({ venueId: f.venues.hallA, startTime: "10:00", endTime: "11:00", adjudicatorId: judge.id }));
    const found = await conflicts();
    expect(found.get(a.id)?.[0]).toMatchObject({ kind: "adjudicator", otherSittingId: b.id });
    await deleteSitting(t.db, CLI_ACTOR, f.seasonId, b.id);
    await deleteSitting(t.db, CLI_ACTOR, f.seasonId, a.id);
  });

  it("refuses an organizer without festival.manage", async () => {
    const reader: Actor = { audit: "cli", permissions: ["festival.read"], ip: null };
    await expect(placeClass(t.db, reader, f.seasonId, f.classes.voiceB, null)).rejects.toBeInstanceOf(RuleError);
    await expect(setProgrammePublished(t.db, reader, f.seasonId, true)).rejects.toBeInstanceOf(RuleError);
  });

  it("publishes a programme of names only, in order", async () => {
    expect(await loadProgramme(t.db, f.seasonId)).toBeNull();
    await setProgrammePublished(t.db, CLI_ACTOR, f.seasonId, true);
    const programme = (await loadProgramme(t.db, f.seasonId))!;
    expect(programme.days.map((d) => d.day)).toEqual(["2027-04-20"]);
    const morning = programme.days[0].sittings[0];
    expect(morning).toMatchObject({ venue: "Hall A", start: "09:00", end: "12:00" });
    expect(morning.classes.map((c) => c.code)).toEqual(["5103", "5101B", "5101A"]);
    expect(morning.classes[2].performers).toEqual([[f.names.quinn], [f.names.pia]]);
    const text = JSON.stringify(programme);
    expect(text).not.toMatch(/@example\.org|2015-07-14|birth/i);
    expect(text).not.toContain(f.names.accompanist);
    await setProgrammePublished(t.db, CLI_ACTOR, f.seasonId, false);
    expect(await loadProgramme(t.db, f.seasonId)).toBeNull();
    expect(await t.db.auditEvent.count({ where: { action: { in: ["festival.programme_published", "festival.programme_unpublished"] }, subjectId: f.seasonId } })).toBe(2);
  });
});
