import { describe, expect, it } from "vitest";
import { entryFormObject, entrySchema, parseMoney, profileSchema } from "@/lib/validation/entries";
import { firstFieldErrors as fieldErrors } from "@/lib/validation/user";
import { formatDuration, parseDuration } from "@/lib/festival/durations";
import { formatCents } from "@/lib/festival/money";
import { formatCalendarDate } from "@/lib/festival/dates";

function form(fields: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of fields) data.append(k, v);
  return data;
}

describe("entry form", () => {
  it("reads performers, piece rows and the class code; empty rows are spare rows", () => {
    const parsed = entrySchema.parse(
      entryFormObject(
        form([
          ["classCode", "2101a Piano Solo, Junior"],
          ["performers", "p1"],
          ["performers", "p2"],
          ["pieces.0.title", " Minuet "],
          ["pieces.0.composer", "Petzold"],
          ["pieces.0.duration", "1:30"],
          ["pieces.1.title", ""],
          ["pieces.1.composer", ""],
          ["pieces.1.duration", ""],
          ["intent", "draft"],
        ]),
      ),
    );
    expect(parsed).toMatchObject({
      intent: "draft",
      classCode: { number: "2101", suffix: "A" },
      performers: ["p1", "p2"],
      accompanistId: null,
      pieces: [{ title: "Minuet", composer: "Petzold", durationSeconds: 90 }],
    });
  });

  it("names the field of each mistake", () => {
    const result = entrySchema.safeParse(
      entryFormObject(form([["classCode", "21"], ["pieces.0.title", ""], ["pieces.0.composer", "Bach"], ["pieces.0.duration", "90"]])),
    );
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      classCode: "Enter a class number, like 2101 or 2101A.",
      performers: "Choose at least one performer.",
      "pieces.0.title": "Enter the title.",
      "pieces.0.duration": "Enter the duration as m:ss, like 3:05.",
    });
  });

  it("checks a person's birth date and a group's size", () => {
    const ok = profileSchema.parse({ kind: "person", relationship: "guardian", name: " Ada ", birthDate: "2016-05-01", email: "ADA@Example.org" });
    expect(ok).toMatchObject({ name: "Ada", birthDate: new Date("2016-05-01T00:00:00Z"), email: "ada@example.org", phone: null });
    const bad = profileSchema.safeParse({ kind: "group", relationship: "self", name: "", birthDate: "2016-02-30", membersCount: "1" });
    expect(fieldErrors(bad.error!)).toMatchObject({
      name: "Enter the name.",
      birthDate: "Enter a birth date in the past, as YYYY-MM-DD.",
      membersCount: "Enter the number of members, 2 to 500.",
    });
  });
});

describe("festival formats", () => {
  it("durations, money and calendar dates", () => {
    expect(parseDuration("3:05")).toBe(185);
    expect(parseDuration("3:60")).toBeNull();
    expect(parseDuration("185")).toBeNull();
    expect(formatDuration(605)).toBe("10:05");
    expect(parseMoney("25.5")).toBe(2550);
    expect(parseMoney("$30")).toBe(3000);
    expect(parseMoney("-1")).toBeNull();
    expect(parseMoney("1.234")).toBeNull();
    expect(formatCents(123456)).toBe("$1,234.56");
    expect(formatCalendarDate(new Date("2027-03-04T00:00:00Z"))).toBe("4 March 2027");
  });
});
