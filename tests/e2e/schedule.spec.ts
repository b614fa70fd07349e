import { expect, test } from "@playwright/test";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { E2E } from "./env";
import { signInAsAdmin } from "./helpers";
import type { ScheduleFixture } from "../support/schedule-fixtures";

// The schedule, against `next start`: an organizer fills the sessions with "Suggest a schedule", moves
// a class with the keyboard-accessible select and sees the conflict it makes (an accompanist in two
// overlapping sessions) next to both sessions, publishes the programme, and a signed-out visitor reads
// it (names only) and prints it. The spec makes a season of its own, never the current one, so it does
// not depend on the other festival specs (it runs in the "chromium" project).

const run = promisify(execFile);

async function scheduleFixture(): Promise<ScheduleFixture> {
  const { stdout } = await run("node_modules/.bin/tsx", ["--conditions=react-server", "tests/e2e/schedule-cli.ts"], { env: { ...process.env, DATABASE_URL: E2E.databaseUrl } });
  return JSON.parse(stdout) as ScheduleFixture;
}

test.describe.configure({ timeout: 180_000 });
// Each action re-renders the whole schedule page: on a loaded 2-core machine that may take a while.
const afterAction = { timeout: 45_000 };

test("an organizer builds a schedule, sees a conflict, publishes the programme; anyone reads and prints it", async ({ page, browser }) => {
  const f = await scheduleFixture();
  const programmeDay = `/programme/${f.seasonId}/${f.day}`;
  // Not published yet: nobody sees it.
  expect((await page.request.get(programmeDay)).status()).toBe(404);

  await signInAsAdmin(page);
  await page.goto(`/admin/festival/schedule?season=${f.seasonId}`);
  await expect(page.getByRole("heading", { name: `Schedule, ${f.seasonName}` })).toBeVisible();
  const hallA = page.locator(`#sitting-${f.sittings.morning}`);
  const hallB = page.locator(`#sitting-${f.sittings.overlapping}`);
  await expect(hallA.getByText("No classes yet.")).toBeVisible();

  await page.getByRole("button", { name: "Suggest a schedule" }).click();
  await expect(page.locator(".flash")).toContainText("Suggested: 3 classes placed", afterAction);
  // Piano before Voice, in the one session long enough; no conflicts.
  await expect(hallA.getByRole("listitem").getByRole("link")).toHaveText([/^5103 /, /^5101A /, /^5101B /]);
  await expect(page.getByText("0 conflicts")).toBeVisible();

  // The accompanist plays in 5101A (Hall A, 09:00-12:00) and 5101B: moving 5101B to Hall B (10:00-11:00).
  await page.getByLabel("Class", { exact: true }).selectOption(f.classes.voiceB);
  await page.getByLabel("Session", { exact: true }).selectOption(f.sittings.overlapping);
  await page.getByRole("button", { name: "Place class" }).click();
  await expect(page.locator(".flash")).toContainText("The class has been placed.", afterAction);
  await expect(hallA.getByRole("list", { name: /^Conflicts of/ })).toContainText(
    `${f.names.accompanist} (accompanist) is also in Hall B, 20 April 10:00–11:00 (accompanist) at the same time`,
  );
  await expect(hallB.getByRole("list", { name: /^Conflicts of/ })).toContainText(`${f.names.accompanist} (accompanist) is also in Hall A, 20 April 09:00–12:00`);
  await expect(page.getByText("2 conflicts")).toBeVisible();

  await page.getByRole("button", { name: "Publish the programme" }).click();
  await expect(page.locator(".flash")).toContainText("The programme is published.", afterAction);

  // A signed-out visitor reads the day's programme: sessions, classes, performers in order, names only.
  const visitor = await browser.newContext();
  const pub = await visitor.newPage();
  await pub.goto(programmeDay);
  await expect(pub.getByRole("heading", { level: 1 })).toContainText(`Festival ${f.seasonName}:`);
  await expect(pub.getByRole("heading", { level: 2 })).toHaveText(["09:00–12:00, Hall A", "10:00–11:00, Hall B"]);
  await expect(pub.getByRole("list", { name: "Performers in class 5101A" }).getByRole("listitem")).toHaveText([f.names.pia, f.names.quinn]);
  await expect(pub.getByRole("list", { name: "Performers in class 5101B" }).getByRole("listitem")).toHaveText([f.names.rosa]);
  const text = await pub.locator("main").innerText();
  expect(text).not.toContain(f.birthDate);
  expect(text).not.toContain("@example.org");
  expect(text).not.toContain(f.names.accompanist);

  // The printable view: only the programme on paper.
  await expect(pub.locator(".site-header")).toBeVisible();
  await pub.emulateMedia({ media: "print" });
  await expect(pub.locator(".site-header")).toBeHidden();
  await expect(pub.locator(".site-footer")).toBeHidden();
  await expect(pub.getByRole("link", { name: "Every day of the festival" })).toBeHidden();
  await expect(pub.getByRole("heading", { name: "Class 5101A Voice Solo, Junior: Art song" })).toBeVisible();
  await visitor.close();
});
