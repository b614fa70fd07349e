import { expect, type Locator, type Page } from "@playwright/test";
import type { InStatement, ResultSet } from "@libsql/client";
import { randomUUID } from "node:crypto";
import { E2E } from "./env";
import { createDbClient } from "../../lib/db/client";

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
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
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

/**
 * The e2e server's own database file (or the second server's, `url`), read directly to check what a flow really stored. Each call
 * opens a connection through the app's own factory (lib/db/client.ts: it waits for the server's write
 * locks instead of failing with SQLITE_BUSY) and closes it when done, so no test leaves one open.
 */
export function e2eDb(url: string = E2E.databaseUrl) {
  async function using<T>(work: (db: ReturnType<typeof createDbClient>) => Promise<T>): Promise<T> {
    const db = createDbClient({ url });
    try {
      return await work(db);
    } finally {
      db.close();
    }
  }
  return {
    execute: (statement: InStatement): Promise<ResultSet> => using((db) => db.execute(statement)),
    /** Several statements in one transaction, on one connection. */
    batch: (statements: InStatement[]): Promise<ResultSet[]> => using((db) => db.batch(statements, "write")),
  };
}

/** A form-level error message (Next's own route announcer is also an alert, outside <main>). */
export function formAlert(page: Page): Locator {
  return page.getByRole("main").getByRole("alert");
}
