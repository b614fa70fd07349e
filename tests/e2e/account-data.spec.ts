import { expect, request as playwrightRequest, test } from "@playwright/test";
import { E2E } from "./env";
import { e2eDb, signIn } from "./helpers";
import { landAsNewUser, newUser, signInDirectly } from "./setup";

// /account is prerendered (the same HTML for everyone); what it shows comes from GET /api/account,
// which checks the session against the database. These tests hold both halves to that.

test.describe("the account page and its data", () => {
  test("the page's HTML holds no account data; /api/account serves it privately, in at most 2 database round trips", async ({ page }) => {
    // Signed in through the form: the data includes what that sign-in recorded.
    const email = await newUser({ prefix: "data" });
    await signIn(page, email, E2E.password);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("main").getByText(email)).toBeVisible();

    const html = await page.request.get("/account", { maxRedirects: 0 });
    expect(html.status()).toBe(200);
    expect(await html.text()).not.toContain(email);
    // The shell is the build's HTML, which the server keeps in memory (scripts/serve/public-page-cache.mjs)
    // once a worker has served it: kept apart from requests without a session cookie, which the middleware
    // still sends to sign-in.
    const served: string[] = [];
    for (let i = 0; i < 4; i++) served.push((await page.request.get("/account", { maxRedirects: 0 })).headers()["x-page-cache"]);
    expect(served).toContain("hit");
    const signedOut = await playwrightRequest.newContext({ baseURL: E2E.baseURL });
    for (let i = 0; i < 4; i++) {
      const refused = await signedOut.get("/account", { maxRedirects: 0 });
      expect(refused.status()).toBe(307);
      expect(refused.headers()["location"]).toContain("/sign-in?callbackUrl=%2Faccount");
    }
    await signedOut.dispose();

    const data = await page.request.get("/api/account");
    expect(data.status()).toBe(200);
    expect(await data.json()).toMatchObject({ email, roles: ["participant"], signIns: { count: 1 } });
    expect(data.headers()["cache-control"]).toContain("no-store");
    // The header's hint was refreshed by the page's own request; an unchanged one is not re-sent.
    expect(data.headers()["set-cookie"] ?? "").not.toContain("mfo-session-hint");
    // The performance budget: a signed-in page costs at most 2 round trips (counted by lib/db/index.ts).
    const timing = /db;desc="(\d+) round trips?"/.exec(data.headers()["server-timing"] ?? "");
    expect(timing, "Server-Timing reports the round trips").not.toBeNull();
    expect(Number(timing![1])).toBeGreaterThanOrEqual(1);
    expect(Number(timing![1])).toBeLessThanOrEqual(2);
  });

  test("signed out, or with a session cookie that is no session, /api/account refuses and says where to go", async () => {
    const anonymous = await playwrightRequest.newContext({ baseURL: E2E.baseURL });
    try {
      const signedOut = await anonymous.get("/api/account");
      expect(signedOut.status()).toBe(401);
      expect(await signedOut.json()).toEqual({ refusal: "signed-out", location: "/sign-in?callbackUrl=%2Faccount" });
      // The CVE-2025-29927 header does not help: the route checks for itself.
      const bypass = await anonymous.get("/api/account", { headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } });
      expect(bypass.status()).toBe(401);
      const forged = await anonymous.get("/api/account", { headers: { cookie: "authjs.session-token=not-a-token" } });
      expect(forged.status()).toBe(401);
      expect(await forged.json()).toEqual({ refusal: "session-ended", location: "/session-ended?callbackUrl=%2Faccount" });
    } finally {
      await anonymous.dispose();
    }
  });

  test("under npm start the server answers /api/account before Next, and its answer is the Next route's", async ({ browser }) => {
    // scripts/serve/account-data.mjs answers GET /api/account with the app's own code, bundled at build
    // time; with a query string the request goes to Next's route (app/(account)/account/data.ts).
    const context = await browser.newContext();
    await signInDirectly(context, await newUser({ prefix: "front", confirmed: true }));
    const signedIn = (await context.cookies()).map((c) => `${c.name}=${c.value}`);
    const session = signedIn.filter((c) => !c.startsWith("mfo-session-hint="));
    await context.close();
    const anonymous = await playwrightRequest.newContext({ baseURL: E2E.baseURL });
    const cases: [string, string][] = [
      ["signed in, hint up to date", signedIn.join("; ")],
      ["signed in, no hint (rewritten)", session.join("; ")],
      ["signed out", ""],
      ["a cookie that is no session", "authjs.session-token=not-a-token"],
    ];
    const sameHeaders = ["cache-control", "content-type", "x-content-type-options", "x-frame-options", "content-security-policy", "strict-transport-security"];
    // Expires is written from the clock at the moment of answering; the rest of the cookie must match.
    const hint = (headers: Record<string, string>) => (headers["set-cookie"] ?? "").replace(/Expires=[^;]+; /, "");
    try {
      for (const [name, cookie] of cases) {
        const headers: Record<string, string> = cookie ? { cookie } : {};
        const front = await anonymous.get("/api/account", { headers });
        const next = await anonymous.get("/api/account?via=next", { headers });
        expect(front.headers()["server-timing"], name).toContain("front");
        expect(next.headers()["server-timing"] ?? "", name).not.toContain("front");
        expect(front.status(), name).toBe(next.status());
        expect(await front.json(), name).toEqual(await next.json());
        for (const header of sameHeaders) expect(front.headers()[header], `${name}: ${header}`).toBe(next.headers()[header]);
        expect(front.headers()["vary"], name).toContain("Cookie");
        expect(/db;desc="[^"]*"/.exec(front.headers()["server-timing"])?.[0], name).toBe(/db;desc="[^"]*"/.exec(next.headers()["server-timing"] ?? "")?.[0]);
        expect(hint(front.headers()), name).toBe(hint(next.headers()));
      }
      const [, withoutHint] = cases;
      expect(hint((await anonymous.get("/api/account", { headers: { cookie: withoutHint[1] } })).headers())).toContain("mfo-session-hint=");
    } finally {
      await anonymous.dispose();
    }
  });

  test("a session cookie that is no session lands on sign-in with a message, not on an empty page", async ({ page, context }) => {
    await context.addCookies([{ name: "authjs.session-token", value: "not-a-token", url: E2E.baseURL }]);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
    await expect(page.getByText("Your session has ended. Please sign in again.")).toBeVisible();
  });

  test("a dead __Secure- session cookie (HTTPS in production) is really cleared, not left to bounce again", async ({ page, context }) => {
    // Chromium treats http://localhost as a secure context, so it keeps Secure cookies here, and
    // refuses to replace a __Secure- cookie with one that is not Secure, as it would over HTTPS.
    await context.addCookies([{ name: "__Secure-authjs.session-token", value: "not-a-token", domain: "localhost", path: "/", secure: true, sameSite: "Lax" }]);
    await page.goto("/account");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faccount$/);
    await expect(page.getByText("Your session has ended. Please sign in again.")).toBeVisible();
    expect((await context.cookies()).map((c) => c.name)).not.toContain("__Secure-authjs.session-token");
  });

  test("when the data cannot be loaded the page says so, and Try again loads it", async ({ page }) => {
    const email = await landAsNewUser(page, "offline");
    await page.route("**/api/account", (route) => route.abort("internetdisconnected"));
    await page.reload();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("We could not load your account. Check your connection and try again.");
    await page.unroute("**/api/account");
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(page.getByRole("main").getByText(email)).toBeVisible();
  });
});

test("the header catches up with the account: a role granted since sign-in shows its Admin link once /account loads", async ({ page }) => {
  const email = await landAsNewUser(page, "hint");
  const banner = page.getByRole("banner");
  await expect(banner.getByText(email)).toBeVisible();
  await expect(banner.getByRole("link", { name: "Admin" })).toHaveCount(0);
  // Granted behind the session's back, as a script or another process might: sessions carry no roles.
  await e2eDb().execute({
    sql: "INSERT INTO UserRole (userId, roleId, createdAt) SELECT u.id, r.id, ? FROM User u, Role r WHERE u.email = ? AND r.name = 'admin'",
    args: [Date.now(), email],
  });
  await page.reload();
  await expect(page.getByRole("main").getByRole("list", { name: "Your roles" })).toContainText("admin");
  await expect(banner.getByRole("link", { name: "Admin" })).toBeVisible();
});
