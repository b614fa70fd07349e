import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "./test-db";
import { createReportFixture, type ReportFixture } from "../support/report-fixtures";
import { classReport, classReportRows } from "@/lib/festival/reports/classes";
import { classFilters, feeFilters, peopleFilters } from "@/lib/festival/reports/params";
import { feeReport } from "@/lib/festival/reports/fees";
import { peopleReport } from "@/lib/festival/reports/people";
import { entriesPerDay, entriesPerDiscipline } from "@/lib/festival/reports/charts";

let t: Awaited<ReturnType<typeof createTestDb>>;
let f: ReportFixture;
let other: ReportFixture;

beforeAll(async () => {
  t = await createTestDb();
  f = await createReportFixture(t.db);
  // A second season with the same shape: its entries must not leak into the first one's report.
  other = await createReportFixture(t.db);
});
afterAll(() => t.cleanup());

const brief = (rows: Awaited<ReturnType<typeof classReportRows>>["rows"]) =>
  rows.map((r) => [r.code, r.entries, r.pieceSeconds, r.plannedSeconds, r.dueCents, r.paidCents]);

describe("the classes report", () => {
  it("sums submitted entries per class in the database: entries, pieces, planned time, fees", async () => {
    const { rows, totals } = await classReportRows(t.db, f.seasonId, {});
    expect(brief(rows)).toEqual([
      // 2 entries of 150 s and 120 s of music, (120 s adjudication + 30 s move) each.
      ["2101A", 2, 270, 270 + 2 * 150, 4000, 2000],
      ["2150", 0, 0, 0, 0, 0],
      ["3100", 1, 200, 200 + 240, 3000, 1000],
      // The draft 4100 entry counts nowhere; neither does the withdrawn 2101A one.
      ["4100", 1, 150, 150 + 90, 2500, 2500],
    ]);
    expect(totals).toEqual({ entries: 4, pieceSeconds: 620, plannedSeconds: 570 + 440 + 240, dueCents: 9500, paidCents: 5500 });
  });

  it("filters by discipline, number prefix and name words, hides empty classes, sorts", async () => {
    const codes = async (query: Record<string, string>) => (await classReportRows(t.db, f.seasonId, classFilters(query))).rows.map((r) => r.code);
    expect(await codes({ discipline: f.voiceId })).toEqual(["4100"]);
    expect(await codes({ q: "21" })).toEqual(["2101A", "2150"]);
    expect(await codes({ q: "2101a" })).toEqual(["2101A"]);
    expect(await codes({ q: "piano duet" })).toEqual(["3100"]);
    expect(await codes({ empty: "hide" })).toEqual(["2101A", "3100", "4100"]);
    expect(await codes({ sort: "planned", dir: "desc" })).toEqual(["2101A", "3100", "4100", "2150"]);
    expect(await codes({ sort: "outstanding", dir: "desc", empty: "hide" })).toEqual(["2101A", "3100", "4100"]);
    // An unknown sort key keeps the class order rather than failing.
    expect(await codes({ sort: "nope" })).toEqual(["2101A", "2150", "3100", "4100"]);
  });

  it("the table has the columns and a totals row over the shown rows", async () => {
    const table = await classReport(t.db, f.seasonId, classFilters({ discipline: f.pianoId }));
    expect(table.columns.map((c) => c.header)).toEqual(["Class", "Name", "Discipline", "Level", "Type", "Entries", "Pieces time", "Planned time", "Fees due", "Paid", "Outstanding"]);
    expect(table.rows).toHaveLength(3);
    expect(table.totals).toEqual(["Total", null, null, null, null, 3, 470, 1010, 7000, 3000, 4000]);
  });

  it("another season's report is its own", async () => {
    const { totals } = await classReportRows(t.db, other.seasonId, {});
    expect(totals.entries).toBe(4);
    expect(await classReportRows(t.db, "no-such-season", {})).toEqual({ rows: [], totals: { entries: 0, pieceSeconds: 0, plannedSeconds: 0, dueCents: 0, paidCents: 0 } });
  });
});

describe("the fees report", () => {
  it("sums due, paid and outstanding per payer (an account, or an imported submitter) and in total", async () => {
    const table = await feeReport(t.db, f.seasonId, feeFilters({}));
    expect(table.columns.map((c) => c.header)).toEqual(["Payer", "E-mail", "Entries", "Fees due", "Paid", "Outstanding"]);
    expect(table.rows).toEqual([
      ["Pat Payer", f.accountEmail, 3, 7000, 3000, 4000],
      ["Sam Sender", expect.stringMatching(/^sam-/), 1, 2500, 2500, 0],
    ]);
    expect(table.totals).toEqual(["Total", null, 4, 9500, 5500, 4000]);
    expect((await feeReport(t.db, f.seasonId, feeFilters({ owing: "1" }))).rows.map((r) => r[0])).toEqual(["Pat Payer"]);
  });
});

describe("the people report", () => {
  it("lists a teacher's entries and classes, one row per entry", async () => {
    const table = await peopleReport(t.db, f.seasonId, peopleFilters({ role: "teacher", name: f.teacherName.slice(0, 8) }));
    expect(table.columns.map((c) => c.header)).toEqual(["Teacher", "E-mail", "Class", "Class name", "Discipline", "Performers"]);
    // Only this season's teacher (the other season's has another name), the withdrawn entry left out.
    expect(table.rows.map((r) => [r[0], r[2], r[5]])).toEqual([
      [f.teacherName, "2101A", expect.stringMatching(/^Ada Lovelace/)],
      [f.teacherName, "2101A", expect.stringMatching(/^Ben Lovelace/)],
      [f.teacherName, "3100", expect.stringMatching(/^Ada Lovelace .*, Ben Lovelace/)],
    ]);
  });

  it("lists by accompanist, performer and school", async () => {
    const people = async (role: string) => (await peopleReport(t.db, f.seasonId, peopleFilters({ role }))).rows.map((r) => `${String(r[0]).split(" ")[0]} ${r[role === "school" ? 1 : 2]}`);
    expect(await people("accompanist")).toEqual(["Alan 2101A", "Alan 4100"]);
    expect(await people("performer")).toEqual(["Ada 2101A", "Ada 3100", "Ben 2101A", "Ben 3100", "Cleo 4100"]);
    // Both duet performers go to Maple School: the entry is listed once for it.
    expect(await people("school")).toEqual(["Maple 2101A", "Maple 2101A", "Maple 3100"]);
  });
});

describe("the overview's charts", () => {
  it("count entries received per day in the festival's zone, quiet days as 0, and entries per discipline", async () => {
    // Submitted on 10 Jan (2), withdrawn after submitting on 11 Jan (1: it was received), 12 Jan (2); the draft was never received.
    expect(await entriesPerDay(t.db, f.seasonId, "America/Toronto")).toEqual([
      { label: "10 Jan", value: 2 },
      { label: "11 Jan", value: 1 },
      { label: "12 Jan", value: 2 },
    ]);
    expect(await entriesPerDiscipline(t.db, f.seasonId)).toEqual([
      { label: "Piano", value: 3 },
      { label: "Voice", value: 1 },
    ]);
  });
});
