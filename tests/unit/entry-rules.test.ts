import { describe, expect, it } from "vitest";
import { ageOn, checkEntry, hasTestPiece, type EntryFacts, type RuleClass } from "@/lib/festival/entry-rules";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);
const season = {
  id: "s1",
  entriesOpenAt: new Date("2027-01-01T05:00:00Z"),
  entriesCloseAt: new Date("2027-02-01T05:00:00Z"),
  ageCutoffOn: utc("2026-12-31"),
};
const solo: RuleClass = {
  seasonId: "s1",
  number: "2101",
  suffix: "A",
  minAge: 8,
  maxAge: 10,
  maxPerformanceSeconds: 240,
  testPieces: "",
  performanceType: { name: "Solo", minPerformers: 1, maxPerformers: 1 },
};
const ada = { id: "p-ada", name: "Ada", kind: "person", birthDate: utc("2017-06-01") }; // 9 on the cut-off
const ben = { id: "p-ben", name: "Ben", kind: "person", birthDate: utc("2018-12-31") }; // 8 on the cut-off
const piece = { title: "Minuet in G", composer: "Petzold", durationSeconds: 120 };

function facts(over: Partial<EntryFacts> = {}): EntryFacts {
  return {
    season,
    festivalClass: solo,
    classCodeText: "2101A",
    performers: [ada],
    pieces: [piece],
    alreadyEnteredIds: new Set(),
    canManage: false,
    now: new Date("2027-01-15T12:00:00Z"),
    ...over,
  };
}

const fields = (f: EntryFacts) => checkEntry(f).map((x) => x.field);

describe("entry rules", () => {
  it("accept a valid entry", () => {
    expect(checkEntry(facts())).toEqual([]);
  });

  it("refuse a class that is not in the current season", () => {
    expect(checkEntry(facts({ festivalClass: null, classCodeText: "9999" }))).toEqual([
      { field: "classCode", message: "There is no class 9999 in this season's syllabus." },
    ]);
    expect(fields(facts({ festivalClass: { ...solo, seasonId: "old" } }))).toEqual(["classCode"]);
  });

  it("count performers against the performance type", () => {
    const [failure] = checkEntry(facts({ performers: [ada, ben] }));
    expect(failure).toEqual({ field: "performers", message: "Class 2101A is a Solo: it takes 1 performer, not 2." });
    const duet = { ...solo, minAge: null, maxAge: null, performanceType: { name: "Duet", minPerformers: 2, maxPerformers: 2 } };
    expect(fields(facts({ festivalClass: duet, performers: [ada] }))).toEqual(["performers"]);
    expect(checkEntry(facts({ festivalClass: duet, performers: [ada, ben] }))).toEqual([]);
    const ensemble = { ...duet, performanceType: { name: "Ensemble", minPerformers: 2, maxPerformers: null } };
    expect(checkEntry(facts({ festivalClass: ensemble, performers: [ada] }))[0].message).toMatch(/at least 2 performers, not 1/);
  });

  it("refuse the same performer twice in one entry", () => {
    const duet = { ...solo, performanceType: { name: "Duet", minPerformers: 2, maxPerformers: 2 } };
    expect(checkEntry(facts({ festivalClass: duet, performers: [ada, ada] }))[0].message).toBe("Each performer can be named only once.");
  });

  it("take ages on the season's cut-off date", () => {
    expect(ageOn(utc("2017-06-01"), utc("2026-12-31"))).toBe(9);
    expect(ageOn(utc("2018-12-31"), utc("2026-12-31"))).toBe(8);
    expect(ageOn(utc("2019-01-01"), utc("2026-12-31"))).toBe(7);
    const young = { ...ada, birthDate: utc("2019-01-01") };
    expect(checkEntry(facts({ performers: [young] }))).toEqual([
      { field: "performers", message: "Ada is 7 on the cut-off date; class 2101A is for ages 8 to 10." },
    ]);
    expect(fields(facts({ performers: [ben] }))).toEqual([]);
    expect(fields(facts({ performers: [{ ...ada, birthDate: utc("2016-01-01") }] }))).toEqual([]); // 10
    expect(fields(facts({ performers: [{ ...ada, birthDate: utc("2015-12-31") }] }))).toEqual(["performers"]); // 11
  });

  it("ask for a birth date when the class has an age limit, and skip groups", () => {
    expect(checkEntry(facts({ performers: [{ ...ada, birthDate: null }] }))[0].message).toMatch(/Add Ada's birth date/);
    expect(checkEntry(facts({ performers: [{ id: "g", name: "Trio", kind: "group", birthDate: null }] }))).toEqual([]);
    expect(checkEntry(facts({ festivalClass: { ...solo, minAge: null, maxAge: null }, performers: [{ ...ada, birthDate: null }] }))).toEqual([]);
  });

  it("keep the total duration within the class's maximum", () => {
    expect(checkEntry(facts({ pieces: [piece, { ...piece, title: "Other", durationSeconds: 120 }] }))).toEqual([]);
    expect(checkEntry(facts({ pieces: [piece, { ...piece, title: "Other", durationSeconds: 121 }] }))).toEqual([
      { field: "pieces", message: "The pieces last 4:01 in all; class 2101A allows at most 4:00." },
    ]);
    expect(checkEntry(facts({ festivalClass: { ...solo, maxPerformanceSeconds: null }, pieces: [{ ...piece, durationSeconds: 3600 }] }))).toEqual([]);
  });

  it("need at least one piece", () => {
    expect(checkEntry(facts({ pieces: [] }))).toEqual([{ field: "pieces", message: "Add at least one piece." }]);
  });

  it("refuse a performer already in the class", () => {
    expect(checkEntry(facts({ alreadyEnteredIds: new Set(["p-ada"]) }))).toEqual([
      { field: "performers", message: "Ada is already entered in class 2101A." },
    ]);
  });

  it("require the test piece when the class names one", () => {
    const test = { ...solo, testPieces: "Bach: Minuet in G major, BWV Anh. 114" };
    expect(fields(facts({ festivalClass: test, pieces: [{ ...piece, title: "Sonatina" }] }))).toEqual(["pieces"]);
    expect(checkEntry(facts({ festivalClass: test, pieces: [{ ...piece, title: "Minuet in G" }] }))).toEqual([]);
    expect(hasTestPiece("", [])).toBe(true);
    expect(hasTestPiece("Für Elise", [{ ...piece, title: "fur elise" }])).toBe(true);
  });

  it("refuse changes outside the entry window unless the caller manages the festival", () => {
    const late = new Date("2027-02-01T05:00:00Z");
    const [closed] = checkEntry(facts({ now: late }));
    expect(closed.field).toBe("form");
    expect(closed.message).toMatch(/^Entries closed on /);
    expect(checkEntry(facts({ now: new Date("2026-12-01T00:00:00Z") }))[0].message).toMatch(/^Entries open on /);
    expect(checkEntry(facts({ now: late, canManage: true }))).toEqual([]);
  });
});
