import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import { e2eDb, formAlert, signInAsAdmin } from "./helpers";

// The festival office's import in Chromium against `next start`: upload the syllabus (XLSX), then a
// registration form's entries (CSV), read the issues of the dry run, import, and import the same
// entries again (as XLSX) with nothing changed. A season of its own, not current, so this spec can run
// beside the others. Setup goes straight to the database; the browser does only the journey.

const FIXTURES = "tests/fixtures/import";

async function count(sql: string, args: string[]): Promise<number> {
  const rows = await e2eDb().execute({ sql, args });
  return Number(rows.rows[0].n);
}

async function upload(page: Page, season: string, kind: "syllabus" | "entries", file: string | { name: string; mimeType: string; buffer: Buffer }) {
  await page.goto("/admin/festival/import");
  await page.getByLabel("Season").selectOption({ label: season });
  await page.getByLabel(kind === "syllabus" ? "the syllabus (classes)" : "entries from a registration form").check();
  await page.getByLabel("File").setInputFiles(typeof file === "string" ? `${FIXTURES}/${file}` : file);
  await page.getByRole("button", { name: "Upload and check" }).click();
}

/** A season of this spec's own (not current: the other festival specs decide which one is). */
async function newSeason() {
  const season = `Import ${randomUUID().slice(0, 8)}`;
  const seasonId = randomUUID();
  const now = Date.now();
  const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
  await e2eDb().execute({
    sql: "INSERT INTO Season (id, name, isCurrent, entriesOpenAt, entriesCloseAt, startsOn, endsOn, ageCutoffOn, createdAt, updatedAt) VALUES (?, ?, 0, ?, ?, ?, ?, ?, ?, ?)",
    args: [seasonId, season, day(2027, 1, 1), day(2027, 2, 1), day(2027, 4, 10), day(2027, 4, 20), day(2026, 12, 31), now, now],
  });
  return { season, seasonId };
}

// A dry run or an import reads the file and writes in a transaction: slow on a busy 2-core machine.
const SLOW = 60_000;

const issueRow = (page: Page, text: string) => page.getByRole("region", { name: "Issues" }).getByRole("row").filter({ hasText: text });

test.describe.configure({ timeout: 180_000 });

test("an organizer imports the syllabus and a form's entries after a dry run; importing again changes nothing", async ({ page }) => {
  const { season, seasonId } = await newSeason();
  const now = Date.now();
  await e2eDb().batch([
    // Two people registered under one name: the file's "Jordan Smith" cannot be matched to either.
    ...[1, 2].map((n) => ({
      sql: "INSERT INTO Profile (id, kind, name, nameKey, createdAt, updatedAt) SELECT ?, 'person', 'Jordan Smith', 'jordan smith', ?, ? WHERE (SELECT count(*) FROM Profile WHERE nameKey = 'jordan smith') < 2",
      args: [randomUUID(), now, now + n],
    })),
  ]);
  await signInAsAdmin(page);

  // The syllabus, as an Excel workbook: the dry run names the bad rows and writes nothing.
  await upload(page, season, "syllabus", "syllabus.xlsx");
  await expect(page.getByRole("heading", { name: `Import the syllabus into ${season}` })).toBeVisible();
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await expect(page.getByRole("heading", { name: "Dry run: nothing written yet" })).toBeVisible({ timeout: SLOW });
  await expect(issueRow(page, 'There is no discipline named "Kazoo".')).toContainText("10");
  await expect(issueRow(page, "Class 1020 is also on row 3")).toContainText("Number");
  expect(await count("SELECT count(*) AS n FROM FestivalClass WHERE seasonId = ?", [seasonId])).toBe(0);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.locator(".flash")).toContainText("Imported: 8 new classes, 0 updated, 0 already there, 4 skipped.", { timeout: SLOW });
  expect(await count("SELECT count(*) AS n FROM FestivalClass WHERE seasonId = ?", [seasonId])).toBe(8);

  // The entries, as the form's CSV export: columns guessed from the headers.
  await upload(page, season, "entries", "entries.csv");
  await expect(page.getByLabel("Performer name(s)", { exact: true })).toHaveValue("Performer name(s)");
  await expect(page.getByLabel("Duration (minutes) (class 2)")).toHaveValue("Duration (minutes) 2");
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await expect(page.getByRole("heading", { name: "Dry run: nothing written yet" })).toBeVisible({ timeout: SLOW });
  await expect(issueRow(page, "There is no class 9999 in this season's syllabus.")).toContainText("Not imported");
  await expect(issueRow(page, "Class 3100 is a Duet: it takes 2 performers, not 1.")).toContainText("Imported; check it");
  await expect(issueRow(page, "the same entry as on row 3 (a duplicate row)")).toContainText("8");
  await expect(issueRow(page, "Jordan Smith matches 2 people already registered")).toContainText("10");
  await expect(issueRow(page, "The fee is $99.00")).toContainText("Fee");
  expect(await count("SELECT count(*) AS n FROM Entry WHERE seasonId = ?", [seasonId])).toBe(0);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.locator(".flash")).toContainText("Imported: 8 new entries, 0 updated, 0 already there, 4 skipped.", { timeout: SLOW });
  expect(await count("SELECT count(*) AS n FROM Entry WHERE seasonId = ?", [seasonId])).toBe(8);
  // The people this file names (by name, so a duplicate made by a re-import would count too); not every
  // profile: other specs add theirs meanwhile on the shared server.
  const namedPeople = () =>
    count(
      `SELECT count(*) AS n FROM Profile WHERE nameKey IN (SELECT p.nameKey FROM Profile p JOIN EntryPerformer ep ON ep.profileId = p.id JOIN Entry e ON e.id = ep.entryId WHERE e.seasonId = ?)`,
      [seasonId],
    );
  const people = await namedPeople();

  // The same entries again, exported as XLSX: the mapping is remembered, and nothing changes.
  await upload(page, season, "entries", "entries.xlsx");
  await expect(page.getByLabel("Performer name(s)", { exact: true })).toHaveValue("Performer name(s)");
  await page.getByRole("button", { name: "Check (dry run)" }).click();
  await expect(page.getByText("8 entries already there, unchanged")).toBeVisible({ timeout: SLOW });
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.locator(".flash")).toContainText("Imported: 0 new entries, 0 updated, 8 already there, 4 skipped.", { timeout: SLOW });
  expect(await count("SELECT count(*) AS n FROM Entry WHERE seasonId = ?", [seasonId])).toBe(8);
  expect(await namedPeople()).toBe(people);
});

test("a file that is not a spreadsheet, or holds a formula, gets a clear message", async ({ page }) => {
  const { season } = await newSeason();
  await signInAsAdmin(page);

  await upload(page, season, "syllabus", { name: "syllabus.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7\n") });
  await expect(page).toHaveURL(/\/admin\/festival\/import\?error=type$/);
  await expect(formAlert(page)).toHaveText("Upload a .csv or .xlsx file.");

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Classes");
  sheet.addRow(["Number", "Name", "Discipline", "Level", "Type", "Fee"]);
  sheet.addRow(["1010", "Piano Solo", "Piano", "Junior", "Solo", { formula: "10+10", result: 20 }]);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  await upload(page, season, "syllabus", { name: "formula.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer });
  await expect(formAlert(page)).toContainText("Cell F2 holds a formula");
  await expect(page.getByRole("button", { name: "Check (dry run)" })).toHaveCount(0);
});
