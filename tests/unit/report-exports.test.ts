import { describe, expect, it } from "vitest";
import Papa from "papaparse";
import ExcelJS from "exceljs";
import { neutraliseFormula, reportCsv } from "@/lib/festival/reports/csv";
import { reportXlsx } from "@/lib/festival/reports/xlsx";
import { displayCell, formatHms, reportTable, type Column } from "@/lib/festival/reports/columns";
import { classPlannedSeconds } from "@/lib/festival/planned-time";

type Row = { name: string; entries: number; seconds: number; cents: number };
const COLUMNS: Column<Row>[] = [
  { key: "name", header: "Name", kind: "text", value: (r) => r.name },
  { key: "entries", header: "Entries", kind: "count", value: (r) => r.entries },
  { key: "time", header: "Time", kind: "seconds", value: (r) => r.seconds },
  { key: "fees", header: "Fees", kind: "cents", value: (r) => r.cents },
];
const HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"x\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tTabbed", "\rReturned"];

describe("CSV formula injection", () => {
  it.each(HOSTILE)("a cell starting %j is prefixed so a spreadsheet shows it as text", (text) => {
    expect(neutraliseFormula(text)).toBe(`'${text}`);
  });

  it("leaves ordinary text and plain numbers (negative amounts) alone", () => {
    for (const text of ["Ada Lovelace", "2101A", "1:02:05", "-12.50", "-3", "a=b", " =not first"]) expect(neutraliseFormula(text)).toBe(text);
  });

  it("a whole report: hostile names are neutralised, commas, quotes and newlines survive a round trip", () => {
    const rows: Row[] = [
      ...HOSTILE.map((name, i) => ({ name, entries: i, seconds: 60, cents: 1250 })),
      { name: 'Smith, "Jr."\nsecond line', entries: 1, seconds: 3725, cents: -500 },
    ];
    const csv = reportCsv(reportTable("Test", COLUMNS, rows, { entries: 16, time: 4085, fees: 7000 }));
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(parsed[0]).toEqual(["Name", "Entries", "Time", "Fees"]);
    expect(parsed.slice(1, 1 + HOSTILE.length).map((r) => r[0])).toEqual(HOSTILE.map((h) => `'${h}`));
    expect(parsed[1 + HOSTILE.length]).toEqual(['Smith, "Jr."\nsecond line', "1", "1:02:05", "-5"]);
    expect(parsed.at(-1)).toEqual(["Total", "16", "1:08:05", "70"]);
    expect(csv.split("\r\n")[1]).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")",0,1:00,12.5`);
  });
});

describe("XLSX", () => {
  it("writes every cell as a value, never a formula, with amounts as numbers", async () => {
    const buffer = await reportXlsx(reportTable("Classes", COLUMNS, [{ name: HOSTILE[0], entries: 2, seconds: 185, cents: 2550 }], { entries: 2, time: 185, fees: 2550 }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe("Classes");
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(["Name", "Entries", "Time", "Fees"]);
    expect(values(2)).toEqual([HOSTILE[0], 2, "3:05", 25.5]);
    expect(sheet.getCell("A2").type).toBe(ExcelJS.ValueType.String);
    expect(values(3)).toEqual(["Total", 2, "3:05", 25.5]);
  });
});

describe("display", () => {
  it("shows money, durations and counts as the page does", () => {
    expect(displayCell("cents", 2550)).toBe("$25.50");
    expect(displayCell("seconds", 3725)).toBe("1:02:05");
    expect(displayCell("seconds", 59)).toBe("0:59");
    expect(displayCell("count", 0)).toBe("0");
    expect(displayCell("cents", null)).toBe("—");
    expect(formatHms(36000)).toBe("10:00:00");
  });
});

describe("planned time", () => {
  it("is the pieces' time plus (adjudication + move) per entry", () => {
    expect(classPlannedSeconds({ pieceSeconds: 270, entries: 2, adjudicationSeconds: 120, moveSeconds: 30 })).toBe(570);
    expect(classPlannedSeconds({ pieceSeconds: 0, entries: 0, adjudicationSeconds: 120, moveSeconds: 30 })).toBe(0);
  });

  it("a class's 0 is a real zero", () => {
    expect(classPlannedSeconds({ pieceSeconds: 100, entries: 3, adjudicationSeconds: 0, moveSeconds: 0 })).toBe(100);
  });
});
