import { expect, test, type Page } from "@playwright/test";
import { renameE2eClass } from "./festival";
import { e2eDb } from "./helpers";
import { landAsAdmin, newUser, signInDirectly } from "./setup";

// The organizers' festival pages and the public syllabus, against `next start`: an organizer creates a
// season and a class, the class is on /syllabus at once (the action expires the syllabus cache), the
// filters work without JavaScript, and an organizer with festival.read only can look but not change.

async function count(sql: string, args: (string | number)[] = []): Promise<number> {
  const rows = await e2eDb().execute({ sql, args });
  return Number(rows.rows[0].n);
}

/** A new user holding `role`, signed in, on /admin/festival. */
async function signInWithRole(page: Page, role: string): Promise<string> {
  const email = await newUser({ prefix: role, roles: [role] });
  await signInDirectly(page, email);
  await page.goto("/admin/festival");
  await expect(page).toHaveURL(/\/admin\/festival$/, { timeout: 30_000 });
  return email;
}

const flash = (page: Page) => page.locator(".flash");

/** A class number no other run of this spec uses (4 digits, starting with 7). */
const classNumber = () => `7${String(Date.now()).slice(-3)}`;

async function createCurrentSeason(page: Page, name: string) {
  await page.goto("/admin/festival");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Entries open").fill("2027-01-10T09:00");
  await page.getByLabel("Entries close").fill("2027-02-28T23:59");
  await page.getByLabel("First festival day").fill("2027-04-19");
  await page.getByLabel("Last festival day").fill("2027-04-30");
  await page.getByLabel("Age cut-off date").fill("2026-12-31");
  await page.getByLabel(/Make this the current season/).check();
  await page.getByRole("button", { name: "Create season" }).click();
  await expect(flash(page)).toContainText(`Season ${name} created.`);
  await expect(page.getByRole("heading", { name: `Season ${name} (current)` })).toBeVisible();
}

/** Registers the journey's tests, in order: tests/e2e/festival.spec.ts runs them before the entrants'. */
export const organizersJourney = () =>
  test.describe("the festival's organizers and the public syllabus", () => {
  const number = classNumber();
  const code = `${number}A`;
  const season = `E2E ${number}`;

  test("an organizer creates a season and a class; the class is on /syllabus at once", async ({ page }) => {
    await landAsAdmin(page);
    await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Festival" }).click();
    await expect(page).toHaveURL(/\/admin\/festival$/);

    // A refusal stays next to its field, with what was typed kept.
    await page.getByLabel("Name", { exact: true }).fill(season);
    await page.getByLabel("Entries open").fill("2027-03-01T09:00");
    await page.getByLabel("Entries close").fill("2027-02-01T09:00");
    await page.getByRole("button", { name: "Create season" }).click();
    await expect(page.getByText("Entries must close after they open")).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue(season);
    expect(await count("SELECT count(*) AS n FROM Season WHERE name = ?", [season])).toBe(0);

    await createCurrentSeason(page, season);
    // The syllabus is read (and cached) before the class exists: the class must still show at once.
    await page.goto("/syllabus");
    await expect(page.getByRole("heading", { name: `Syllabus ${season}` })).toBeVisible();
    await expect(page.getByRole("link", { name: code })).toHaveCount(0);

    await page.goto("/admin/festival/classes");
    await page.getByRole("link", { name: `New class in ${season}` }).click();
    // A client-side navigation: the list (with its own "Number or name" field) is shown until it lands.
    await expect(page.getByRole("heading", { name: `New class in ${season}` })).toBeVisible();
    await page.getByLabel("Number", { exact: true }).fill(number);
    await page.getByLabel("Suffix").fill("a");
    await page.getByLabel("Name", { exact: true }).fill("Piano Solo, Junior: Baroque");
    await page.getByLabel("Discipline").selectOption({ label: "Piano" });
    await page.getByLabel("Level").selectOption({ label: "Junior" });
    await page.getByLabel("Performance type").selectOption({ label: "Solo" });
    await page.getByLabel("Fee (dollars)").fill("twenty");
    await page.getByLabel("Maximum age").fill("11");
    await page.getByLabel("Maximum performance time").fill("5:00");
    await page.getByLabel("Test pieces").fill("Minuet in G major (Petzold)");
    await page.getByRole("button", { name: "Create class" }).click();
    await expect(page.getByText("Enter the fee in dollars, like 25 or 25.50")).toBeVisible();
    await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Piano Solo, Junior: Baroque");
    await page.getByLabel("Fee (dollars)").fill("25.50");
    await page.getByRole("button", { name: "Create class" }).click();
    await expect(flash(page)).toContainText(`Class ${code} created.`);
    expect(await count("SELECT count(*) AS n FROM AuditEvent WHERE action = 'festival.class_created' AND subjectLabel LIKE ?", [`${code} %`])).toBe(1);

    // The same number again is refused next to the number.
    await page.goto("/admin/festival/classes/new");
    await page.getByLabel("Number", { exact: true }).fill(number);
    await page.getByLabel("Suffix").fill("A");
    await page.getByLabel("Name", { exact: true }).fill("Duplicate");
    await page.getByLabel("Discipline").selectOption({ label: "Piano" });
    await page.getByLabel("Level").selectOption({ label: "Junior" });
    await page.getByLabel("Performance type").selectOption({ label: "Solo" });
    await page.getByLabel("Fee (dollars)").fill("10");
    await page.getByRole("button", { name: "Create class" }).click();
    await expect(page.getByText(`Class ${code} already exists in this season`)).toBeVisible();

    await page.goto("/syllabus");
    await expect(page.getByRole("link", { name: code })).toBeVisible();
    await page.goto(`/syllabus/${code.toLowerCase()}`);
    await expect(page.getByRole("heading", { name: `Class ${code} Piano Solo, Junior: Baroque` })).toBeVisible();
    const details = page.locator("dl.details");
    await expect(details).toContainText("$25.50");
    await expect(details).toContainText("5:00 minutes");
    await expect(details).toContainText("11 years and under on 31 December 2026");
    await expect(details).toContainText("Minuet in G major (Petzold)");
    expect((await page.goto("/syllabus/9999Z"))?.status()).toBe(404);

    // An edit shows at once too.
    await page.goto("/admin/festival/classes");
    await page.getByLabel("Number or name").fill(code);
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByTestId("match-count")).toHaveText("1");
    await page.getByRole("link", { name: code }).click();
    await page.getByLabel("Fee (dollars)").fill("30");
    await page.getByRole("button", { name: "Save class" }).click();
    await expect(flash(page)).toContainText(`Class ${code} saved.`);
    await page.goto(`/syllabus/${code}`);
    await expect(page.locator("dl.details")).toContainText("$30.00");

    // A change made by another process (the command line, an import) shows at once too, on every
    // server worker: the view reads the syllabus version from the database, not its own process's tag.
    // Several requests, so both cluster workers answer at least one (each holds its own cache).
    // The server keeps the HTML of public pages (scripts/serve/public-page-cache.mjs) until the data's
    // version moves: warm both workers' copies first, so the rename has to get past them.
    const warm: string[] = [];
    for (let i = 0; i < 4; i++) warm.push((await page.request.get(`/syllabus/${code}`)).headers()["x-page-cache"]);
    expect(warm).toContain("hit");
    const row = await e2eDb().execute({ sql: "SELECT c.id FROM FestivalClass c JOIN Season s ON s.id = c.seasonId WHERE s.name = ? AND c.number = ?", args: [season, number] });
    await renameE2eClass(String(row.rows[0].id), "Piano Solo, Junior: Baroque Dances");
    for (let i = 0; i < 6; i++) {
      const html = await (await page.request.get(`/syllabus/${code}`)).text();
      expect(html).toContain("Piano Solo, Junior: Baroque Dances");
    }

    // A kept copy is served with a nonce of its own, and the browser runs its scripts (the CSP allows
    // them only by that nonce: 'strict-dynamic' ignores 'self'), so the page works as if just rendered.
    let kept = false;
    for (let i = 0; i < 6 && !kept; i++) kept = (await page.goto("/syllabus"))?.headers()["x-page-cache"] === "hit";
    expect(kept).toBe(true);
    await expect.poll(() => page.evaluate(() => typeof (window as unknown as { next?: { version?: unknown } }).next?.version)).toBe("string");
  });

  test("the syllabus filters work without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/syllabus");
    await page.getByLabel("Discipline").selectOption("Piano");
    await page.getByLabel("Level").selectOption("Junior");
    await page.getByLabel("Type").selectOption("Solo");
    await page.getByLabel("Class number or name").fill("baroque");
    await page.getByRole("button", { name: "Find classes" }).click();
    await expect(page).toHaveURL(/discipline=Piano&level=Junior&type=Solo&q=baroque/);
    await expect(page.getByRole("link", { name: code })).toBeVisible();
    await expect(page.getByLabel("Discipline")).toHaveValue("Piano");

    await page.getByLabel("Discipline").selectOption("Voice");
    await page.getByRole("button", { name: "Find classes" }).click();
    await expect(page.getByTestId("match-count")).toHaveText("0");
    await page.goto(`/syllabus?q=${number}`);
    await expect(page.getByRole("link", { name: code })).toBeVisible();
    await page.getByRole("link", { name: code }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`Class ${code}`) })).toBeVisible();
    await context.close();
  });

  test("an organizer with festival.read sees the pages but no controls, and a replayed create is refused with 403", async ({ page, browser }) => {
    // The admin's "Create class" request, captured and not sent.
    await landAsAdmin(page);
    await page.goto("/admin/festival/classes/new");
    let captured: { url: string; headers: Record<string, string>; body: Buffer } | null = null;
    await page.route("**/admin/festival/classes/new*", async (route) => {
      const request = route.request();
      if (request.method() !== "POST") return route.continue();
      const headers = await request.allHeaders();
      delete headers.cookie;
      captured = { url: request.url(), headers, body: request.postDataBuffer()! };
      await route.abort();
    });
    const replayNumber = String(Number(number) + 1);
    await page.getByLabel("Number", { exact: true }).fill(replayNumber);
    await page.getByLabel("Name", { exact: true }).fill("Replayed class");
    await page.getByLabel("Discipline").selectOption({ label: "Voice" });
    await page.getByLabel("Level").selectOption({ label: "Senior" });
    await page.getByLabel("Performance type").selectOption({ label: "Solo" });
    await page.getByLabel("Fee (dollars)").fill("20");
    await page.getByRole("button", { name: "Create class" }).click();
    await expect.poll(() => captured).not.toBeNull();
    expect(captured!.headers["next-action"]).toBeTruthy();
    const classes = () => count("SELECT count(*) AS n FROM FestivalClass WHERE number = ?", [replayNumber]);
    expect(await classes()).toBe(0);

    const organizerContext = await browser.newContext();
    const organizer = await organizerContext.newPage();
    await signInWithRole(organizer, "organizer");
    await expect(organizer.getByRole("heading", { name: "Festival seasons" })).toBeVisible();
    await expect(organizer.getByRole("button", { name: "Create season" })).toHaveCount(0);
    await organizer.goto("/admin/festival/classes");
    await expect(organizer.getByRole("link", { name: /New class/ })).toHaveCount(0);
    await organizer.getByLabel("Number or name").fill(code);
    await organizer.getByRole("button", { name: "Search" }).click();
    await organizer.getByRole("link", { name: code }).click();
    await expect(organizer.locator("dl.details")).toContainText("Piano");
    await expect(organizer.getByRole("button", { name: /Save|Delete/ })).toHaveCount(0);
    await organizer.goto("/admin/festival/lookups");
    await expect(organizer.getByRole("table", { name: "Disciplines" })).toContainText("Musical Theatre");
    await expect(organizer.getByRole("button", { name: /Save|Delete|Add/ })).toHaveCount(0);
    expect((await organizer.goto("/admin/festival/classes/new"))?.status()).toBe(403);

    const events = () => count("SELECT count(*) AS n FROM AuditEvent WHERE action LIKE 'festival.%'");
    const before = await events();
    const replay = (p: Page) => p.request.post(captured!.url, { headers: captured!.headers, data: captured!.body, maxRedirects: 0 });
    expect((await replay(organizer)).status()).toBe(403);
    expect(await classes()).toBe(0);
    expect(await events()).toBe(before);

    // The same request from the admin's session does create it: the replay itself was sound.
    await page.unrouteAll();
    expect((await replay(page)).status()).toBeLessThan(400);
    expect(await classes()).toBe(1);
    await organizerContext.close();
  });
});
