import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { formAlert } from "./helpers";
import { landAsAdmin, landAsNewUser } from "./setup";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test.describe("accessibility", () => {
  test("home, sign-in and sign-up have no axe violations", async ({ page }) => {
    for (const path of ["/", "/sign-in", "/sign-up"]) {
      await page.goto(path);
      await expectNoAxeViolations(page);
    }
  });

  test("a form with errors has no axe violations", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByRole("button", { name: "Sign up" }).click();
    await expect(page.locator("#field-email-error")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("account and admin have no axe violations", async ({ page }) => {
    await landAsNewUser(page, "axe");
    await expectNoAxeViolations(page);
    await page.context().clearCookies();
    await landAsAdmin(page);
    await expectNoAxeViolations(page);
  });

  test("sign-in works from the keyboard alone, with a visible focus ring", async ({ page }) => {
    await page.goto("/sign-in");
    const email = page.getByLabel("E-mail");
    await email.focus();
    const outline = await email.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.type("keyboard-only@example.org");
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
    await page.keyboard.type("a password typed by hand");
    await page.keyboard.press("Enter");
    await expect(formAlert(page)).toHaveText("Invalid e-mail or password");
  });

  test("password fields accept paste and tell password managers what they are", async ({ page }) => {
    await page.goto("/sign-up");
    const password = page.getByLabel("Password", { exact: true });
    await expect(page.getByLabel("E-mail")).toHaveAttribute("autocomplete", "email");
    await expect(password).toHaveAttribute("autocomplete", "new-password");
    await expect(page.getByLabel("Confirm password")).toHaveAttribute("autocomplete", "new-password");
    const prevented = await password.evaluate((el) => {
      const event = new ClipboardEvent("paste", { bubbles: true, cancelable: true, clipboardData: new DataTransfer() });
      return !el.dispatchEvent(event);
    });
    expect(prevented).toBe(false);
    await page.goto("/sign-in");
    await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("autocomplete", "current-password");
  });
});
