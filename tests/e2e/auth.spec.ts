import { expect, test } from "@playwright/test";
import { E2E } from "./env";
import { e2eDb, formAlert, signIn, signUp, uniqueEmail } from "./helpers";
import { landAsNewUser, newUser } from "./setup";

test.describe("sign up", () => {
  test("creates the account, signs in and shows e-mail, roles and member-since", async ({ page }) => {
    const email = uniqueEmail("Fresh");
    await signUp(page, `  ${email.toUpperCase()}  `);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expect(page.getByRole("main").getByText(email.toLowerCase(), { exact: true })).toBeVisible();
    await expect(page.getByRole("list", { name: "Your roles" })).toHaveText("participant");
    const year = String(new Date().getUTCFullYear());
    await expect(page.locator("time").first()).toContainText(year); // member since
  });

  test("sends the new user on to the callbackUrl", async ({ page }) => {
    await signUp(page, uniqueEmail("cb"), E2E.password, "/account?from=signup");
    await expect(page).toHaveURL(/\/account\?from=signup$/);
  });

  test("refuses an address that exists in any case, next to the field, keeping what was typed", async ({ page }) => {
    const email = await newUser({ prefix: "dupe" });
    const typed = email.toUpperCase();
    await signUp(page, typed);
    const field = page.getByLabel("E-mail");
    await expect(field).toHaveAttribute("aria-invalid", "true");
    const error = page.locator("#field-email-error");
    await expect(error).toHaveText("An account with this e-mail already exists");
    await expect(error).toHaveAttribute("role", "alert");
    await expect(field).toHaveAttribute("aria-describedby", /field-email-error/);
    await expect(field).toHaveValue(typed);
    await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
    const rows = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM User WHERE email = ?", args: [email] });
    expect(Number(rows.rows[0].n)).toBe(1);
  });

  test("explains a short password and a mismatched confirmation", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("E-mail").fill(uniqueEmail("weak"));
    await page.getByLabel("Password", { exact: true }).fill("password");
    await page.getByLabel("Confirm password").fill("passw0rd");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.locator("#field-password-error")).toHaveText("Use at least 15 characters (you have 8)");
    await expect(page.locator("#field-confirmPassword-error")).toHaveText("The passwords do not match");
    await expect(page).toHaveURL(/\/sign-up$/);
  });

  test("ten simultaneous sign-ups with one address make one account and nine clear refusals", async ({ browser }) => {
    test.setTimeout(150_000); // ten bcrypt hashes at cost 12 on two cores
    const email = uniqueEmail("race");
    const contexts = await Promise.all(Array.from({ length: 10 }, () => browser.newContext()));
    try {
      const pages = await Promise.all(contexts.map((c) => c.newPage()));
      await Promise.all(
        pages.map(async (page) => {
          await page.goto("/sign-up");
          await page.getByLabel("E-mail").fill(email);
          await page.getByLabel("Password", { exact: true }).fill(E2E.password);
          await page.getByLabel("Confirm password").fill(E2E.password);
        }),
      );
      await Promise.all(pages.map((p) => p.getByRole("button", { name: "Sign up" }).click()));
      const outcomes = await Promise.all(
        pages.map(async (p) => {
          const done = p.waitForURL(/\/account$/, { timeout: 120_000 }).then(() => "account" as const);
          const refused = p
            .locator("#field-email-error")
            .waitFor({ timeout: 120_000 })
            .then(() => "refused" as const);
          return Promise.race([done, refused]);
        }),
      );
      expect(outcomes.filter((o) => o === "account")).toHaveLength(1);
      expect(outcomes.filter((o) => o === "refused")).toHaveLength(9);
      for (const [i, p] of pages.entries()) {
        if (outcomes[i] === "refused") await expect(p.locator("#field-email-error")).toHaveText("An account with this e-mail already exists");
      }
      const rows = await e2eDb().execute({ sql: "SELECT count(*) AS n FROM User WHERE email = ?", args: [email] });
      expect(Number(rows.rows[0].n)).toBe(1);
    } finally {
      await Promise.all(contexts.map((c) => c.close()));
    }
  });
});

test.describe("sign in", () => {
  test("right credentials take the user back where they were going", async ({ page }) => {
    const email = await newUser({ prefix: "back" });
    await page.goto("/account?tab=profile");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=/);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(E2E.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/account\?tab=profile$/);
  });

  test("wrong password and unknown e-mail get the same message, status 200, e-mail kept", async ({ page }) => {
    const email = await newUser({ prefix: "wrong" });
    const messages: string[] = [];
    for (const [who, password] of [
      [email, "not the password at all, sorry"],
      [uniqueEmail("nobody"), E2E.password],
    ]) {
      await page.goto("/sign-in");
      await page.getByLabel("E-mail").fill(who);
      await page.getByLabel("Password", { exact: true }).fill(password);
      const response = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      expect((await response).status()).toBe(200);
      const alert = formAlert(page);
      await expect(alert).toBeVisible();
      messages.push((await alert.textContent()) ?? "");
      await expect(page.getByLabel("E-mail")).toHaveValue(who);
      await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
      await expect(page).toHaveURL(/\/sign-in$/);
    }
    expect(messages).toEqual(["Invalid e-mail or password", "Invalid e-mail or password"]);
  });

  test("a hostile callbackUrl is ignored: the user lands on /account", async ({ page }) => {
    const email = await newUser({ prefix: "evil" });
    await signIn(page, email, E2E.password, `/sign-in?callbackUrl=${encodeURIComponent("//evil.example/steal")}`);
    await expect(page).toHaveURL(`${E2E.baseURL}/account`);
  });

  test("the submit button shows a pending state while the form is sent", async ({ page }) => {
    await page.goto("/sign-in");
    await page.route("**/sign-in", async (route) => {
      if (route.request().method() === "POST") await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await page.getByLabel("E-mail").fill(uniqueEmail("slow"));
    await page.getByLabel("Password", { exact: true }).fill("whatever it is, it is wrong");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const pending = page.getByRole("button", { name: "Signing in…" });
    await expect(pending).toBeVisible();
    await expect(pending).toBeDisabled();
    await expect(formAlert(page)).toHaveText("Invalid e-mail or password");
    await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  });
});

test.describe("sign out", () => {
  test("is a POST that lands on / with a message, and closes /account again", async ({ page }) => {
    await landAsNewUser(page, "bye");
    await expect(page.getByRole("link", { name: "Sign out" })).toHaveCount(0);
    const request = page.waitForRequest((r) => r.isNavigationRequest() || r.method() === "POST");
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    expect((await request).method()).toBe("POST");
    await expect(page).toHaveURL(`${E2E.baseURL}/`);
    await expect(page.getByRole("status")).toContainText("You have been signed out.");
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
    // The message is shown once, not on every later page.
    await page.goto("/");
    await expect(page.getByRole("status")).not.toContainText("signed out");
  });
});
