import { expect, test } from "@playwright/test";
import { landAsAdmin, landAsNewUser } from "./setup";

test.describe("site navigation", () => {
  test("signed out: Home, Syllabus, Account, Sign in and Sign up; no Entries, no Admin, no Sign out", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("A week of music");
    const header = page.getByRole("banner");
    for (const name of ["Home", "Syllabus", "Account", "Sign in", "Sign up"]) {
      await expect(header.getByRole("link", { name, exact: true })).toBeVisible();
    }
    await expect(header.getByRole("link", { name: "Admin" })).toBeHidden();
    await expect(header.getByRole("link", { name: "Entries" })).toBeHidden();
    await expect(header.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  });

  test("signed in: the user's e-mail, Entries and Sign out; Admin only for admins", async ({ page }) => {
    const email = await landAsNewUser(page, "nav");
    const header = page.getByRole("banner");
    await expect(header.getByText(email)).toBeVisible();
    await header.getByRole("link", { name: "Entries" }).click();
    await expect(page).toHaveURL(/\/entries$/);
    await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(header.getByRole("link", { name: "Sign in" })).toHaveCount(0);
    await expect(header.getByRole("link", { name: "Admin" })).toHaveCount(0);
  });

  test("admins see the Admin link", async ({ page }) => {
    await landAsAdmin(page);
    await expect(page.getByRole("banner").getByRole("link", { name: "Admin" })).toBeVisible();
  });

  test("signed-out visitors to /account land on sign-in with the way back, inside the site layout", async ({ page }) => {
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
    expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe("/account");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home" })).toBeVisible();
    await page.goto("/sign-up");
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Account" })).toBeVisible();
  });

  test("unknown addresses get the 404 page in the site layout", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  });

  test("an unexpected error gets the 500 page in the site layout, without details", async ({ page }) => {
    const response = await page.goto("/test-only/crash");
    expect(response?.status()).toBe(500);
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText("Deliberate failure");
  });
});
