import { describe, expect, it } from "vitest";
import { classFormSchema, lookupFormSchema, performanceTypeFormSchema, seasonFormSchema } from "@/lib/validation/festival";
import { parseCalendarDate, parseLocalDateTime, toLocalDateTimeInput } from "@/lib/festival/dates";
import { formatCents, parseCents, parseDuration } from "@/lib/festival/units";
import { filterSyllabus, matchesSearch, type SyllabusClass } from "@/lib/festival/syllabus-filter";
import { entriesAreOpen } from "@/lib/festival/current-season";

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

const SEASON = { name: "2027", entriesOpenAt: "2027-01-10T09:00", entriesCloseAt: "2027-02-28T23:59", startsOn: "2027-04-19", endsOn: "2027-04-30", ageCutoffOn: "2026-12-31" };

describe("season form", () => {
  it("reads the entry window in the festival's time zone and the days as UTC midnight", () => {
    const s = seasonFormSchema.parse(SEASON);
    expect(s.entriesOpenAt.toISOString()).toBe("2027-01-10T14:00:00.000Z"); // EST, UTC-5
    expect(s.startsOn.toISOString()).toBe("2027-04-19T00:00:00.000Z");
    expect(s.makeCurrent).toBe(false);
    expect(seasonFormSchema.parse({ ...SEASON, makeCurrent: "on" }).makeCurrent).toBe(true);
  });

  it("puts each refusal next to its field", () => {
    expect(errorsOf(seasonFormSchema.safeParse({ ...SEASON, entriesCloseAt: "2027-01-10T09:00" }))).toEqual({ entriesCloseAt: "Entries must close after they open" });
    expect(errorsOf(seasonFormSchema.safeParse({ ...SEASON, endsOn: "2027-04-18" }))).toEqual({ endsOn: "The last day cannot be before the first" });
    expect(errorsOf(seasonFormSchema.safeParse({ ...SEASON, name: " ", startsOn: "2027-02-30" }))).toMatchObject({
      name: "Enter a name, like 2027",
      startsOn: "Enter the first festival day as a date (YYYY-MM-DD)",
    });
  });
});

describe("festival time", () => {
  it("converts local times across daylight saving changes and back", () => {
    expect(parseLocalDateTime("2027-07-01T12:00", "America/Toronto")?.toISOString()).toBe("2027-07-01T16:00:00.000Z"); // EDT
    expect(parseLocalDateTime("2027-03-14T02:30", "America/Toronto")?.toISOString()).toBe("2027-03-14T07:30:00.000Z"); // skipped hour
    expect(toLocalDateTimeInput(new Date("2027-11-07T05:30:00Z"), "America/Toronto")).toBe("2027-11-07T01:30");
    expect(parseLocalDateTime("2027-13-01T10:00")).toBeNull();
    expect(parseCalendarDate("2027-02-29")).toBeNull();
    expect(parseCalendarDate("2028-02-29")?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
  });

  it("says entries are open from the opening instant until (not at) the closing one", () => {
    const season = { entriesOpenAt: new Date("2027-01-10T14:00:00Z"), entriesCloseAt: new Date("2027-03-01T04:59:00Z") };
    expect(entriesAreOpen(season, new Date("2027-01-10T13:59:59Z"))).toBe(false);
    expect(entriesAreOpen(season, new Date("2027-01-10T14:00:00Z"))).toBe(true);
    expect(entriesAreOpen(season, new Date("2027-03-01T04:59:00Z"))).toBe(false);
  });
});

describe("class form", () => {
  const CLASS = { number: "2101", suffix: "a", name: "Piano Solo", disciplineId: "d", levelId: "l", performanceTypeId: "p", fee: "$25.5", minAge: "8", maxAge: "", maxPerformanceTime: "5:30" };

  it("stores money in cents, times in seconds, an upper-case suffix and empty limits as null", () => {
    expect(classFormSchema.parse(CLASS)).toMatchObject({
      number: "2101",
      suffix: "A",
      feeCents: 2550,
      minAge: 8,
      maxAge: null,
      maxPerformanceSeconds: 330,
      adjudicationSeconds: 0,
      moveSeconds: 0,
      testPieces: "",
    });
  });

  it("refuses bad numbers, fees, ages and times next to their fields", () => {
    const errors = errorsOf(classFormSchema.safeParse({ ...CLASS, number: "210", suffix: "A1", fee: "12.345", minAge: "10", maxAge: "9", maxPerformanceTime: "5:75", disciplineId: "" }));
    expect(Object.keys(errors).sort()).toEqual(["disciplineId", "fee", "maxPerformanceTime", "number", "suffix"]);
    expect(errors.number).toBe("The number has 4 digits, like 2101");
    // The cross-field rule runs once the fields themselves are valid.
    expect(errorsOf(classFormSchema.safeParse({ ...CLASS, minAge: "10", maxAge: "9" }))).toEqual({ maxAge: "The maximum age cannot be below the minimum" });
    expect(errorsOf(classFormSchema.safeParse({ ...CLASS, fee: "10000.01" })).fee).toMatch(/at most 10000/);
  });
});

describe("lookup forms", () => {
  it("default the order to 0 and keep a performance type's range coherent", () => {
    expect(lookupFormSchema.parse({ name: "Harp" })).toEqual({ name: "Harp", sortOrder: 0 });
    expect(performanceTypeFormSchema.parse({ name: "Ensemble", minPerformers: "2", maxPerformers: "" }).maxPerformers).toBeNull();
    expect(errorsOf(performanceTypeFormSchema.safeParse({ name: "Trio", minPerformers: "3", maxPerformers: "2" }))).toEqual({ maxPerformers: "Most performers cannot be below fewest" });
    expect(errorsOf(performanceTypeFormSchema.safeParse({ name: "Solo", minPerformers: "0" })).minPerformers).toMatch(/from 1/);
  });
});

describe("units", () => {
  it("parse and format money and durations", () => {
    expect([parseCents("12"), parseCents("12.5"), parseCents("0.05"), parseCents("1,000"), parseCents("-3")]).toEqual([1200, 1250, 5, null, null]);
    expect(formatCents(2550)).toBe("$25.50");
    expect([parseDuration("5"), parseDuration("0:45"), parseDuration("5:60"), parseDuration("")]).toEqual([300, 45, null, null]);
  });
});

describe("syllabus filters", () => {
  const c = (code: string, name: string, discipline = "Piano", level = "Junior", performanceType = "Solo") =>
    ({ id: code, code, number: code.slice(0, 4), suffix: code.slice(4), name, discipline, level, performanceType, feeCents: 0, minAge: null, maxAge: null, maxPerformanceSeconds: null, testPieces: "", description: "" }) satisfies SyllabusClass;
  const classes = [c("2101A", "Baroque Solo"), c("2101B", "Romantic Solo"), c("2210", "Chanson française", "Voice", "Senior"), c("3101", "Piano Duet", "Piano", "Junior", "Duet")];

  it("search a number prefix, or every word of the name regardless of case and accents", () => {
    expect(matchesSearch(classes[0], "2101a")).toBe(true);
    expect(matchesSearch(classes[0], "21")).toBe(true);
    expect(matchesSearch(classes[0], "3101")).toBe(false);
    expect(matchesSearch(classes[2], "CHANSON francaise")).toBe(true);
    expect(matchesSearch(classes[2], "chanson solo")).toBe(false);
  });

  it("combine discipline, level, type and search", () => {
    const codes = (f: Parameters<typeof filterSyllabus>[1]) => filterSyllabus(classes, f).map((x) => x.code);
    expect(codes({ discipline: "Piano" })).toEqual(["2101A", "2101B", "3101"]);
    expect(codes({ discipline: "Piano", type: "Solo", q: "romantic" })).toEqual(["2101B"]);
    expect(codes({ level: "Senior" })).toEqual(["2210"]);
    expect(codes({})).toHaveLength(4);
  });
});
