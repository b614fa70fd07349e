import { expect, request as playwrightRequest, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { E2E } from "./env";
import { e2eDb, signIn } from "./helpers";
import { landAsAdmin, landAsNewUser, newUser, signInDirectly } from "./setup";

// Sessions owned by the server (lib/auth/sessions.ts): each sign-in is a row, listed on
// /account/security and the admin user page, and ending the row signs that browser out at its next request.

// Several bcrypt sign-ins per test, on machines shared by other runs.
test.describe.configure({ timeout: 180_000 });

const FIREFOX_UA = "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
const DAY = 24 * 60 * 60 * 1000;

function flash(page: Page) {
  return page.locator(".flash");
}

function sessionRows(page: Page) {
  return page.getByTestId("session-row");
}

/**
 * A second browser (another device) signed in as the same user: through the sign-in form when what a
 * sign-in records is under test, otherwise directly (a session row as a sign-in from Firefox makes).
 */
async function secondDevice(browser: Browser, email: string, how: "form" | "direct" = "direct"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ userAgent: FIREFOX_UA });
  const page = await context.newPage();
  if (how === "form") {
    await signIn(page, email, E2E.password, "/sign-in?callbackUrl=%2Faccount");
    await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
  } else await signInDirectly(context, email, { userAgent: FIREFOX_UA });
  return { context, page };
}

async function expectSignedOut(page: Page) {
  await page.goto("/account/security");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount%2Fsecurity$/);
  await expect(page.getByText("Your session has ended. Please sign in again.")).toBeVisible();
}

async function sessionCount(email: string): Promise<number> {
  const rows = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM Session s JOIN User u ON u.id = s.userId WHERE u.email = ?", args: [email] });
  return Number(rows.rows[0].n);
}

async function auditCount(action: string, email: string, actor = email): Promise<number> {
  const rows = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM AuditEvent WHERE action = ? AND subjectLabel = ? AND actorLabel = ?", args: [action, email, actor] });
  return Number(rows.rows[0].n);
}

/** The format Prisma writes DateTime columns in (SQLite text). */
function dbDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

test.describe("where you're signed in", () => {
  test("two browsers are both listed; signing out the other from the first ends it at its next request", async ({ page, browser }) => {
    // Both sign in through the form: the rows' device and address are what a real sign-in recorded.
    const email = await newUser({ prefix: "two-devices" });
    await signIn(page, email, E2E.password, "/sign-in?callbackUrl=%2Faccount");
    await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
    const other = await secondDevice(browser, email, "form");
    try {
      await page.goto("/account/security");
      await expect(sessionRows(page)).toHaveCount(2);
      const mine = sessionRows(page).filter({ hasText: "This device" });
      await expect(mine).toHaveCount(1);
      await expect(mine).toContainText("Chrome on Windows"); // Playwright's "Desktop Chrome"
      await expect(mine).toContainText(/127\.0\.0\.1|::1/);
      const theirs = sessionRows(page).filter({ hasText: "Firefox on Linux" });
      await expect(theirs).not.toContainText("This device");

      await theirs.getByRole("button", { name: "Sign out" }).click();
      await expect(flash(page)).toContainText("That session has been signed out.");
      await expect(sessionRows(page)).toHaveCount(1);
      await expect(sessionRows(page)).toContainText("This device");
      expect(await auditCount("session.ended", email)).toBe(1);

      await expectSignedOut(other.page);
      // The first browser is still signed in.
      await page.goto("/account/security");
      await expect(page).toHaveURL(/\/account\/security$/);
    } finally {
      await other.context.close();
    }
  });

  test("Sign out of all other sessions keeps only this one", async ({ page, browser }) => {
    const email = await landAsNewUser(page, "others");
    const second = await secondDevice(browser, email);
    const third = await secondDevice(browser, email);
    try {
      await page.goto("/account/security");
      await expect(sessionRows(page)).toHaveCount(3);
      await page.getByRole("button", { name: "Sign out of all other sessions" }).click();
      await expect(flash(page)).toContainText("Signed out of 2 other sessions.");
      await expect(sessionRows(page)).toHaveCount(1);
      expect(await sessionCount(email)).toBe(1);
      expect(await auditCount("user.signed_out_other_sessions", email)).toBe(1);
      await expectSignedOut(second.page);
      await expectSignedOut(third.page);
    } finally {
      await second.context.close();
      await third.context.close();
    }
  });

  test("another user's session id is a 404 and ends nothing", async ({ page, browser }) => {
    const victim = await landAsNewUser(page, "victim");
    const victimRow = await e2eDb().execute({ sql: "SELECT s.id FROM Session s JOIN User u ON u.id = s.userId WHERE u.email = ?", args: [victim] });
    const victimSessionId = String(victimRow.rows[0].id);
    const attackerContext = await browser.newContext();
    const attacker = await attackerContext.newPage();
    try {
      await landAsNewUser(attacker, "attacker");
      await attacker.goto("/account/security");
      const form = sessionRows(attacker).first().locator("form");
      await form.locator('input[name="sessionId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), victimSessionId);
      await form.getByRole("button", { name: "Sign out" }).click();
      await expect(attacker.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
      expect(await sessionCount(victim)).toBe(1);
      await page.goto("/account/security");
      await expect(page).toHaveURL(/\/account\/security$/);
    } finally {
      await attackerContext.close();
    }
  });
});

test.describe("a session ends on the server", () => {
  test("a cookie copied before sign-out is refused after it", async ({ page, context }) => {
    const email = await landAsNewUser(page, "copied");
    const copied = (await context.cookies()).filter((c) => c.name.includes("session-token"));
    expect(copied.length).toBeGreaterThan(0);
    const thief = await playwrightRequest.newContext({ baseURL: E2E.baseURL, extraHTTPHeaders: { cookie: copied.map((c) => `${c.name}=${c.value}`).join("; ") } });
    try {
      expect((await thief.get("/api/account")).status()).toBe(200);
      await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
      await expect(flash(page)).toContainText("You have been signed out.");
      expect(await sessionCount(email)).toBe(0);
      const after = await thief.get("/api/account");
      expect(after.status()).toBe(401);
      expect(await after.json()).toMatchObject({ refusal: "session-ended" });
      expect(await auditCount("user.signed_out", email)).toBe(1);
    } finally {
      await thief.dispose();
    }
  });

  test("idle expiry: a session unused for longer than SESSION_IDLE_DAYS is signed out; use slides it", async ({ page }) => {
    const email = await landAsNewUser(page, "idle");
    const db = e2eDb();
    const setLastSeen = (ms: number) =>
      db.execute({ sql: "UPDATE Session SET lastSeenAt = ? WHERE userId = (SELECT id FROM User WHERE email = ?)", args: [dbDate(ms), email] });
    // Used ten minutes ago: this request writes lastSeenAt (at most once per 5 minutes) and slides the expiry.
    await setLastSeen(Date.now() - 10 * 60 * 1000);
    expect((await page.request.get("/api/account")).status()).toBe(200);
    const row = (await db.execute({ sql: "SELECT lastSeenAt, expiresAt FROM Session s JOIN User u ON u.id = s.userId WHERE u.email = ?", args: [email] })).rows[0];
    expect(Date.now() - new Date(String(row.lastSeenAt)).getTime()).toBeLessThan(60_000);
    expect(new Date(String(row.expiresAt)).getTime()).toBeGreaterThan(Date.now() + 13 * DAY);
    // A second request right after writes nothing.
    expect((await page.request.get("/api/account")).status()).toBe(200);
    const again = (await db.execute({ sql: "SELECT lastSeenAt FROM Session s JOIN User u ON u.id = s.userId WHERE u.email = ?", args: [email] })).rows[0];
    expect(again.lastSeenAt).toBe(row.lastSeenAt);
    // Unused for 15 days (the default idle limit is 14): signed out.
    await setLastSeen(Date.now() - 15 * DAY);
    const expired = await page.request.get("/api/account");
    expect(expired.status()).toBe(401);
    await expectSignedOut(page);
  });
});

test("an organizer with users.manage sees a user's sessions and ends one, then all; audited with the organizer as actor", async ({ page, browser }) => {
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  try {
    const email = await landAsNewUser(userPage, "managed");
    const second = await secondDevice(browser, email);
    const id = String((await e2eDb().execute({ sql: "SELECT id FROM User WHERE email = ?", args: [email] })).rows[0].id);
    await landAsAdmin(page);
    await page.goto(`/admin/users/${id}`);
    await expect(sessionRows(page)).toHaveCount(2);
    await sessionRows(page).filter({ hasText: "Firefox on Linux" }).getByRole("button", { name: "Sign out" }).click();
    await expect(flash(page)).toContainText("The session has been signed out.");
    await expect(sessionRows(page)).toHaveCount(1);
    expect(await auditCount("session.ended", email, E2E.admin.email)).toBe(1);
    await expectSignedOut(second.page);
    await second.context.close();

    await page.getByRole("button", { name: "Sign out of all sessions" }).click();
    await expect(flash(page)).toContainText("All of the user's sessions have been signed out.");
    await expect(page.getByText("No active sessions.")).toBeVisible();
    expect(await auditCount("user.sessions_ended", email, E2E.admin.email)).toBe(1);
    await expectSignedOut(userPage);
  } finally {
    await userContext.close();
  }
});
