import { expect, test, type APIRequestContext } from "@playwright/test";
import { encode } from "@auth/core/jwt";
import { E2E } from "./env";
import { e2eDb } from "./helpers";
import { landAsAdmin, landAsNewUser, newUser, signInDirectly } from "./setup";

const SESSION_COOKIE = "authjs.session-token";

/** A session cookie signed with the server's secret but carrying whatever claims a test chooses. */
async function forgedSession(claims: Record<string, unknown>): Promise<string> {
  return encode({ token: { ...claims }, secret: E2E.authSecret, salt: SESSION_COOKIE });
}

async function getRaw(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  const response = await request.get(path, { headers, maxRedirects: 0 });
  return { status: response.status(), location: response.headers()["location"] ?? "", body: await response.text() };
}

async function userId(email: string): Promise<string> {
  const rows = await e2eDb().execute({ sql: "SELECT id FROM User WHERE email = ?", args: [email] });
  return String(rows.rows[0].id);
}

test.describe("admin area", () => {
  test("a signed-in user without admin access gets a 403 page, not a redirect", async ({ page }) => {
    await landAsNewUser(page, "nosy");
    const response = await page.goto("/admin");
    expect(response?.status()).toBe(403);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    // Nothing of the console is sent: no figures, no admin navigation, no events, no one else's e-mail.
    await expect(page.getByTestId("user-count")).toHaveCount(0);
    await expect(page.getByRole("navigation", { name: "Admin" })).toHaveCount(0);
    const html = await response!.text();
    for (const leak of ["user-count", "Recent security events", E2E.admin.email, "/admin/users"]) expect(html).not.toContain(leak);
  });

  test("an admin sees the number of users, and the list newest first, 50 a page", async ({ page }) => {
    const db = e2eDb();
    const stamp = Date.now();
    // Old accounts made straight in the database so the list needs a second page.
    await db.batch(
      Array.from({ length: 55 }, (_, i) => ({
        sql: "INSERT INTO User (id, email, createdAt, updatedAt) VALUES (?, ?, ?, ?)",
        args: [`bulk-${stamp}-${i}`, `bulk-${stamp}-${i}@example.org`, Date.UTC(2021, 0, 1) + i, Date.UTC(2021, 0, 1)],
      })),
    );
    const newest = await newUser({ prefix: "newest" });
    const before = Number((await db.execute("SELECT count(*) AS n FROM User")).rows[0].n);
    await landAsAdmin(page);
    const after = Number((await db.execute("SELECT count(*) AS n FROM User")).rows[0].n);
    // Other tests sign up in parallel: the count shown lies between the counts read around the page load.
    const shown = Number(await page.getByTestId("user-count").textContent());
    expect(shown).toBeGreaterThanOrEqual(before);
    expect(shown).toBeLessThanOrEqual(after);
    await page.goto("/admin/users");
    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(50);
    const emails = await page.locator("tbody tr td:first-child").allTextContents();
    // Newest first: the account made a moment ago is on the first page, the oldest of this test's 2021
    // accounts is not (at least 56 accounts are newer), and the page is in creation order, newest first.
    expect(emails).toContain(newest);
    expect(emails).not.toContain(`bulk-${stamp}-0@example.org`);
    const created = new Map(
      (await db.execute({ sql: `SELECT email, createdAt FROM User WHERE email IN (${emails.map(() => "?").join(", ")})`, args: emails })).rows.map((r) => [String(r.email), Number(r.createdAt)]),
    );
    const times = emails.map((e) => created.get(e)!);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();
    await page.getByRole("link", { name: "Next" }).click();
    await expect(page).toHaveURL(/\/admin\/users\?page=2$/);
    await expect(page.getByText("Page 2 of")).toBeVisible();
    await expect(page.locator("tbody")).not.toContainText(newest);
  });
});

test.describe("defence in depth: the server checks without the middleware", () => {
  test("the CVE-2025-29927 header opens nothing to a signed-out visitor", async ({ request }) => {
    const bypass = { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" };
    for (const path of ["/account", "/admin"]) {
      const r = await getRaw(request, path, bypass);
      expect(r.status, path).toBeGreaterThanOrEqual(300);
      expect(r.status, path).toBeLessThan(400);
      expect(r.location, path).toContain("/sign-in");
      expect(r.body).not.toContain("Your account");
      expect(r.body).not.toContain("user-count");
    }
    const other = await getRaw(request, "/admin", { "x-middleware-subrequest": "src/middleware:nowaythiswillwork" });
    expect(other.location).toContain("/sign-in");
  });

  test("claims forged into the token grant nothing: only a session row does", async ({ page, context }) => {
    const email = await newUser({ prefix: "forger" });
    const id = await userId(email);
    // The old token's shape (user id, roles, permissions), signed with the server's secret: no session id, no session.
    await context.addCookies([
      { name: SESSION_COOKIE, value: await forgedSession({ sub: id, email, roles: ["admin"], perms: ["admin.access", "users.read"] }), url: E2E.baseURL },
    ]);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin$/);
    await expect(page.getByTestId("user-count")).toHaveCount(0);
    // A session id that is no row: signed out too.
    await context.addCookies([{ name: SESSION_COOKIE, value: await forgedSession({ sid: "made-up", roles: ["admin"] }), url: E2E.baseURL }]);
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin$/);
    await expect(page.getByText("Your session has ended. Please sign in again.")).toBeVisible();
  });

  test("an admin page whose session ended sends the visitor back to it, query and all, after signing in", async ({ page }) => {
    const email = await newUser({ prefix: "pager", roles: ["organizer"] });
    await signInDirectly(page, email);
    await e2eDb().execute({ sql: "DELETE FROM Session WHERE userId = ?", args: [await userId(email)] });
    // The middleware lets the cookie through (it decrypts); the page's guard finds no row and names the
    // page the request was for (path and query, from the middleware's request header) as the way back.
    await page.goto("/admin/users?page=2");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fadmin%2Fusers%3Fpage%3D2$/);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Password", { exact: true }).fill(E2E.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/users\?page=2$/);
  });

  test("a session whose row is gone (ended, or its user deleted) is signed out", async ({ page }) => {
    const email = await landAsNewUser(page, "stale");
    const id = await userId(email);
    await e2eDb().execute({ sql: "DELETE FROM Session WHERE userId = ?", args: [id] });
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
    await expect(page.getByText("Your session has ended. Please sign in again.")).toBeVisible();
  });
});
