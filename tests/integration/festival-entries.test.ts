import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./test-db";
import { createFestivalFixture, type FestivalFixture } from "../support/festival-fixtures";
import { createProfile, listManagedProfiles, updateProfile } from "@/lib/festival/profiles";
import { EntryRulesError, feeTotals, listEntrantEntries, listTeacherEntries, saveEntry, withdrawEntry } from "@/lib/festival/entries";
import { entrySchema, profileSchema } from "@/lib/validation/entries";
import { CLI_ACTOR, RuleError } from "@/lib/auth/actor";
import { listSeasonEntries, markPayment } from "@/lib/festival/admin-entries";

let t: Awaited<ReturnType<typeof createTestDb>>;
let festival: FestivalFixture;
let guardian: string;
let stranger: string;
let teacher: string;
let organizer: string;

const person = (name: string, birthDate: string, relationship = "guardian") =>
  profileSchema.parse({ kind: "person", relationship, name, birthDate, email: `${name.split(" ")[0].toLowerCase()}@example.org` });
const entry = (classCode: string, performers: string[], pieces: [string, string, string][], extra: Record<string, string> = {}) =>
  entrySchema.parse({ intent: "submit", classCode, performers, pieces: pieces.map(([title, composer, duration]) => ({ title, composer, duration })), notes: "", ...extra });

/** The account as the entry services see it (its e-mail is only used for audit labels). */
const as = (userId: string, canManage = false) => ({ userId, email: `${userId}@example.org`, canManage });

async function user(email: string, role?: string) {
  const u = await t.db.user.create({ data: { email } });
  if (role) await t.db.userRole.create({ data: { userId: u.id, roleId: (await t.db.role.findUniqueOrThrow({ where: { name: role } })).id } });
  return u.id;
}

beforeAll(async () => {
  t = await createTestDb();
  festival = await createFestivalFixture(t.db);
  guardian = await user("guardian@example.org");
  stranger = await user("stranger@example.org");
  teacher = await user("teacher@example.org", "teacher");
  organizer = await user("organizer@example.org");
});
afterAll(() => t.cleanup());

describe("festival entries", () => {
  let ada: string;
  let ben: string;
  let teacherSelf: string;
  let soloId: string;

  it("a guardian adds children and enters them; fees are copied; pieces are shared", async () => {
    ada = await createProfile(t.db, guardian, person("Ada Lovelace", "2016-05-01"));
    ben = await createProfile(t.db, guardian, person("Ben Lovelace", "2017-09-10"));
    teacherSelf = await createProfile(t.db, teacher, person("Tess Teacher", "1980-01-01", "self"));
    const solo = await saveEntry(t.db, as(guardian, false), null, entry("2101a", [ada], [["Minuet in G", "Petzold", "1:30"]], { teacherId: teacherSelf }));
    expect(solo.submitted).toBe(true);
    soloId = solo.id;
    await saveEntry(t.db, as(guardian, false), null, entry("3100", [ada, ben], [["minuet in g", "PETZOLD", "1:45"]]));
    const mine = await listEntrantEntries(t.db, guardian, festival.seasonId);
    expect(mine.map((e) => [e.festivalClass.number + e.festivalClass.suffix, e.status, e.feeCents])).toEqual([
      ["2101A", "submitted", 2000],
      ["3100", "submitted", 3000],
    ]);
    expect(feeTotals(mine)).toEqual({ fees: 5000, paid: 0, due: 5000 });
    expect(await t.db.piece.count()).toBe(1);
  });

  it("the rules refuse, naming the field, and nothing is stored", async () => {
    const refusal = (input: ReturnType<typeof entry>) =>
      saveEntry(t.db, as(guardian, false), null, input).then(
        () => null,
        (e: unknown) => (e instanceof EntryRulesError ? e.failures : Promise.reject(e)),
      );
    expect(await refusal(entry("2101A", [ada, ben], [["A", "", "1:00"]]))).toEqual([
      { field: "performers", message: "Class 2101A is a Solo: it takes 1 performer, not 2." },
      { field: "performers", message: "Ada Lovelace is already entered in class 2101A." },
    ]);
    expect((await refusal(entry("2101A", [ben], [["A", "", "4:01"]])))?.map((f) => f.field)).toEqual(["pieces"]);
    expect((await refusal(entry("9999", [ben], [["A", "", "1:00"]])))?.map((f) => f.field)).toEqual(["classCode"]);
    expect((await refusal(entry("2150", [ben], [["Sonatina", "", "1:00"]])))?.map((f) => f.field)).toEqual(["pieces"]);
    expect(await t.db.entry.count()).toBe(2);
  });

  it("another account's profile or entry is not found, and nothing changes", async () => {
    const notFound = (p: Promise<unknown>) => expect(p).rejects.toSatisfy((e) => e instanceof RuleError && e.kind === "not_found");
    await notFound(updateProfile(t.db, stranger, ada, person("Hacked", "2000-01-01")));
    await notFound(saveEntry(t.db, as(stranger, false), soloId, entry("2101A", [ada], [["X", "", "1:00"]])));
    await notFound(withdrawEntry(t.db, as(stranger, false), soloId));
    expect((await t.db.profile.findUniqueOrThrow({ where: { id: ada } })).name).toBe("Ada Lovelace");
    expect((await t.db.entry.findUniqueOrThrow({ where: { id: soloId } })).status).toBe("submitted");
    expect(await listEntrantEntries(t.db, stranger, festival.seasonId)).toEqual([]);
    expect(await listManagedProfiles(t.db, stranger)).toEqual([]);
    // A stranger cannot name someone else's child as performer either.
    await expect(saveEntry(t.db, as(stranger, false), null, entry("2101A", [ben], [["X", "", "1:00"]]))).rejects.toBeInstanceOf(EntryRulesError);
  });

  it("a teacher sees the entries naming them, names only", async () => {
    const seen = await listTeacherEntries(t.db, teacher, festival.seasonId);
    expect(seen.map((e) => e.id)).toEqual([soloId]);
    expect(JSON.stringify(seen)).not.toMatch(/birthDate|example\.org|2016/);
    expect(await listTeacherEntries(t.db, guardian, festival.seasonId)).toEqual([]);
  });

  it("after the close, entrants cannot change or withdraw; organizers can", async () => {
    await t.db.season.update({ where: { id: festival.seasonId }, data: { entriesCloseAt: new Date(Date.now() - 1000) } });
    await expect(withdrawEntry(t.db, as(guardian, false), soloId)).rejects.toThrow(/Entries closed on/);
    await expect(saveEntry(t.db, as(guardian, false), soloId, entry("2101A", [ada], [["X", "", "1:00"]]))).rejects.toThrow(/Entries closed on/);
    expect((await t.db.entry.findUniqueOrThrow({ where: { id: soloId } })).status).toBe("submitted");
    // An organizer (another account, festival.manage) changes and then withdraws the guardian's entry: each audited.
    const changed = await saveEntry(t.db, as(organizer, true), soloId, entry("2101A", [ada], [["Sonatina", "Clementi", "2:00"]], { teacherId: teacherSelf }));
    expect(changed).toEqual({ id: soloId, accountId: guardian, submitted: false });
    const [view] = await listEntrantEntries(t.db, guardian, festival.seasonId);
    expect(view.pieces.map((p) => p.piece.title)).toEqual(["Sonatina"]);
    expect(await t.db.auditEvent.count({ where: { action: "festival.entry_changed_by_organizer", subjectId: soloId, actorId: organizer } })).toBe(1);
    await withdrawEntry(t.db, as(organizer, true), soloId);
    expect((await t.db.entry.findUniqueOrThrow({ where: { id: soloId } })).status).toBe("withdrawn");
    expect(await t.db.auditEvent.count({ where: { action: "festival.entry_withdrawn_by_organizer", subjectId: soloId } })).toBe(1);
    // The guardian's own changes are not organizer changes, even with the permission: no audit event.
    expect(await t.db.auditEvent.count({ where: { action: "festival.entry_changed_by_organizer", actorId: guardian } })).toBe(0);
  });

  it("organizers filter the season's entries and mark payments, audited", async () => {
    const all = await listSeasonEntries(t.db, festival.seasonId, {}, 1);
    expect(all.total).toBe(2);
    expect((await listSeasonEntries(t.db, festival.seasonId, { performer: "ben" }, 1)).entries.map((e) => e.festivalClass.number)).toEqual(["3100"]);
    expect((await listSeasonEntries(t.db, festival.seasonId, { teacher: "tess" }, 1)).entries.map((e) => e.id)).toEqual([soloId]);
    expect((await listSeasonEntries(t.db, festival.seasonId, { classCode: "2101a", status: "submitted" }, 1)).total).toBe(0);
    const duet = all.entries.find((e) => e.festivalClass.number === "3100")!;
    await markPayment(t.db, CLI_ACTOR, duet.id, 3000);
    expect((await t.db.entry.findUniqueOrThrow({ where: { id: duet.id } })).paidCents).toBe(3000);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "entry.payment_marked" } });
    expect(event).toMatchObject({ subjectId: duet.id, actorLabel: "cli" });
  });

  it("a family editing a duet keeps the partner another account manages", async () => {
    await t.db.season.update({ where: { id: festival.seasonId }, data: { entriesCloseAt: new Date(Date.now() + 86_400_000) } });
    // The teacher enters two students of different families; the stranger's family manages one of them.
    const dee = await createProfile(t.db, stranger, person("Dee Stranger", "2016-02-02"));
    const cal = await createProfile(t.db, teacher, person("Cal Other", "2016-03-03"));
    await t.db.profileManager.create({ data: { profileId: dee, userId: teacher, relationship: "teacher" } });
    const duet = await saveEntry(t.db, as(teacher), null, entry("3100", [dee, cal], [["Duo", "Diabelli", "2:00"]]));
    // The stranger sees it (their child performs) and changes the piece, keeping Cal, whom they do not manage.
    await saveEntry(t.db, as(stranger), duet.id, entry("3100", [dee, cal], [["Duo No. 2", "Diabelli", "2:10"]]));
    const performers = await t.db.entryPerformer.findMany({ where: { entryId: duet.id }, orderBy: { position: "asc" }, select: { profileId: true } });
    expect(performers.map((p) => p.profileId)).toEqual([dee, cal]);
    // But cannot swap in someone else they do not manage.
    await expect(saveEntry(t.db, as(stranger), duet.id, entry("3100", [dee, ada], [["Duo", "Diabelli", "2:00"]]))).rejects.toBeInstanceOf(EntryRulesError);
  });
});
