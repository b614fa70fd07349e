import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { readTable, TableError } from "@/lib/festival/import/table";
import { MAX_IMPORT_ROWS } from "@/lib/festival/import/limits";
import { fitMapping, guessMapping, mappingErrors, mappingFromForm } from "@/lib/festival/import/entry-columns";
import { parseBirthDate, parseMinutes, parsePaid, parseTimestamp, splitNames } from "@/lib/festival/import/values";

// Reading an uploaded file and its cells: everything that is not a faithful table of values is refused
// with a message that says what to do (never an exception the page cannot explain).

const text = (s: string) => new TextEncoder().encode(s);

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet("Sheet1"));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  try {
    await readTable(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(TableError);
    return (error as Error).message;
  }
  throw new Error("not refused");
}

describe("reading a file", () => {
  it("CSV: quoted commas and line breaks, a BOM, empty rows keep the row numbers", async () => {
    const table = await readTable(text('\uFEFFName,Notes\n"Lee, Ann","two\nlines"\n,\nBo,x\n'), "a.csv");
    expect(table.headers).toEqual(["Name", "Notes"]);
    expect(table.rows).toEqual([
      { line: 2, cells: ["Lee, Ann", "two\nlines"] },
      { line: 4, cells: ["Bo", "x"] },
    ]);
  });

  it("duplicate headers are told apart", async () => {
    expect((await readTable(text("Class,Class,\n1,2,3\n"), "a.csv")).headers).toEqual(["Class", "Class (2)", "Column 3"]);
  });

  it("refuses what it cannot read faithfully, saying what to do", async () => {
    expect(await refusal(text("Name\n\xff"), "a.pdf")).toBe("Upload a .csv or .xlsx file.");
    expect(await refusal(new Uint8Array([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0xe9, 0x74, 0xe9]), "latin1.csv")).toMatch(/not UTF-8 .*CSV UTF-8/);
    expect(await refusal(new Uint8Array([0xff, 0xfe, 0x4e, 0x00]), "utf16.csv")).toMatch(/UTF-16/);
    expect(await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), "old.xls")).toMatch(/old Excel \(\.xls\)/);
    expect(await refusal(text("Name\nAnn\n"), "fake.xlsx")).toMatch(/not an Excel workbook/);
    expect(await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "broken.xlsx")).toMatch(/not a readable Excel workbook/);
    expect(await refusal(new Uint8Array(0), "empty.csv")).toBe("The file is empty.");
    expect(await refusal(text("Name\n"), "header.csv")).toMatch(/no data rows/);
    expect(await refusal(text('Name\n"open quote\n'), "quote.csv")).toMatch(/quoted cell is not closed/);
    expect(await refusal(text(`Name\n${"x\n".repeat(MAX_IMPORT_ROWS + 1)}`), "big.csv")).toMatch(/5001 rows; at most 5000/);
  });

  it("XLSX: values, dates, numbers and rich text as text; a formula or an error cell is refused with its address", async () => {
    const good = await xlsx((sheet) => {
      sheet.addRow(["Name", "Born", "Fee", "Paid", "Note"]);
      sheet.addRow(["Ann", new Date(Date.UTC(2016, 2, 9)), 25.5, true, { richText: [{ text: "Bold " }, { text: "and plain" }] }]);
      sheet.addRow(["Bo", new Date(Date.UTC(2027, 0, 15, 9, 40, 27)), 20, false, { text: "link", hyperlink: "https://example.org" }]);
    });
    const table = await readTable(good, "good.xlsx");
    expect(table.rows.map((r) => r.cells)).toEqual([
      ["Ann", "2016-03-09", "25.5", "TRUE", "Bold and plain"],
      ["Bo", "2027-01-15 09:40:27", "20", "FALSE", "link"],
    ]);
    const formula = await xlsx((sheet) => {
      sheet.addRow(["Name", "Fee"]);
      sheet.addRow(["Ann", { formula: "10+10", result: 20 }]);
    });
    expect(await refusal(formula, "f.xlsx")).toMatch(/^Cell B2 holds a formula: .*paste them as values/);
    const error = await xlsx((sheet) => {
      sheet.addRow(["Name", "Fee"]);
      sheet.addRow(["Ann", { error: "#DIV/0!" }]);
    });
    expect(await refusal(error, "e.xlsx")).toMatch(/^Cell B2 holds an error \(#DIV\/0!\)/);
  });
});

describe("cell values", () => {
  it("birth dates: ISO and month/day/year only", () => {
    expect(parseBirthDate("2016-03-09")?.toISOString()).toBe("2016-03-09T00:00:00.000Z");
    expect(parseBirthDate("3/9/2016")?.toISOString()).toBe("2016-03-09T00:00:00.000Z");
    expect(parseBirthDate("31/12/2016")).toBeNull();
    expect(parseBirthDate("2016-02-30")).toBeNull();
    expect(parseBirthDate("soon")).toBeNull();
  });

  it("timestamps in the festival's time zone", () => {
    expect(parseTimestamp("1/15/2027 9:40:27")?.toISOString()).toBe("2027-01-15T14:40:00.000Z");
    expect(parseTimestamp("2027-07-01 09:00:00")?.toISOString()).toBe("2027-07-01T13:00:00.000Z");
    expect(parseTimestamp("yesterday")).toBeNull();
  });

  it("durations in minutes", () => {
    expect(["4", "4.5", "4,5", "3:30", "3 min", "0:45"].map(parseMinutes)).toEqual([240, 270, 270, 210, 180, 45]);
    expect(["about five", "", "3:75", "-2"].map(parseMinutes)).toEqual([null, null, null, null]);
  });

  it("paid: a flag or an amount", () => {
    expect(["Yes", "TRUE", "x", "No", "", "$22.00", "nope"].map(parsePaid)).toEqual([{ all: true }, { all: true }, { all: true }, { cents: 0 }, { cents: 0 }, { cents: 2200 }, null]);
  });

  it("performer names", () => {
    expect(splitNames("Lily Chen & Max Chen")).toEqual(["Lily Chen", "Max Chen"]);
    expect(splitNames("Ann Lee; Bo Chen and Sandy Anderson\nCy Park")).toEqual(["Ann Lee", "Bo Chen", "Sandy Anderson", "Cy Park"]);
  });
});

describe("the column mapping", () => {
  const headers = ["Timestamp", "Email Address", "Performer name(s)", "Class", "Title", "Composer", "Duration", "2nd Class", "2nd Title", "2nd Composer", "2nd Duration", "Notes"];

  it("is guessed from the headers, groups by their numbers", () => {
    const mapping = guessMapping(headers);
    expect(mapping.fields).toEqual({ timestamp: "Timestamp", submitterEmail: "Email Address", performers: "Performer name(s)" });
    expect(mapping.groups).toEqual([
      { classNumber: "Class", title: "Title", composer: "Composer", duration: "Duration" },
      { classNumber: "2nd Class", title: "2nd Title", composer: "2nd Composer", duration: "2nd Duration" },
    ]);
    expect(mappingErrors(mapping)).toEqual([]);
  });

  it("the form's selects: only this file's headers count; what is missing is said", () => {
    const form = new FormData();
    form.set("field.performers", "Performer name(s)");
    form.set("field.teacher", "Not a header");
    form.set("group.0.classNumber", "Class");
    const { mapping, errors } = mappingFromForm(form, headers);
    expect(mapping).toEqual({ fields: { performers: "Performer name(s)" }, groups: [{ classNumber: "Class" }] });
    expect(errors).toEqual(["Class group 1: choose its piece title and duration columns too."]);
    expect(mappingFromForm(new FormData(), headers).errors).toEqual([
      "Choose the column of performer name(s).",
      "Choose the column of the class number (at least one group).",
    ]);
  });

  it("a remembered mapping keeps only the headers this file has", () => {
    expect(fitMapping({ fields: { performers: "Performer name(s)", teacher: "Teacher" }, groups: [{ classNumber: "Class" }, { classNumber: "Class 3" }] }, headers)).toEqual({
      fields: { performers: "Performer name(s)" },
      groups: [{ classNumber: "Class" }],
    });
  });
});
