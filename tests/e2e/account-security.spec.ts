import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { E2E } from "./env";
import { e2eDb, formAlert, signIn, uniqueEmail } from "./helpers";
import { landAsNewUser, newUser, signInDirectly } from "./setup";
import { linkTo, linksIn, mailTo, waitForMail, dropSession } from "./mail";

const NEW_PASSWORD = "the drummer keeps perfect time tonight";

// Several bcrypt hashes and two browsers per test, on two shared cores.
test.describe.configure({ timeout: 240_000 });

test.describe("change password", () => {
  test("needs the current password; ends the other session, keeps this one, and mails a notice", async ({ page, browser }) => {
    const email = await landAsNewUser(page, "chpw");
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await signInDirectly(other, email);
      await otherPage.goto("/account");
      await expect(otherPage).toHaveURL(/\/account$/);

      await page.goto("/account");
      await page.getByRole("link", { name: "Change your password or e-mail address" }).click();
      await expect(page).toHaveURL(/\/account\/security$/);
      await page.getByLabel("Current password").first().fill("not my current password at all");
      await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page.locator("#field-currentPassword-error")).toHaveText("That is not your current password");
      await expect(page.getByLabel("New password", { exact: true })).toHaveValue("");

      await page.locator("#field-currentPassword").fill(E2E.password);
      await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Confirm new password").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Change password" }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByText("Your password has been changed. Your other sessions have been signed out.")).toBeVisible();
      // This session still works (a new token of the new version)…
      await page.goto("/account/security");
      await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
      // …and the other one is over.
      await otherPage.goto("/account");
      await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
      await expect(otherPage.getByText("Your session has ended. Please sign in again.")).toBeVisible();

      const notice = await waitForMail(email, /Your password was changed/);
      expect(notice.html).toContain("<p>");
      for (const link of linksIn(notice)) expect(link.startsWith(`${E2E.baseURL}/`), link).toBe(true);
      const audit = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM AuditEvent WHERE action = 'user.password_changed' AND subjectLabel = ?", args: [email] });
      expect(Number(audit.rows[0].n)).toBe(1);
    } finally {
      await other.close();
    }
  });
});

test.describe("change e-mail", () => {
  test("needs the password, mails the new address a link and the old one a notice, changes only on the link", async ({ page }) => {
    const email = await landAsNewUser(page, "chmail");
    const next = uniqueEmail("moved");
    await page.goto("/account/security");
    const form = page.locator("form", { has: page.getByRole("button", { name: "Send confirmation link" }) });
    await form.getByLabel("New e-mail address").fill(next);
    await form.getByLabel("Current password").fill("wrong password, clearly wrong");
    await form.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(page.locator("#field-email-currentPassword-error")).toHaveText("That is not your current password");
    await expect(form.getByLabel("New e-mail address")).toHaveValue(next);
    await expect(form.getByLabel("Current password")).toHaveValue("");

    await form.getByLabel("Current password").fill(E2E.password);
    await form.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(page.getByText(`We sent a confirmation link to ${next}.`)).toBeVisible();
    await expect(form.getByLabel("New e-mail address")).toHaveValue("");
    const confirm = await waitForMail(next, /Confirm your new e-mail address/);
    const notice = await waitForMail(email, /Your e-mail address is being changed/);
    expect(notice.text).toContain(next);
    expect(linksIn(notice).join(" ")).not.toContain("confirm-email-change");
    // Not changed yet.
    await page.goto("/account");
    await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();

    const link = linkTo(confirm, "/confirm-email-change");
    expect(link.startsWith(`${E2E.baseURL}/`)).toBe(true);
    // Opening the link (as a mail scanner does) changes nothing: it shows a button.
    const opened = await page.request.get(link, { maxRedirects: 0 });
    expect(opened.status()).toBe(200);
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Confirm your new e-mail address" })).toBeVisible();
    await expect(page.getByRole("main").getByText(next, { exact: true })).toBeVisible();
    await page.goto("/account");
    await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();
    // The button (a POST) changes it, and ends every session of the account, this one too.
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm this address" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByText(`Your e-mail address is now ${next}. Please sign in with it.`)).toBeVisible();
    const changed = await waitForMail(email, /Your e-mail address was changed/);
    expect(changed.text).toContain(next);
    await page.goto("/account/security");
    await expect(page).toHaveURL(/\/sign-in/);
    // Once only.
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "This link does not work" })).toBeVisible();
    // The new address signs in; the old one does not.
    await dropSession(page);
    await signIn(page, email, E2E.password);
    await expect(formAlert(page)).toHaveText("Invalid e-mail or password");
    await signIn(page, next, E2E.password);
    await expect(page).toHaveURL(/\/account$/);
  });

  test("refuses an address that belongs to someone else, and one taken before the link is followed", async ({ page }) => {
    const taken = await newUser({ prefix: "owner" });
    const email = await landAsNewUser(page, "wants");
    await page.goto("/account/security");
    await page.getByLabel("New e-mail address").fill(taken.toUpperCase());
    await page.locator("#field-email-currentPassword").fill(E2E.password);
    await page.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(page.locator("#field-newEmail-error")).toHaveText("An account with this e-mail already exists");
    expect(await mailTo(taken, /Confirm your new/)).toHaveLength(0);

    // Asked for a free address, which someone else then signs up with before the link is followed.
    const contested = uniqueEmail("contested");
    await page.getByLabel("New e-mail address").fill(contested);
    await page.locator("#field-email-currentPassword").fill(E2E.password);
    await page.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(page.getByText(`We sent a confirmation link to ${contested}.`)).toBeVisible();
    const link = linkTo(await waitForMail(contested, /Confirm your new/), "/confirm-email-change");
    await newUser({ email: contested });
    await page.goto(link);
    await page.getByRole("button", { name: "Confirm this address" }).click();
    await expect(page.getByText("That address now belongs to another account")).toBeVisible();
    await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();
  });
});

test.describe("profile and sign-in history", () => {
  test("edit the display name; too long keeps what was typed and says why", async ({ page }) => {
    await landAsNewUser(page, "profile");
    const name = page.getByLabel("Display name");
    await expect(name).toHaveAttribute("autocomplete", "name");
    await name.fill("Ada <b>Lovelace</b>");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Your profile has been saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Display name")).toHaveValue("Ada <b>Lovelace</b>");
    // Past the limit (the browser's maxlength stops typing, so remove it as a script would).
    await page.getByLabel("Display name").evaluate((el) => el.removeAttribute("maxlength"));
    const long = "x".repeat(10_000);
    await page.getByLabel("Display name").fill(long);
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.locator("#field-name-error")).toHaveText("A display name has at most 100 characters");
    expect((await page.getByLabel("Display name").inputValue()).length).toBeGreaterThan(100);
  });

  test("shows the current and previous sign-in, the count, and Sign out everywhere ends every session", async ({ page, browser }) => {
    // Both sign-ins through the form: what they record is under test.
    const email = await newUser({ prefix: "history" });
    await signIn(page, email, E2E.password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId("sign-in-count")).toHaveText("1");
    await expect(page.getByTestId("last-sign-in")).toHaveText("None");
    await expect(page.getByTestId("current-sign-in")).toContainText(String(new Date().getUTCFullYear()));
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await signIn(otherPage, email, E2E.password);
      await expect(otherPage).toHaveURL(/\/account$/);
      await expect(otherPage.getByTestId("sign-in-count")).toHaveText("2");
      await expect(otherPage.getByTestId("last-sign-in")).toContainText(" from ");
      await expect(otherPage.getByTestId("current-sign-in")).not.toContainText("unknown");

      await page.reload();
      await page.getByRole("button", { name: "Sign out everywhere" }).click();
      await expect(page).toHaveURL(/\/sign-in$/);
      await expect(page.getByText("You have been signed out everywhere.")).toBeVisible();
      await otherPage.goto("/account");
      await expect(otherPage).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
      await expect(otherPage.getByText("Your session has ended. Please sign in again.")).toBeVisible();
    } finally {
      await other.close();
    }
  });
});

test.describe("accessibility of the account pages", () => {
  test("profile, security, forgot-password and the invalid-link page have no axe violations", async ({ page }) => {
    const check = async () => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
    };
    await landAsNewUser(page, "axe-account");
    await check();
    await page.goto("/account/security");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.locator("#field-currentPassword-error")).toBeVisible();
    await check();
    await dropSession(page);
    for (const path of ["/forgot-password", "/forgot-password/sent", "/link-invalid?kind=reset"]) {
      await page.goto(path);
      await check();
    }
  });
});
