import { expect, test } from "@playwright/test";
import { createClient } from "@libsql/client";
import { E2E } from "./env";
import { signIn, signUp, uniqueEmail } from "./helpers";
import { linkTo, linksIn, waitForMail, dropSession } from "./mail";

// Against the second e2e server, started with REQUIRE_EMAIL_CONFIRMATION=true (playwright.config.ts).
test.use({ baseURL: E2E.confirmBaseURL });

const db = () => createClient({ url: E2E.confirmDatabaseUrl });

// Several bcrypt hashes and two browsers per test, on two shared cores.
test.describe.configure({ timeout: 120_000 });

test.describe("e-mail confirmation on sign-up (REQUIRE_EMAIL_CONFIRMATION=true)", () => {
  test("sign-up mails a link; /account waits for it; the link confirms once", async ({ page }) => {
    const email = uniqueEmail("confirm");
    await signUp(page, email);
    // Not signed in yet: a taken address gets this same page (tests/security/sign-up-enumeration.spec.ts).
    await expect(page).toHaveURL(/\/sign-up\/check-inbox$/);
    await expect(page.getByRole("heading", { name: "Check your inbox to continue" })).toBeVisible();
    await signIn(page, email, E2E.password, "/sign-in?callbackUrl=%2Faccount");
    await expect(page).toHaveURL(/\/confirm-email$/);
    await expect(page.getByRole("heading", { name: "Please confirm your e-mail" })).toBeVisible();
    // Every account page sends an unconfirmed user back here.
    for (const path of ["/account", "/account/security"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/confirm-email$/);
    }
    const mail = await waitForMail(email, /Confirm your e-mail address/);
    for (const link of linksIn(mail)) expect(link.startsWith(`${E2E.confirmBaseURL}/`), link).toBe(true);
    const link = linkTo(mail, "/confirm-email/verify");
    await page.goto(link);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByText("Thank you, your e-mail address is confirmed.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    const row = await db().execute({ sql: "SELECT emailVerified FROM User WHERE email = ?", args: [email] });
    expect(row.rows[0].emailVerified).not.toBeNull();
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    // Signing in later goes straight to the account.
    await dropSession(page);
    await signIn(page, email, E2E.password);
    await expect(page).toHaveURL(/\/account$/);
  });

  test("an unconfirmed user who signs in can resend, at most once a minute; the newest link wins", async ({ page }) => {
    const email = uniqueEmail("resend");
    await signUp(page, email);
    await expect(page).toHaveURL(/\/sign-up\/check-inbox$/);
    const first = linkTo(await waitForMail(email, /Confirm your e-mail address/), "/confirm-email/verify");
    await signIn(page, email, E2E.password, "/sign-in?callbackUrl=%2Faccount");
    await expect(page).toHaveURL(/\/confirm-email$/);
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("We sent a link less than a minute ago");
    // A minute later (moved back in the database rather than waited for).
    await db().execute({
      sql: "UPDATE UserToken SET createdAt = ? WHERE userId = (SELECT id FROM User WHERE email = ?)",
      args: [Date.now() - 120_000, email],
    });
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(page.getByRole("status").filter({ hasText: `We sent a new link to ${email}.` })).toBeVisible();
    const second = linkTo(await waitForMail(email, /Confirm your e-mail address/, 2), "/confirm-email/verify");
    expect(second).not.toBe(first);
    await page.goto(first);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await page.goto(second);
    await expect(page).toHaveURL(/\/account$/);
  });

  test("a garbage confirmation link gets the clear page, not an error", async ({ page }) => {
    for (const token of ["x", "A".repeat(43), "%FF%FE", "a".repeat(5000)]) {
      const response = await page.goto(`/confirm-email/verify?token=${token}`);
      expect(response?.status(), token.slice(0, 10)).toBeLessThan(500);
    }
    await page.goto(`/confirm-email/verify?token=${"A".repeat(43)}`);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Ask for a new confirmation link" })).toBeVisible();
  });
});
