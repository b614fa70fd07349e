import { expect, test } from "@playwright/test";
import { e2eDb, uniqueEmail } from "./helpers";
import { dropSession, linkTo, mailTo, waitForMail } from "./mail";
import { generate, generateSecret } from "otplib";
import { dbDate, directUser } from "./direct-session";

// "E-mail me a sign-in link" (lib/auth/sign-in-link.ts): one answer for every address, a link that
// works once, for 15 minutes, read from maildev.

test.describe.configure({ timeout: 120_000 });

async function askForLink(page: import("@playwright/test").Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "E-mail me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Sign in with an e-mailed link" })).toBeVisible();
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
}

test("a link signs in once; a second use, even from a page opened before the first, is refused; an unknown address gets the same answer", async ({ page, context }) => {
  const user = await directUser("link");
  const stranger = uniqueEmail("nobody");

  await askForLink(page, stranger);
  const strangerAnswer = await page.getByRole("main").innerText();
  await askForLink(page, user.email);
  expect(await page.getByRole("main").innerText()).toBe(strangerAnswer);
  await expect(page).toHaveURL(/\/sign-in-link\/sent$/);

  const link = linkTo(await waitForMail(user.email, /Your sign-in link/), "/sign-in-link/open");
  expect(await mailTo(stranger)).toHaveLength(0);
  const stored = await e2eDb().execute({ sql: "SELECT tokenHash, expiresAt FROM UserToken WHERE userId = ? AND purpose = 'sign_in_link'", args: [user.id] });
  expect(stored.rows).toHaveLength(1);
  expect(String(stored.rows[0].tokenHash)).not.toBe(new URL(link).searchParams.get("token")); // stored hashed
  const minutesLeft = (new Date(String(stored.rows[0].expiresAt)).getTime() - Date.now()) / 60_000;
  expect(minutesLeft).toBeGreaterThan(13);
  expect(minutesLeft).toBeLessThanOrEqual(15);

  // Two tabs open the link; the first button signs in, the second finds it used.
  const second = await context.newPage();
  await page.goto(link);
  await second.goto(link);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  const signedIn = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM AuditEvent WHERE action = 'user.signed_in' AND subjectId = ? AND details LIKE '%email_link%'", args: [user.id] });
  expect(Number(signedIn.rows[0].n)).toBe(1);
  await second.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(second).toHaveURL(/\/link-invalid\?kind=sign-in$/);
  await expect(second.getByText("This sign-in link has already been used, has expired")).toBeVisible();

  // And opened again later.
  await dropSession(page);
  await page.goto(link);
  await expect(page).toHaveURL(/\/link-invalid\?kind=sign-in$/);
});

test("an expired link is refused", async ({ page }) => {
  const user = await directUser("link-expired");
  await askForLink(page, user.email);
  const link = linkTo(await waitForMail(user.email, /Your sign-in link/), "/sign-in-link/open");
  await page.goto(link);
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  // The page was opened in time; the link expires before the button is pressed.
  await e2eDb().execute({ sql: "UPDATE UserToken SET expiresAt = ? WHERE userId = ? AND purpose = 'sign_in_link'", args: [dbDate(Date.now() - 1000), user.id] });
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/link-invalid\?kind=sign-in$/);
  const sessions = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM Session WHERE userId = ?", args: [user.id] });
  expect(Number(sessions.rows[0].n)).toBe(0);
});

test("for an account with an authenticator app the link is the first factor only: the code follows, then the session", async ({ page }) => {
  const user = await directUser("link-2fa");
  const secret = generateSecret();
  const now = dbDate(Date.now());
  await e2eDb().execute({ sql: "INSERT INTO TwoFactor (userId, secret, confirmedAt, createdAt) VALUES (?, ?, ?, ?)", args: [user.id, secret, now, now] });
  await askForLink(page, user.email);
  const link = linkTo(await waitForMail(user.email, /Your sign-in link/), "/sign-in-link/open");
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in\/verify\?callbackUrl=%2Faccount$/);
  const sessions = async () => Number((await e2eDb().execute({ sql: "SELECT count(*) AS n FROM Session WHERE userId = ?", args: [user.id] })).rows[0].n);
  expect(await sessions()).toBe(0); // no session before the code
  await page.getByLabel("Code", { exact: true }).fill(await generate({ secret }));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account$/);
  expect(await sessions()).toBe(1);
});
