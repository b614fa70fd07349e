import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheVersion } from "@/lib/cache/versions";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTestDb } from "./test-db";
import { CLI_ACTOR, RuleError, type Actor } from "@/lib/auth/actor";
import { ensureStandardLookups } from "@/lib/festival/lookups";
import { guessMapping, type EntryMapping } from "@/lib/festival/import/entry-columns";
import { runAndRecord, runImport } from "@/lib/festival/import/run";
import { findUpload, storeUpload } from "@/lib/festival/import/uploads";
import { readTable } from "@/lib/festival/import/table";
import type { ImportReport } from "@/lib/festival/import/report";
import { csvToWorkbook } from "../fixtures/import/xlsx";

// The import against a real SQLite file: the fixtures (shaped like a form export, with bad rows) give
// the issues they were made to give; the dry run writes nothing; the import writes once; importing the
// same file again changes nothing; an upload belongs to its uploader.

const fixture = (name: string) => readFileSync(join(process.cwd(), "tests", "fixtures", "import", name));

let t: Awaited<ReturnType<typeof createTestDb>>;
let seasonId: string;
const admin: Actor = CLI_ACTOR;

beforeAll(async () => {
  t = await createTestDb();
  await ensureStandardLookups(t.db);
  const season = await t.db.season.create({
    data: {
      name: "2027",
      isCurrent: true,
      entriesOpenAt: new Date(Date.UTC(2027, 0, 1)),
      entriesCloseAt: new Date(Date.UTC(2027, 1, 1)),
      startsOn: new Date(Date.UTC(2027, 3, 10)),
      endsOn: new Date(Date.UTC(2027, 3, 20)),
      ageCutoffOn: new Date(Date.UTC(2026, 11, 31)),
    },
  });
  seasonId = season.id;
});
afterAll(() => t.cleanup());

async function upload(name: string, kind: "syllabus" | "entries", userId = "organizer-1", content: Uint8Array = fixture(name)) {
  const id = await storeUpload(t.db, { userId, seasonId, kind, fileName: name, content });
  return (await findUpload(t.db, userId, id))!;
}

const counts = async () => ({
  classes: await t.db.festivalClass.count({ where: { seasonId } }),
  entries: await t.db.entry.count({ where: { seasonId } }),
  profiles: await t.db.profile.count(),
  pieces: await t.db.piece.count(),
  performers: await t.db.entryPerformer.count(),
});

const issueAt = (report: ImportReport, row: number) => report.issues.filter((i) => i.row === row);

let versionAtStart = 0;
beforeAll(async () => {
  versionAtStart = await cacheVersion(t.db, "syllabus");
});

describe("syllabus import", () => {
  it("a dry run reports every bad row with its column and writes nothing", async () => {
    const report = await runImport(t.db, admin, await upload("syllabus.csv", "syllabus"), { dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.counts).toEqual({ created: 8, updated: 0, unchanged: 0, skipped: 4 });
    expect(issueAt(report, 10)).toEqual([{ row: 10, column: "Discipline", severity: "error", message: 'There is no discipline named "Kazoo".' }]);
    expect(issueAt(report, 11)[0]).toMatchObject({ column: "Fee", severity: "error" });
    expect(issueAt(report, 12)[0]).toMatchObject({ column: "Number", message: "Class 1020 is also on row 3: this row is skipped." });
    expect(issueAt(report, 13)[0]).toMatchObject({ column: "Number", message: "The number has 4 digits, like 2101" });
    expect((await counts()).classes).toBe(0);
    expect(await t.db.auditEvent.count({ where: { action: "festival.syllabus_imported" } })).toBe(0);
    expect(await cacheVersion(t.db, "syllabus")).toBe(versionAtStart); // rolled back too
  });

  it("imports the good rows, audited once; the same file again changes nothing; a changed fee updates", async () => {
    const first = await runImport(t.db, admin, await upload("syllabus.xlsx", "syllabus"), { dryRun: false });
    // The public syllabus's cache key moves with an import that changed classes, not with one that did not.
    const afterFirst = await cacheVersion(t.db, "syllabus");
    expect(afterFirst).not.toBe(versionAtStart);
    expect(first.counts).toEqual({ created: 8, updated: 0, unchanged: 0, skipped: 4 });
    const song = await t.db.festivalClass.findFirstOrThrow({ where: { seasonId, number: "2150" } });
    expect(song).toMatchObject({ name: "Voice Art Song, Senior", feeCents: 2500, maxPerformanceSeconds: 360, minAge: 15, maxAge: 18, testPieces: "Caro mio ben" });
    const before = await t.db.festivalClass.findMany({ where: { seasonId }, orderBy: { number: "asc" } });

    const again = await runImport(t.db, admin, await upload("syllabus.csv", "syllabus"), { dryRun: false });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 8, skipped: 4 });
    expect(await t.db.festivalClass.findMany({ where: { seasonId }, orderBy: { number: "asc" } })).toEqual(before);
    expect(await t.db.auditEvent.count({ where: { action: "festival.syllabus_imported" } })).toBe(2);
    expect(await cacheVersion(t.db, "syllabus")).toBe(afterFirst);

    const changed = Buffer.from(fixture("syllabus.csv").toString("utf8").replace("1030,,Piano Solo Intermediate,Piano,Intermediate,Solo,25.00", "1030,,Piano Solo Intermediate,Piano,Intermediate,Solo,26.50"));
    const third = await runImport(t.db, admin, await upload("syllabus.csv", "syllabus", "organizer-1", changed), { dryRun: false });
    expect(third.counts).toMatchObject({ created: 0, updated: 1, unchanged: 7 });
    expect((await t.db.festivalClass.findFirstOrThrow({ where: { seasonId, number: "1030" } })).feeCents).toBe(2650);
  });

  it("a file without the needed columns says which ones", async () => {
    const report = await runImport(t.db, admin, await upload("x.csv", "syllabus", "organizer-1", Buffer.from("Class,Label\n1010,Piano\n")), { dryRun: true });
    expect(report.issues[0]).toMatchObject({ row: 1, severity: "error" });
    expect(report.issues[0].message).toMatch(/no column for: name, discipline, level, type, fee/);
  });
});

describe("entries import", () => {
  let mapping: EntryMapping;

  beforeAll(async () => {
    // Two people already registered under one name: the file's "Jordan Smith" cannot be matched.
    await t.db.profile.createMany({ data: [{ name: "Jordan Smith", nameKey: "jordan smith" }, { name: "Jordan  SMITH", nameKey: "jordan smith" }] });
    mapping = guessMapping((await readTable(fixture("entries.csv"), "entries.csv")).headers);
  });

  it("guesses the mapping of a form export from its headers", () => {
    expect(mapping.fields).toMatchObject({
      timestamp: "Timestamp",
      submitterEmail: "Email Address",
      submitterName: "Your name",
      submitterPhone: "Phone number",
      performers: "Performer name(s)",
      birthDate: "Date of birth",
      teacher: "Teacher",
      school: "School",
      accompanistName: "Accompanist",
      accompanistPhone: "Accompanist phone",
      accompanistEmail: "Accompanist email",
      fee: "Fee",
      paid: "Paid",
    });
    expect(mapping.groups).toEqual([
      { classNumber: "Class number", title: "Piece title", composer: "Composer", duration: "Duration (minutes)" },
      { classNumber: "Class number 2", title: "Piece title 2", composer: "Composer 2", duration: "Duration (minutes) 2" },
    ]);
  });

  it("a dry run lists every issue with its row and column, and writes nothing", async () => {
    const before = await counts();
    const report = await runImport(t.db, admin, await upload("entries.csv", "entries"), { dryRun: true, mapping });
    expect(await counts()).toEqual(before);
    expect(report.counts).toEqual({ created: 8, updated: 0, unchanged: 0, skipped: 4 });
    expect(report.profilesCreated).toBe(11);
    expect(report.piecesCreated).toBe(7);
    const brief = report.issues.map((i) => [i.row, i.column, i.severity]);
    expect(brief).toEqual([
      [4, "Class number", "error"], // 9999: not in the syllabus
      [5, "Performer name(s)", "warning"], // one performer in a duet
      [6, "Performer name(s)", "warning"], // 16 in a class for 9 to 11
      [7, "Duration (minutes) 2", "error"], // "about five"
      [7, "Duration (minutes)", "warning"], // 5:00 in a class of 4:00
      [8, "Class number", "error"], // the same as row 3
      [9, "Fee", "warning"], // $99 against $22
      [10, "Performer name(s)", "error"], // two Jordan Smiths registered
    ]);
    expect(issueAt(report, 4)[0].message).toBe("There is no class 9999 in this season's syllabus.");
    expect(issueAt(report, 5)[0].message).toBe("Class 3100 is a Duet: it takes 2 performers, not 1.");
    expect(issueAt(report, 6)[0].message).toBe("Noah Kim is 16 on the cut-off date; class 1020 is for ages 9 to 11.");
    expect(issueAt(report, 8)[0].message).toBe("Class 3100: the same entry as on row 3 (a duplicate row): skipped.");
    expect(issueAt(report, 9)[0].message).toBe("The fee is $99.00; the syllabus's fees for 1020 add up to $22.00.");
    expect(issueAt(report, 10)[0].message).toMatch(/Jordan Smith matches 2 people already registered/);
  });

  it("imports all of it at once, matching people and pieces; the same file (CSV or XLSX) again changes nothing", async () => {
    const before = await counts();
    const report = await runImport(t.db, admin, await upload("entries.csv", "entries"), { dryRun: false, mapping });
    expect(report.counts).toEqual({ created: 8, updated: 0, unchanged: 0, skipped: 4 });
    const after = await counts();
    expect(after.entries - before.entries).toBe(8);
    expect(after.profiles - before.profiles).toBe(11);
    expect(after.pieces - before.pieces).toBe(7);

    // One teacher for all her students' entries; one piece for "Für Elise" and "Fur Elise".
    const wieck = await t.db.profile.findMany({ where: { nameKey: "clara wieck" }, include: { _count: { select: { teaching: true } } } });
    expect(wieck.map((p) => p._count.teaching)).toEqual([4]);
    const leo = await t.db.entry.findMany({
      where: { seasonId, performers: { some: { profile: { nameKey: "leo zhou" } } } },
      orderBy: { festivalClass: { number: "asc" } },
      select: { feeCents: true, paidCents: true, status: true, submitterEmail: true, festivalClass: { select: { number: true } }, accompanist: { select: { name: true, phone: true } } },
    });
    expect(leo).toEqual([
      { feeCents: 2200, paidCents: 2200, status: "submitted", submitterEmail: "amy@example.org", festivalClass: { number: "1020" }, accompanist: { name: "Johannes Brahms", phone: "416-555-0199" } },
      { feeCents: 2000, paidCents: 0, status: "submitted", submitterEmail: "amy@example.org", festivalClass: { number: "2101" }, accompanist: { name: "Johannes Brahms", phone: "416-555-0199" } },
    ]);
    const duet = await t.db.entry.findFirstOrThrow({ where: { seasonId, festivalClass: { number: "3100" }, submitterEmail: "chen.family@example.org" }, include: { performers: { include: { profile: true }, orderBy: { position: "asc" } } } });
    expect(duet.performers.map((p) => [p.profile.name, p.profile.birthDate?.toISOString().slice(0, 10)])).toEqual([
      ["Lily Chen", "2016-03-03"],
      ["Max Chen", "2017-07-09"],
    ]);
    expect(duet.submittedAt?.toISOString()).toBe("2027-01-15T14:40:00.000Z"); // 9:40 in Toronto
    expect(await t.db.auditEvent.count({ where: { action: "festival.entries_imported" } })).toBe(1);

    for (const name of ["entries.csv", "entries.xlsx"]) {
      const again = await runImport(t.db, admin, await upload(name, "entries"), { dryRun: false, mapping });
      expect(again.counts, name).toEqual({ created: 0, updated: 0, unchanged: 8, skipped: 4 });
      expect(await counts(), name).toEqual(after);
    }
  });

  it("a failure in the middle of an import leaves nothing behind (all or nothing)", async () => {
    const before = await counts();
    const csv = fixture("entries.csv").toString("utf8").replaceAll("maria.lopez@example.org", "new@example.org").replaceAll("amy@example.org", "amy2@example.org");
    const upl = await upload("entries.csv", "entries", "organizer-1", Buffer.from(csv));
    // The last write fails (as a full disk would): what the import wrote before it must go too.
    const trigger = `CREATE TRIGGER fail_import BEFORE INSERT ON EntryPiece WHEN (SELECT count(*) FROM EntryPiece) > 0 BEGIN SELECT RAISE(ABORT, 'disk full'); END`;
    await t.db.$executeRawUnsafe(trigger);
    try {
      await expect(runImport(t.db, admin, upl, { dryRun: false, mapping })).rejects.toThrow();
    } finally {
      await t.db.$executeRawUnsafe("DROP TRIGGER fail_import");
    }
    expect(await counts()).toEqual(before);
  });

  it("the mapping used by a dry run is remembered for the season; an upload is its uploader's only", async () => {
    const mine = await upload("entries.csv", "entries", "organizer-2");
    await runAndRecord(t.db, admin, mine, { dryRun: true, mapping });
    const remembered = await t.db.importMapping.findUniqueOrThrow({ where: { seasonId } });
    expect(JSON.parse(remembered.columns)).toEqual(mapping);
    expect(await findUpload(t.db, "organizer-3", mine.id)).toBeNull();
    expect(await findUpload(t.db, "organizer-2", mine.id, new Date(Date.now() + 2 * 3600_000))).toBeNull();
  });

  it("only festival.manage may import", async () => {
    const reader: Actor = { audit: { id: "u", email: "r@example.org" }, permissions: ["festival.read"], ip: null };
    await expect(runImport(t.db, reader, await upload("entries.csv", "entries"), { dryRun: true, mapping })).rejects.toThrow(RuleError);
  });

  it("an XLSX export with date cells reads like its CSV", async () => {
    const csv = await readTable(fixture("entries.csv"), "entries.csv");
    const xlsx = await readTable(fixture("entries.xlsx"), "entries.xlsx");
    expect(xlsx.headers).toEqual(csv.headers);
    // Dates become ISO text, amounts numbers: each still reads as the same value.
    expect(xlsx.rows[0].cells.slice(0, 6)).toEqual(["2027-01-15 09:02:11", "maria.lopez@example.org", "Maria Lopez", "416-555-0101", "Sofia Lopez", "2018-05-01"]);
    expect(xlsx.rows.map((r) => r.line)).toEqual(csv.rows.map((r) => r.line));
    void csvToWorkbook;
  });
});
