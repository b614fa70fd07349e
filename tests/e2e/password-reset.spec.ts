import { expect, test } from "@playwright/test";
import { E2E } from "./env";
import { e2eDb, signIn, uniqueEmail } from "./helpers";
import { linkTo, linksIn, mailTo, waitForMail } from "./mail";
import { newUser, signInDirectly } from "./setup";

const NEW_PASSWORD = "a brand new chorus for the finale";
const SENT = "If an account exists for that address, we sent a link";

async function askForReset(page: import("@playwright/test").Page, email: string) {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "Send me a reset link" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(SENT);
}

// Several bcrypt hashes and two browsers per test, on two shared cores.
test.describe.configure({ timeout: 120_000 });

test.describe("forgot password", () => {
  test("the same answer for known and unknown addresses; mail only for the known one", async ({ page }) => {
    const email = await newUser({ prefix: "forgot" });
    const nobody = uniqueEmail("nobody");
    await askForReset(page, nobody);
    const unknownPage = await page.getByRole("main").innerText();
    await askForReset(page, email.toUpperCase());
    expect(await page.getByRole("main").innerText()).toBe(unknownPage);
    const mail = await waitForMail(email, /Reset your password/);
    // The known address's mail has arrived, and the unknown one (asked for first) got none.
    expect(await mailTo(nobody)).toHaveLength(0);
    expect(mail.subject).toContain("Music Festival Organizer");
    expect(mail.text).toContain("Music Festival Organizer");
    expect(mail.html).toContain("Music Festival Organizer");
    expect(mail.from[0].address).toBe("festival@e2e.test");
    for (const link of linksIn(mail)) expect(link.startsWith(`${E2E.baseURL}/`), link).toBe(true);
    const token = new URL(linkTo(mail, "/reset-password")).searchParams.get("token")!;
    // Only the hash is stored.
    const stored = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM UserToken WHERE tokenHash = ?", args: [token] });
    expect(Number(stored.rows[0].n)).toBe(0);
  });

  test("the link sets a new password, ends other sessions, signs in, mails a notice, and works once", async ({ page, browser }) => {
    const email = await newUser({ prefix: "reset" });
    // Another browser where the user is signed in.
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await signInDirectly(other, email);
      await otherPage.goto("/account");
      await expect(otherPage).toHaveURL(/\/account$/);

      await askForReset(page, email);
      const link = linkTo(await waitForMail(email, /Reset your password/), "/reset-password");
      await page.goto(link);
      await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
      // The same policy as sign-up, messages next to the fields.
      await page.getByLabel("New password", { exact: true }).fill("too short");
      await page.getByLabel("Confirm new password").fill("too short!");
      await page.getByRole("button", { name: "Save new password" }).click();
      await expect(page.locator("#field-newPassword-error")).toHaveText("Use at least 15 characters (you have 9)");
      await expect(page.locator("#field-confirmPassword-error")).toHaveText("The passwords do not match");
      await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");

      await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Save new password" }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByText("Your password has been changed and you are signed in.")).toBeVisible();
      await waitForMail(email, /Your password was changed/);

      // The other browser's session is over.
      await otherPage.goto("/account");
      await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
      await expect(otherPage.getByText("Your session has ended. Please sign in again.")).toBeVisible();

      // The old password no longer works, the new one does.
      await signIn(otherPage, email, E2E.password);
      await expect(otherPage.getByRole("main").getByRole("alert")).toHaveText("Invalid e-mail or password");
      await signIn(otherPage, email, NEW_PASSWORD);
      await expect(otherPage).toHaveURL(/\/account$/);

      // Used once: the link now gets the "does not work" page with a way to ask again.
      await page.goto(link);
      await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
      await page.getByRole("link", { name: "Ask for a new reset link" }).click();
      await expect(page).toHaveURL(/\/forgot-password$/);
    } finally {
      await other.close();
    }
  });

  test("an expired, altered or superseded link gets a clear page", async ({ page }) => {
    const email = await newUser({ prefix: "expired" });
    await askForReset(page, email);
    const first = linkTo(await waitForMail(email, /Reset your password/), "/reset-password");
    // Altered: one character changed.
    const altered = first.slice(0, -1) + (first.endsWith("A") ? "B" : "A");
    await page.goto(altered);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    // Expired.
    await e2eDb().execute({
      sql: "UPDATE UserToken SET expiresAt = ? WHERE userId = (SELECT id FROM User WHERE email = ?)",
      args: [Date.now() - 1000, email],
    });
    await page.goto(first);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    // Superseded: asking again makes the older link useless.
    await askForReset(page, email);
    const second = linkTo(await waitForMail(email, /Reset your password/, 2), "/reset-password");
    expect(second).not.toBe(first);
    await page.goto(second);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    // A link that expires while the form is open is refused on submit, and the password stays.
    await e2eDb().execute({
      sql: "UPDATE UserToken SET expiresAt = ? WHERE userId = (SELECT id FROM User WHERE email = ?)",
      args: [Date.now() - 1000, email],
    });
    await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    await signIn(page, email, E2E.password);
    await expect(page).toHaveURL(/\/account$/);
  });
});
