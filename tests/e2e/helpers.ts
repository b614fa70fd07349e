import { expect, type Locator, type Page } from "@playwright/test";
import { createClient } from "@libsql/client";
import { randomUUID } from "node:crypto";
import { E2E } from "./env";

/** Each test makes its own users, so tests can run in any order and in parallel. */
export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
}

export async function signUp(page: Page, email: string, password: string = E2E.password, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: "Sign up" }).click();
}

export async function signIn(page: Page, email: string, password: string, path = "/sign-in") {
  await page.goto(path);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function signUpAndLand(page: Page, prefix = "user") {
  const email = uniqueEmail(prefix);
  await signUp(page, email);
  // Two bcrypt rounds (hash, then sign-in) queue behind any others running on the worker threads.
  await expect(page).toHaveURL(/\/account$/, { timeout: 30_000 });
  return email;
}

export async function signInAsAdmin(page: Page) {
  await signIn(page, E2E.admin.email, E2E.admin.password, "/sign-in?callbackUrl=%2Fadmin");
  await expect(page).toHaveURL(/\/admin$/, { timeout: 30_000 });
}

/** The e2e server's own database file, read directly to check what a flow really stored. */
export function e2eDb() {
  return createClient({ url: E2E.databaseUrl });
}

/** A form-level error message (Next's own route announcer is also an alert, outside <main>). */
export function formAlert(page: Page): Locator {
  return page.getByRole("main").getByRole("alert");
}
