import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";
import { generate, generateSecret } from "otplib";
import { E2E } from "./env";
import { e2eDb, formAlert, signIn, signUpAndLand, uniqueEmail } from "./helpers";
import { waitForMail } from "./mail";

// The second factor (lib/auth/second-factor.ts): enrolment, the sign-in's second step on /sign-in/verify
// (no session before it), recovery codes, the attacks on the step, the staff requirement and freshness.
// Codes are computed here with otplib, as the authenticator app would.

test.describe.configure({ timeout: 120_000 });

const STEP = 30_000;
const PENDING_COOKIE = "mfo-pending-sign-in";
const WRONG_CODE = "That code is not right, or it was already used";

function dbDate(ms: number): string {
  return new Date(ms).toISOString().replace("Z", "+00:00");
}

/** The app's code `steps` time steps from now. */
function codeAt(secret: string, steps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor((Date.now() + steps * STEP) / 1000) });
}

function recoveryHash(code: string): string {
  return createHash("sha256").update(`recovery:${code.replace(/[\s-]/g, "").toLowerCase()}`, "utf8").digest("base64url");
}

async function userId(email: string): Promise<string> {
  const rows = await e2eDb().execute({ sql: "SELECT id FROM User WHERE email = ?", args: [email] });
  return String(rows.rows[0].id);
}

async function sessionCount(email: string): Promise<number> {
  const rows = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM Session s JOIN User u ON u.id = s.userId WHERE u.email = ?", args: [email] });
  return Number(rows.rows[0].n);
}

async function auditCount(email: string, action: string): Promise<number> {
  const rows = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM AuditEvent WHERE subjectLabel = ? AND action = ?", args: [email, action] });
  return Number(rows.rows[0].n);
}

/** An enabled authenticator and two recovery codes, as enrolment leaves them (set up through the database). */
async function enrolled(email: string): Promise<{ secret: string; recovery: string[] }> {
  const id = await userId(email);
  const secret = generateSecret();
  // Random, as the codes are unique across users.
  const alphabet = "abcdefghjkmnpqrstvwxyz23456789";
  const recovery = [0, 1].map(() => {
    const c = [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join("");
    return `${c.slice(0, 5)}-${c.slice(5)}`;
  });
  await e2eDb().batch([
    { sql: "INSERT INTO TwoFactor (userId, secret, confirmedAt, createdAt) VALUES (?, ?, ?, ?)", args: [id, secret, dbDate(Date.now()), dbDate(Date.now())] },
    ...recovery.map((code, i) => ({ sql: "INSERT INTO RecoveryCode (id, userId, codeHash) VALUES (?, ?, ?)", args: [`rc-${id}-${i}`, id, recoveryHash(code)] })),
  ]);
  return { secret, recovery };
}

/** A signed-up user in a browser of their own, signed out again, with an enabled authenticator. */
async function enrolledUser(page: Page) {
  const email = await signUpAndLand(page, "totp");
  await page.context().clearCookies();
  return { email, ...(await enrolled(email)) };
}

async function passwordStep(page: Page, email: string, callbackUrl = "/account") {
  await signIn(page, email, E2E.password, `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await expect(page).toHaveURL(/\/sign-in\/verify\?/, { timeout: 30_000 });
}

async function enterCode(page: Page, code: string) {
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

/** A refused code: the answer is in once the form has reset its field (React does, after the action). */
async function enterRefusedCode(page: Page, code: string, message = WRONG_CODE) {
  await enterCode(page, code);
  await expect(page.getByLabel("Code", { exact: true })).toHaveValue("", { timeout: 30_000 });
  await expect(page.getByText(message)).toBeVisible();
}

async function pendingCookie(context: BrowserContext) {
  return (await context.cookies()).find((c) => c.name === PENDING_COOKIE);
}

test("enrol with the QR page, then sign in: no session until the code; wrong, expired, replayed and malformed codes refused", async ({ page, browser }) => {
  const email = await signUpAndLand(page, "enrol");
  await page.goto("/account/two-factor");
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" }).locator("svg")).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Code from the app").fill("12345");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Enter the 6-digit code your authenticator app shows")).toBeVisible();
  const enrolCode = await codeAt(secret);
  await page.getByLabel("Code from the app").fill(enrolCode);
  await page.getByRole("button", { name: "Turn on" }).click();
  const shown = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(shown).toHaveCount(10);
  const codes = await shown.allTextContents();
  const download = page.getByRole("link", { name: "Download as a text file" });
  await expect(download).toHaveAttribute("download", "festival-recovery-codes.txt");
  expect(decodeURIComponent((await download.getAttribute("href"))!)).toContain(codes[0]);
  // Stored hashed only.
  const stored = await e2eDb().execute({ sql: "SELECT codeHash FROM RecoveryCode WHERE userId = ?", args: [await userId(email)] });
  expect(stored.rows.map((r) => String(r.codeHash)).sort()).toEqual(codes.map(recoveryHash).sort());
  await waitForMail(email, /Two-step sign-in is on/);
  expect(await auditCount(email, "user.two_factor_enabled")).toBe(1);

  // Another browser: the password alone makes no session.
  const context = await browser.newContext();
  const other = await context.newPage();
  const before = await sessionCount(email);
  await passwordStep(other, email);
  expect(await sessionCount(email)).toBe(before);
  await other.goto("/account/security");
  await expect(other).toHaveURL(/\/sign-in\?callbackUrl=/);
  await other.goto("/sign-in/verify?callbackUrl=%2Faccount");

  await enterRefusedCode(other, "12ab56", "Enter the 6-digit code from your authenticator app, or one of your recovery codes");
  await enterRefusedCode(other, await codeAt(secret, 4)); // wrong: from two minutes ahead
  await enterRefusedCode(other, await codeAt(secret, -3)); // expired
  await enterRefusedCode(other, enrolCode); // already used to confirm the enrolment: a replay
  expect(await sessionCount(email)).toBe(before);
  expect(await auditCount(email, "user.second_factor_failed")).toBe(3); // the malformed one is not an attempt

  const next = await codeAt(secret, 1); // the next step's code: within ±1 step, not yet used
  await enterCode(other, next);
  await expect(other).toHaveURL(/\/account$/, { timeout: 30_000 });
  expect(await sessionCount(email)).toBe(before + 1);
  expect(await pendingCookie(context)).toBeUndefined();

  // The same code again, in a new sign-in: refused.
  await context.clearCookies();
  await passwordStep(other, email);
  await enterRefusedCode(other, next);
  await context.close();
});

test("a recovery code signs in once, mails the owner with the count left", async ({ page }) => {
  const { email, recovery } = await enrolledUser(page);
  await passwordStep(page, email);
  await enterCode(page, recovery[0]!.toUpperCase().replace("-", " "));
  await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
  const mail = await waitForMail(email, /A recovery code was used/);
  expect(mail.text).toContain("1 recovery code remains");
  expect(await auditCount(email, "user.recovery_code_used")).toBe(1);

  await page.context().clearCookies();
  await passwordStep(page, email);
  await enterRefusedCode(page, recovery[0]!);
});

test("the verify step needs this browser's password step: none, expired, used, or another browser's", async ({ page, browser, request }) => {
  const { email, secret } = await enrolledUser(page);
  const before = await sessionCount(email); // the sign-up's, whose cookie is gone
  // No password step at all: the page sends to sign-in, the endpoint signs nobody in.
  await page.goto("/sign-in/verify?callbackUrl=%2Faccount");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const answer = await request.post("/api/auth/callback/totp", { form: { csrfToken, code: await codeAt(secret) }, maxRedirects: 0 });
  expect(answer.headers()["location"]).toContain("code=no_pending");
  expect(await sessionCount(email)).toBe(before);

  // Expired (5 minutes): back to sign-in.
  await passwordStep(page, email);
  await e2eDb().execute({ sql: "UPDATE PendingSignIn SET expiresAt = ? WHERE userId = ?", args: [dbDate(Date.now() - 1000), await userId(email)] });
  await enterCode(page, await codeAt(secret));
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  await expect(page.getByText("Your sign-in timed out or was already finished. Sign in again.")).toBeVisible();

  // A pending cookie copied to another browser after its sign-in finished: refused.
  await passwordStep(page, email);
  const copied = (await pendingCookie(page.context()))!;
  expect(copied.httpOnly).toBe(true);
  await enterCode(page, await codeAt(secret, 1));
  await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
  const thief = await browser.newContext();
  await thief.addCookies([copied]);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/sign-in/verify?callbackUrl=%2Faccount");
  await expect(thiefPage).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
  expect(await sessionCount(email)).toBe(before + 1);
  await thief.close();
});

test("20 parallel code guesses: at most the account's limit are checked, then even the right code waits", async ({ page }) => {
  const { email, secret } = await enrolledUser(page);
  const before = await sessionCount(email);
  await passwordStep(page, email);
  const api = page.context().request;
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const guesses = Array.from({ length: 20 }, (_, i) => String(100000 + i * 7919).slice(0, 6));
  const answers = await Promise.all(guesses.map((code) => api.post("/api/auth/callback/totp", { form: { csrfToken, code }, maxRedirects: 0 })));
  const throttled = answers.filter((a) => a.headers()["location"]?.includes("code=throttled")).length;
  const checked = await auditCount(email, "user.second_factor_failed");
  expect(checked).toBeLessThanOrEqual(10);
  expect(checked + throttled).toBe(20);
  expect(await sessionCount(email)).toBe(before);
  await enterCode(page, await codeAt(secret));
  await expect(formAlert(page)).toContainText("Too many attempts. Try again in");
  expect(await sessionCount(email)).toBe(before);
});

test("a stale session is asked for the password before managing the second factor, then continues", async ({ page }) => {
  const email = await signUpAndLand(page, "fresh");
  await e2eDb().execute({ sql: "UPDATE Session SET authenticatedAt = ? WHERE userId = ?", args: [dbDate(Date.now() - 20 * 60_000), await userId(email)] });
  await page.goto("/account/two-factor");
  await expect(page).toHaveURL(/\/account\/confirm-identity\?next=%2Faccount%2Ftwo-factor$/);
  await page.getByLabel("Password").fill("not my password at all, surely");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That is not your password")).toBeVisible();
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  await expect(page.getByRole("button", { name: "Set up an authenticator app" })).toBeVisible();
  expect(await auditCount(email, "user.reauthenticated")).toBe(1);
});

test("with an authenticator app, re-authentication asks for a code too: the password alone does not renew the session", async ({ page }) => {
  const email = await signUpAndLand(page, "fresh-totp");
  const { secret, recovery } = await enrolled(email);
  const id = await userId(email);
  const stale = () => e2eDb().execute({ sql: "UPDATE Session SET authenticatedAt = ? WHERE userId = ?", args: [dbDate(Date.now() - 20 * 60_000), id] });
  await stale();
  await page.goto("/account/two-factor");
  await expect(page).toHaveURL(/\/account\/confirm-identity\?next=%2Faccount%2Ftwo-factor$/);
  await expect(page.getByText("Enter your password and a code from your authenticator app")).toBeVisible();
  const code = page.getByLabel("Code");
  const fieldError = (name: string) => page.locator(`#field-${name}-error`);
  // The password alone: refused next to the code, nothing renewed.
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(fieldError("code")).toHaveText("Enter the 6-digit code from your authenticator app, or one of your recovery codes");
  // A wrong code: refused, and counted as at sign-in.
  await page.getByLabel("Password").fill(E2E.password);
  await code.fill(String((Number(await codeAt(secret)) + 1) % 1_000_000).padStart(6, "0"));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(fieldError("code")).toHaveText(WRONG_CODE);
  expect(await auditCount(email, "user.second_factor_failed")).toBe(1);
  expect(await auditCount(email, "user.reauthenticated")).toBe(0);
  await expect(page).toHaveURL(/\/account\/confirm-identity/);
  // The right code: on to the page it was for.
  await page.getByLabel("Password").fill(E2E.password);
  await code.fill(await codeAt(secret));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  expect(await auditCount(email, "user.reauthenticated")).toBe(1);
  // A recovery code does as well (and is used up).
  await stale();
  await page.goto("/account/two-factor");
  await page.getByLabel("Password").fill(E2E.password);
  await page.getByLabel("Code").fill(recovery[0]);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account\/two-factor$/);
  expect(await auditCount(email, "user.recovery_code_used")).toBe(1);
});

test.describe("staff must have a second factor (second server, default TWO_FACTOR_REQUIRED_PERMISSIONS)", () => {
  test.use({ baseURL: E2E.confirmBaseURL });

  test("a grant of users.manage holds the user at enrolment from their next request, until enrolled", async ({ page }) => {
    const email = uniqueEmail("staff");
    await page.goto("/sign-up");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(E2E.password);
    await page.getByLabel("Confirm password").fill(E2E.password);
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page).toHaveURL(/\/sign-up\/check-inbox$/, { timeout: 30_000 });
    const db = { execute: (sql: string, args: string[]) => e2eDb(E2E.confirmDatabaseUrl).execute({ sql, args }) };
    await db.execute("UPDATE User SET emailVerified = ? WHERE email = ?", [dbDate(Date.now()), email]);
    await signIn(page, email, E2E.password, "/sign-in?callbackUrl=%2Faccount%2Fsecurity");
    await expect(page).toHaveURL(/\/account\/security$/, { timeout: 30_000 });

    // The admin role (users.manage, roles.manage) granted while signed in.
    await db.execute("INSERT INTO UserRole (userId, roleId) SELECT u.id, r.id FROM User u, Role r WHERE u.email = ? AND r.key = 'admin'", [email]);
    await page.goto("/account/security");
    await expect(page).toHaveURL(/\/account\/two-factor$/);
    await expect(page.getByText("Your permissions require two-step sign-in")).toBeVisible();
    for (const path of ["/admin/users", "/account/security"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/account\/two-factor$/);
    }
    const api = await page.request.get("/api/account");
    expect(api.status()).toBe(403);
    expect((await api.json()).location).toBe("/account/two-factor");

    await page.getByRole("button", { name: "Set up an authenticator app" }).click();
    const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
    await page.getByLabel("Code from the app").fill(await codeAt(secret));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/admin\/users$/);
  });
});
