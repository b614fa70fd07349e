import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import Papa from "papaparse";
import ExcelJS from "exceljs";
import { signInAsAdmin, signUpAndLand } from "./helpers";
import { createE2eReportSeason } from "./festival";
import type { ReportFixture } from "../support/report-fixtures";

// The organizers' classes report (issue 17): filter and sort it by its links, download it as CSV and
// XLSX, read both files back and find exactly the page's table; an entrant gets 403 on the page and the
// download. The season is the spec's own and never current, so the festival specs are not disturbed.

// A journey with two downloads on a shared 2-core machine: more than the default minute.
test.describe.configure({ timeout: 180_000 });

let season: ReportFixture;
test.beforeAll(async () => {
  season = await createE2eReportSeason();
});

/** A cell as text that the page, the CSV and the XLSX agree on: "$40.00", "40" and 40 all read "40". */
function same(value: unknown): string {
  const text = String(value ?? "").replace(/[▲▼]/g, "").replace(/[$,]/g, "").trim();
  if (text === "—") return "";
  return /^-?\d+(\.\d+)?$/.test(text) ? String(Number(text)) : text;
}

async function pageTable(page: Page): Promise<string[][]> {
  const rows = await page.locator("table.report tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((cell) => cell.textContent ?? "")));
  return rows.map((r) => r.map(same));
}

async function download(page: Page, name: string): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
  return readFileSync((await file.path())!);
}

test("an organizer filters and sorts the classes report, and its CSV and XLSX hold the same table", async ({ page }) => {
  await signInAsAdmin(page);
  await page.goto(`/admin/festival/reports/classes?season=${season.seasonId}`);
  await expect(page.getByRole("heading", { name: `Classes report, ${season.seasonName}` })).toBeVisible();
  const codes = () => page.locator("table.report tbody tr td:first-child").allTextContents();
  expect(await codes()).toEqual(["2101A", "2150", "3100", "4100"]);

  // The filter form is a plain GET form: Piano only, without the empty class.
  await page.getByRole("combobox", { name: "Discipline" }).selectOption({ label: "Piano" });
  await page.getByLabel("Hide classes with no entries").check();
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/empty=hide/);
  expect(await codes()).toEqual(["2101A", "3100"]);
  // Sorted by a header link, largest planned time last after two clicks (ascending, then descending).
  await page.getByRole("link", { name: "Planned time, sort ascending" }).click();
  await expect(page).toHaveURL(/sort=planned&dir=asc/);
  expect(await codes()).toEqual(["3100", "2101A"]);
  const table = await pageTable(page);
  expect(table.at(-1)).toEqual(["Total", "", "", "", "", "3", "7:50", "16:50", "70", "30", "40"]);

  const csv = (await download(page, "CSV")).toString("utf8").replace(/^\uFEFF/, "");
  expect(Papa.parse<string[]>(csv, { skipEmptyLines: true }).data.map((r) => r.map(same))).toEqual(table);

  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await download(page, "XLSX")) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  const xlsx: string[][] = [];
  sheet.eachRow((row) => xlsx.push(table[0].map((_, i) => same(row.getCell(i + 1).value))));
  expect(xlsx).toEqual(table);

  // The overview's charts: an SVG image, and the numbers in a table with a caption.
  await page.goto(`/admin/festival/reports?season=${season.seasonId}`);
  await expect(page.getByRole("img", { name: /Entries received per day/ })).toBeVisible();
  const perDay = page.getByRole("table", { name: "Entries received per day" });
  await expect(perDay.getByRole("row")).toHaveText([/Day\s*Entries/, /10 Jan\s*2/, /11 Jan\s*1/, /12 Jan\s*2/]);

  // A season id that does not exist is a 404, never another season's rows.
  const unknown = await page.request.get("/admin/festival/reports/download/classes?format=csv&season=no-such-season", { maxRedirects: 0 });
  expect(unknown.status()).toBe(404);
});

test("an entrant gets 403 on the report and its downloads", async ({ page }) => {
  await signUpAndLand(page, "reports-entrant");
  const reportPage = await page.goto(`/admin/festival/reports/classes?season=${season.seasonId}`);
  expect(reportPage?.status()).toBe(403);
  await expect(page.locator("table.report")).toHaveCount(0);
  for (const format of ["csv", "xlsx"]) {
    const file = await page.request.get(`/admin/festival/reports/download/classes?format=${format}&season=${season.seasonId}`, { maxRedirects: 0 });
    expect(file.status()).toBe(403);
    expect(await file.text()).not.toContain("2101A");
  }
});
