import { expect, test, type Browser, type Page } from "@playwright/test";
import { e2eDb } from "./helpers";
import { landAsAdmin, landAsNewUser, signInDirectly } from "./setup";
import { waitForMail } from "./mail";
import { closeE2eEntries, createE2eFestival, openE2eEntries } from "./festival";
import type { FestivalFixture } from "../support/festival-fixtures";

// The entrant's journey (issue 16): people, entries, the rules' refusals next to their fields, the
// receipt, the teacher's read-only view, the close of entries, and replays with someone else's entry id.
// One season is current for the whole journey, so its tests run in order (tests/e2e/festival.spec.ts).

let festival: FestivalFixture;
let guardianEmail: string;
let guardian: Page;
let teacherName: string;
let teacherEmail: string;
let accompanistName: string;

type Captured = { url: string; headers: Record<string, string>; body: Buffer };

/** Sends the form's server action once, captured and aborted, so it can be replayed from another session. */
async function captureAction(page: Page, submit: () => Promise<void>): Promise<Captured> {
  let captured: Captured | null = null;
  await page.route("**/entries**", async (route) => {
    const request = route.request();
    if (request.method() !== "POST" || !request.headers()["next-action"]) return route.continue();
    const headers = await request.allHeaders();
    delete headers.cookie;
    captured = { url: request.url(), headers, body: request.postDataBuffer()! };
    await route.abort();
  });
  await submit();
  await expect.poll(() => captured).not.toBeNull();
  await page.unrouteAll({ behavior: "ignoreErrors" });
  return captured!;
}

function replay(page: Page, request: Captured) {
  return page.request.post(request.url, { headers: request.headers, data: request.body, maxRedirects: 0 });
}

async function addPerson(page: Page, name: string, birthDate: string, relationship: string) {
  await page.goto("/entries/people");
  await page.getByLabel("Who is this to you?").selectOption({ label: relationship });
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Birth date (persons)").fill(birthDate);
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: name })).toBeVisible();
}

async function newEntry(page: Page, entry: { classCode: string; performers: string[]; pieces: [string, string, string][]; accompanist?: string; teacher?: string }) {
  await page.goto("/entries/new");
  await page.getByRole("combobox", { name: "Class" }).fill(entry.classCode);
  for (const name of entry.performers) await page.getByRole("checkbox", { name }).check();
  if (entry.accompanist) await page.getByLabel("Accompanist (optional)").selectOption({ label: entry.accompanist });
  if (entry.teacher) await page.getByLabel("Teacher (optional)").selectOption({ label: entry.teacher });
  for (const [i, [title, composer, duration]] of entry.pieces.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add a piece" }).click();
    await page.getByLabel(`Title of piece ${i + 1}`).fill(title);
    await page.getByLabel(`Composer of piece ${i + 1}`).fill(composer);
    await page.getByLabel(`Duration (m:ss) of piece ${i + 1}`).fill(duration);
  }
  await page.getByRole("button", { name: "Submit entry" }).click();
}

function row(page: Page, classCode: string) {
  return page.getByRole("row").filter({ hasText: classCode });
}

async function signedUpPage(browser: Browser, prefix: string) {
  const page = await (await browser.newContext()).newPage();
  const email = await landAsNewUser(page, prefix);
  return { page, email };
}

/** The user picks the festival role on /account, as anyone may. */
async function pickRole(page: Page, role: string) {
  await page.goto("/account");
  await page.getByLabel(new RegExp(`^${role}`)).check();
  await page.getByRole("button", { name: "Save festival roles" }).click();
  await expect(page.getByRole("list", { name: "Your roles" }).getByRole("listitem").filter({ hasText: role })).toBeVisible();
}

/** The guardian's entries as stored: "class status durations" per entry, sorted. */
async function storedEntries(email: string): Promise<string[]> {
  const { rows } = await e2eDb().execute({
    sql: `SELECT c.number || c.suffix AS code, e.status, group_concat(p.durationSeconds) AS durations
          FROM Entry e JOIN User u ON u.id = e.accountId JOIN FestivalClass c ON c.id = e.classId
          LEFT JOIN EntryPiece p ON p.entryId = e.id WHERE u.email = ? GROUP BY e.id`,
    args: [email],
  });
  return rows.map((r) => `${r.code} ${r.status} ${r.durations}`).sort();
}

/** Registers the journey's tests, in order, after the organizers' (tests/e2e/festival.spec.ts). */
export const entrantsJourney = () =>
  test.describe("the entrant's journey", () => {
  test.beforeAll(async () => {
    festival = await createE2eFestival();
  });

  test("a teacher and an accompanist register their own profiles", async ({ browser }) => {
    const suffix = festival.seasonName.slice(-4);
    teacherName = `Tess Teacher ${suffix}`;
    accompanistName = `Clara Keys ${suffix}`;
    const teacher = await signedUpPage(browser, "teacher");
    teacherEmail = teacher.email;
    await pickRole(teacher.page, "teacher");
    await addPerson(teacher.page, teacherName, "1980-02-03", "Yourself");
    const accompanist = await signedUpPage(browser, "accompanist");
    await pickRole(accompanist.page, "accompanist");
    await addPerson(accompanist.page, accompanistName, "1975-04-05", "Yourself");
    await teacher.page.context().close();
    await accompanist.page.context().close();
  });

  test("a guardian adds two children and enters them; the rules refuse next to the field; a receipt is mailed", async ({ browser }) => {
    ({ page: guardian, email: guardianEmail } = await signedUpPage(browser, "guardian"));
    const page = guardian;
    await addPerson(page, "Ada Lovelace", "2016-05-01", "Your child"); // 10 on the cut-off date
    await addPerson(page, "Ben Lovelace", "2019-03-01", "Your child"); // 7: too young for the solo class (8-12)

    await newEntry(page, {
      classCode: festival.solo,
      performers: ["Ada Lovelace"],
      accompanist: accompanistName,
      teacher: teacherName,
      pieces: [["Minuet in G", "Petzold", "1:30"]],
    });
    await expect(page).toHaveURL(/\/entries$/);
    await expect(row(page, "2101A")).toContainText("Submitted");

    // The rules, each next to its field; nothing is stored.
    await newEntry(page, { classCode: festival.solo, performers: ["Ada Lovelace", "Ben Lovelace"], pieces: [["Sonatina", "Clementi", "2:00"]] });
    await expect(page.locator("#field-performers-error")).toContainText("Class 2101A is a Solo: it takes 1 performer, not 2.");
    await expect(page.locator("#field-performers-error")).toContainText("Ada Lovelace is already entered in class 2101A.");
    await expect(page.getByLabel("Title of piece 1")).toHaveValue("Sonatina"); // what was typed is kept
    await newEntry(page, { classCode: festival.solo, performers: ["Ben Lovelace"], pieces: [["Sonatina", "Clementi", "2:00"]] });
    await expect(page.locator("#field-performers-error")).toHaveText("Ben Lovelace is 7 on the cut-off date; class 2101A is for ages 8 to 12.");
    await newEntry(page, {
      classCode: festival.duet,
      performers: ["Ada Lovelace", "Ben Lovelace"],
      pieces: [
        ["Waltz", "Diabelli", "4:00"],
        ["March", "Diabelli", "2:01"],
      ],
    });
    await expect(page.locator("#field-pieces-error")).toHaveText("The pieces last 6:01 in all; class 3100 allows at most 6:00.");
    await page.getByLabel("Duration (m:ss) of piece 2").fill("61");
    await page.getByRole("button", { name: "Submit entry" }).click();
    await expect(page.locator("#field-pieces-1-duration-error")).toHaveText("Enter the duration as m:ss, like 3:05.");
    await newEntry(page, { classCode: "9999", performers: ["Ben Lovelace"], pieces: [["Sonatina", "", "1:00"]] });
    await expect(page.locator("#field-classCode-error")).toHaveText("There is no class 9999 in this season's syllabus.");
    expect(await storedEntries(guardianEmail)).toEqual(["2101A submitted 90"]);

    await newEntry(page, { classCode: festival.duet, performers: ["Ada Lovelace", "Ben Lovelace"], pieces: [["Waltz", "Diabelli", "2:00"]] });
    await expect(page).toHaveURL(/\/entries$/);
    await expect(row(page, "3100")).toContainText("Ada Lovelace, Ben Lovelace");
    await expect(row(page, "2101A")).toContainText(`Accompanist: ${accompanistName}`);
    await expect(page.getByTestId("fees-due")).toHaveText("$50.00");

    const receipt = await waitForMail(guardianEmail, /Your entries/, 2);
    expect(receipt.text).toContain("We have your 2 entries");
    expect(receipt.text).toContain(`Class 2101A Piano Solo, Junior: Ada Lovelace (accompanist: ${accompanistName}). Fee $20.00.`);
    expect(receipt.text).toContain("  - Minuet in G, Petzold (1:30)");
    expect(receipt.text).toContain("Class 3100 Piano Duet, Junior: Ada Lovelace, Ben Lovelace. Fee $30.00.");
    expect(receipt.text).toContain("Fees due: $50.00.");
    expect(receipt.text).toMatch(/\/entries\b/);
  });

  test("the guardian edits one entry and withdraws the other; someone else's replay changes nothing", async ({ browser }) => {
    const page = guardian;
    await row(page, "3100").getByRole("link", { name: /Edit/ }).click();
    await expect(page.getByRole("combobox", { name: "Class" })).toHaveValue("3100");
    await page.getByLabel("Duration (m:ss) of piece 1").fill("2:30");
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(/\/entries$/);
    await expect(row(page, "3100")).toContainText("Waltz, Diabelli (2:30)");

    // Capture the guardian's own edit and withdraw requests, then replay them from a stranger's session.
    await row(page, "3100").getByRole("link", { name: /Edit/ }).click();
    await page.getByLabel("Duration (m:ss) of piece 1").fill("1:11");
    const edit = await captureAction(page, () => page.getByRole("button", { name: "Save changes" }).click());
    await page.goto("/entries");
    const withdraw = await captureAction(page, () => row(page, "2101A").getByRole("button", { name: "Withdraw" }).click());
    const stranger = await signedUpPage(browser, "stranger");
    for (const request of [edit, withdraw]) {
      expect([403, 404]).toContain((await replay(stranger.page, request)).status());
    }
    expect(await storedEntries(guardianEmail)).toEqual(["2101A submitted 90", "3100 submitted 150"]);
    await stranger.page.goto("/entries");
    await expect(stranger.page.getByText("You have no entries yet.")).toBeVisible();
    await stranger.page.context().close();

    await page.goto("/entries");
    await row(page, "2101A").getByRole("button", { name: "Withdraw" }).click();
    await expect(row(page, "2101A")).toContainText("Withdrawn");
    await expect(page.getByTestId("fees-due")).toHaveText("$30.00");
  });

  test("a teacher sees, read-only, the entries naming them", async ({ browser }) => {
    // The solo entry that named the teacher is withdrawn now: the duet names them too.
    const page = guardian;
    await row(page, "3100").getByRole("link", { name: /Edit/ }).click();
    await page.getByLabel("Teacher (optional)").selectOption({ label: teacherName });
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page).toHaveURL(/\/entries$/);

    const teacher = await (await browser.newContext()).newPage();
    await signInDirectly(teacher, teacherEmail);
    await teacher.goto("/entries/students");
    await expect(teacher).toHaveURL(/\/entries\/students$/, { timeout: 30_000 });
    await expect(row(teacher, "3100")).toContainText("Ada Lovelace, Ben Lovelace");
    await expect(teacher.getByRole("row").filter({ hasText: "2101A" })).toHaveCount(0); // withdrawn
    await expect(teacher.getByRole("main")).not.toContainText("2016"); // no birth dates
    await expect(teacher.getByRole("button", { name: /Withdraw/ })).toHaveCount(0);
    await teacher.context().close();
  });

  test("after the closing date the entrant can read but not change, even by replaying an action; an organizer can", async () => {
    const page = guardian;
    await row(page, "3100").getByRole("link", { name: /Edit/ }).click();
    await page.getByLabel("Duration (m:ss) of piece 1").fill("1:11");
    const edit = await captureAction(page, () => page.getByRole("button", { name: "Save changes" }).click());
    await closeE2eEntries(festival.seasonId);
    try {
      await page.goto("/entries");
      await expect(page.getByText(/Entries closed on .*: you can read your entries/)).toBeVisible();
      await expect(row(page, "3100")).toContainText("Submitted");
      await expect(page.getByRole("button", { name: "Withdraw" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: /Edit/ })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "New entry" })).toHaveCount(0);
      const replayed = await replay(page, edit);
      expect(await replayed.text()).toContain("Entries closed on");
      expect(await storedEntries(guardianEmail)).toEqual(["2101A withdrawn 90", "3100 submitted 150"]);

      // Organizers still can: from the office's list, the entry form, the duet partner kept, audited.
      const admin = await (await page.context().browser()!.newContext()).newPage();
      await landAsAdmin(admin, "/admin/festival/entries?classCode=3100");
      await admin.getByRole("link", { name: "Change entry 3100 Ada Lovelace, Ben Lovelace" }).click();
      await expect(admin.getByText(`You are changing the entry of ${guardianEmail} as an organizer`)).toBeVisible();
      await expect(admin.getByRole("checkbox", { name: "Ben Lovelace" })).toBeChecked();
      await admin.getByLabel("Duration (m:ss) of piece 1").fill("1:11");
      await admin.getByRole("button", { name: "Save changes" }).click();
      await expect(admin).toHaveURL(/\/admin\/festival\/entries$/);
      await expect(admin.locator(".flash")).toContainText("The entry has been saved.");
      await admin.context().close();
      expect(await storedEntries(guardianEmail)).toEqual(["2101A withdrawn 90", "3100 submitted 71"]);
      const audited = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM AuditEvent WHERE action = 'festival.entry_changed_by_organizer' AND subjectLabel LIKE '3100 %'", args: [] });
      expect(Number(audited.rows[0].n)).toBe(1);
    } finally {
      await openE2eEntries(festival.seasonId);
    }
  });
  });
