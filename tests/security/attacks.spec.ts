import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { E2E } from "../e2e/env";
import { formAlert, signIn, signInAsAdmin, signUpAndLand, uniqueEmail } from "../e2e/helpers";
import { landAsAdmin, newUser, signInDirectly } from "../e2e/setup";
import { inlineScriptHashes, scriptHash } from "../../lib/security/csp-hashes";
import { hashCsp } from "../../lib/security/headers";

// Pages whose HTML is built once (`npm run build` hashes their inline scripts), and a 404 path.
const PRERENDERED = ["/", "/forgot-password", "/forgot-password/sent", "/forbidden", "/no-such-page"];

/** A prerendered page's policy: its own origin and the build's hashes; no 'unsafe-inline', no nonce. */
function expectHashPolicy(csp: string | undefined, where: string) {
  const scriptSrc = (csp ?? "").split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";
  expect(scriptSrc, where).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/]+={0,2}')+$/);
}

/** Collects CSP violations the page reports, from before its first script runs. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("__reportCsp", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) =>
      (window as unknown as { __reportCsp: (v: string) => void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI} on ${location.pathname}`),
    );
  });
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

async function credentialsPost(request: APIRequestContext, email: string, password: string) {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, callbackUrl: "/account" },
    maxRedirects: 0,
  });
}

test.describe("security headers and CSP", () => {
  test("every kind of page sends the headers; per-request pages get a nonce policy", async ({ request }) => {
    // Prerendered, per request, 404, a middleware redirect, an Auth.js route, a route handler's 401.
    for (const path of ["/", "/sign-in", "/sign-up", "/no-such-page", "/admin", "/api/auth/csrf", "/api/account"]) {
      const response = await request.get(path, { maxRedirects: 0 });
      const headers = response.headers();
      const where = `${path} (${response.status()})`;
      expect(headers["x-frame-options"], where).toBe("DENY");
      expect(headers["x-content-type-options"], where).toBe("nosniff");
      expect(headers["referrer-policy"], where).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], where).toBe(
        "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
      );
      expect(headers["cross-origin-opener-policy"], where).toBe("same-origin");
      // The e2e server is a production build (tests/e2e/serve.sh): HSTS is on, two years, subdomains too.
      expect(headers["strict-transport-security"], where).toBe("max-age=63072000; includeSubDomains");
      expect(headers["content-security-policy"], where).toContain("frame-ancestors 'none'");
      expect(headers["x-powered-by"], where).toBeUndefined();
    }
    for (const path of ["/sign-in", "/sign-up"]) {
      const csp = (await request.get(path)).headers()["content-security-policy"];
      expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc).not.toContain("unsafe-inline");
    }
    const a = (await request.get("/sign-in")).headers()["content-security-policy"];
    const b = (await request.get("/sign-in")).headers()["content-security-policy"];
    expect(a).not.toBe(b); // a fresh nonce per response
  });

  test("prerendered pages get a hash policy that lists every inline script they serve", async ({ request }) => {
    for (const path of PRERENDERED) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(path === "/no-such-page" ? 404 : 200);
      const csp = response.headers()["content-security-policy"];
      expectHashPolicy(csp, path);
      const hashes = inlineScriptHashes(await response.text());
      expect(hashes.length, path).toBeGreaterThan(0);
      for (const hash of hashes) expect(csp, `${path}: ${hash}`).toContain(`'${hash}'`);
    }
  });

  test("Chromium runs exactly the inline scripts whose hashes the build computes (entities, CR LF, UTF-8)", async ({ page }) => {
    const violations = await watchCsp(page);
    const blocked = `window.ran.push("not hashed")`;
    const html = [
      `<!doctype html><html><head><meta charset="utf-8"><title>hashes</title></head><body>`,
      `<script>window.ran = [];</script>`,
      `<script id="x">window.ran.push("a &amp; b &lt;c&gt; &#x27;");\r\nwindow.ran.push("crlf ♪ é")\r</script>`,
      `<script type="module">window.ran.push("module")</script>`,
      `<script type="application/json" id="data">{"data": "&amp;"}</script>`,
      `<script>${blocked}</script>`,
      `</body></html>`,
    ].join("\n");
    const hashes = inlineScriptHashes(html).filter((h) => h !== scriptHash(blocked));
    expect(hashes).toHaveLength(3);
    await page.route("http://csp.test/", (route) =>
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", headers: { "Content-Security-Policy": hashCsp(hashes) }, body: html }),
    );
    await page.goto("http://csp.test/");
    await expect.poll(() => page.evaluate(() => (window as unknown as { ran: string[] }).ran)).toEqual(["a &amp; b &lt;c&gt; &#x27;", "crlf ♪ é", "module"]);
    // One violation, the unhashed script (Chromium's console message names the hash it would have needed).
    const events = () => violations.filter((v) => v.startsWith("script-src-elem inline"));
    await expect.poll(() => events().length).toBe(1);
    expect(violations.filter((v) => !events().includes(v) && !v.includes(scriptHash(blocked)))).toEqual([]);
  });

  test("a whole journey (prerendered pages, sign up, account, 403, sign out, admin) raises no CSP violation", async ({ page }) => {
    test.slow(); // some twenty page loads and three sign-ins
    const violations = await watchCsp(page);
    const header = page.getByRole("banner");
    // Prerendered pages, signed out. The header's session part is drawn by the page's scripts alone
    // (components/session-nav.tsx), so its "Sign in" link shows that they ran under the hash policy.
    for (const path of ["/", "/forgot-password", "/no-such-page"]) {
      expectHashPolicy((await page.goto(path))?.headers()["content-security-policy"], path);
      await expect(header.getByRole("link", { name: "Sign in", exact: true }), path).toBeVisible();
    }
    // A form on a prerendered page submits through its scripts: a server action call, then a client-side redirect.
    await page.goto("/forgot-password");
    await page.getByLabel("E-mail").fill(uniqueEmail("csp-forgot"));
    const actionCall = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await actionCall;
    await expect(page).toHaveURL(/\/forgot-password\/sent$/);
    const email = await signUpAndLand(page, "csp");
    await page.goto("/account/security");
    // The 403 page a participant gets for /admin is rendered per request (the page's own guard decides,
    // against the database): the nonce policy, and its scripts still run (they draw the user's e-mail).
    const forbidden = await page.goto("/admin");
    expect(forbidden?.status()).toBe(403);
    expect(forbidden?.headers()["content-security-policy"] ?? "", "/admin (403)").toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    await expect(header.getByText(email)).toBeVisible();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("You have been signed out.");
    await signInAsAdmin(page);
    for (const path of ["/admin/users", "/admin/roles", "/admin/audit", "/forgot-password", "/sign-in?callbackUrl=%2Fadmin"]) await page.goto(path);
    await page.goto("/no-such-page");
    await page.goto("/test-only/crash"); // the 500 page, rendered per request: a nonce
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toBeVisible();
    expect(violations).toEqual([]);
  });
});

test.describe("404s inside the middleware's matcher", () => {
  // Issue 10, finding 10: there the middleware sends a nonce policy, and Next's prerendered 404 HTML
  // has no nonce on its scripts: all of them were blocked. A per-request catch-all answers instead.
  test("a signed-in 404 under /account, /admin and the other matched prefixes runs its scripts: no CSP violation", async ({ page }) => {
    test.slow();
    const violations = await watchCsp(page);
    const header = page.getByRole("banner");
    await landAsAdmin(page);
    for (const path of ["/account/no-such-page", "/account/security/no/such/page", "/admin/no-such-page", "/admin/users/x/y/z", "/confirm-email/no-such-page", "/test-only/no-such-page"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "We could not find that page" }), path).toBeVisible();
      // The header's session part is drawn by the page's scripts: they ran.
      await expect(header.getByText(E2E.admin.email), path).toBeVisible();
    }
    expect(violations).toEqual([]);
  });
});

test.describe("sign-in throttling", () => {
  test("ten failures lock the account: 429 on the API, a message on the form; other accounts unaffected", async ({ page, request }) => {
    const email = await newUser({ prefix: "locked" });
    for (let i = 0; i < 10; i++) {
      const r = await credentialsPost(request, email, `wrong password number ${i}`);
      expect(r.status(), `attempt ${i + 1}`).toBe(302);
      expect(r.headers()["location"]).toContain("error=CredentialsSignin");
    }
    const refused = await credentialsPost(request, email, E2E.password);
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(800);
    await signIn(page, email, E2E.password);
    await expect(formAlert(page)).toHaveText("Too many attempts. Try again in 15 minutes.");
    await expect(page).toHaveURL(/\/sign-in$/);
    // Another account from the same browser still signs in.
    await signInAsAdmin(page);
  });

  test("a successful sign-in clears the account's failures", async ({ request }) => {
    const email = await newUser({ prefix: "clears" });
    for (let i = 0; i < 9; i++) await credentialsPost(request, email, `nope ${i} nope nope nope`);
    const ok = await credentialsPost(request, email, E2E.password);
    expect(ok.status()).toBe(302);
    expect(ok.headers()["location"]).not.toContain("error");
    for (let i = 0; i < 9; i++) expect((await credentialsPost(request, email, `again ${i} again again`)).status()).toBe(302);
  });
});

test.describe("CSRF", () => {
  test("a server action posted from another origin is refused and changes nothing", async ({ request }) => {
    const html = await (await request.get("/sign-up")).text();
    const fields = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [m[1], (m[2] ?? "").replace(/&quot;/g, '"')]),
    );
    expect(Object.keys(fields).some((k) => k.startsWith("$ACTION"))).toBe(true);
    const email = uniqueEmail("csrf");
    const response = await request.post("/sign-up", {
      headers: { Origin: "https://evil.example" },
      multipart: { ...fields, email, password: E2E.password, confirmPassword: E2E.password },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token");
    // The same request from our own origin is accepted, so the refusal above is the origin check.
    const same = await request.post("/sign-up", {
      headers: { Origin: E2E.baseURL },
      multipart: { ...fields, email, password: E2E.password, confirmPassword: E2E.password },
      maxRedirects: 0,
    });
    expect(same.status()).toBeLessThan(400);
    expect(same.headers()["set-cookie"] ?? "").toContain("authjs.session-token");
  });

  test("a signed-in server action call from another origin is a 403 before any action runs, on the prerendered /account too", async ({ browser }) => {
    // /account is prerendered and middleware.ts's matcher names it only for visitors without a session
    // cookie; its actions' calls must still get the middleware's checks (Next runs it for them).
    const context = await browser.newContext();
    await signInDirectly(context, await newUser({ prefix: "csrf-account", confirmed: true }));
    const request = context.request;
    for (const path of ["/account", "/account/security", "/admin"]) {
      const response = await request.post(path, { headers: { "Next-Action": "0123456789abcdef", Origin: "https://evil.example" }, data: "[]", maxRedirects: 0 });
      expect(response.status(), path).toBe(403);
      expect(await response.text()).toBe("Cross-origin request refused.");
    }
    // An oversized post to it is a 413, not Next's 500.
    const big = await request.post("/account", { headers: { "Next-Action": "0123456789abcdef", Origin: E2E.baseURL }, data: "x".repeat(2 * 1024 * 1024), maxRedirects: 0 });
    expect(big.status()).toBe(413);
    await context.close();
  });

  test("Auth.js's double-submit check: an attacker's own valid token does not pass with the victim's cookie", async ({ playwright }) => {
    // Login CSRF: the attacker gets a genuine token (and its cookie) from the site, then makes the
    // victim's browser post it, with the attacker's credentials, to sign the victim into their account.
    const attacker = await playwright.request.newContext({ baseURL: E2E.baseURL });
    const victim = await playwright.request.newContext({ baseURL: E2E.baseURL });
    try {
      const { csrfToken: attackerToken } = (await (await attacker.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const { csrfToken: victimToken } = (await (await victim.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const cookieOf = async (context: APIRequestContext) =>
        (await context.storageState()).cookies.find((c) => c.name === "authjs.csrf-token")?.value;
      expect(await cookieOf(victim)).toBeTruthy();
      expect(await cookieOf(victim)).not.toBe(await cookieOf(attacker));
      const post = (csrfToken: string) =>
        victim.post("/api/auth/callback/credentials", {
          form: { csrfToken, email: E2E.admin.email, password: E2E.admin.password, callbackUrl: "/account" },
          maxRedirects: 0,
        });
      const forged = await post(attackerToken);
      expect(forged.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token");
      expect(forged.headers()["location"] ?? "").toContain("error=MissingCSRF");
      // The victim's own token, from the same context, does sign in: the refusal above was the token check.
      const genuine = await post(victimToken);
      expect(genuine.status()).toBe(302);
      expect(genuine.headers()["location"]).not.toContain("error");
      expect(genuine.headers()["set-cookie"] ?? "").toContain("authjs.session-token");
    } finally {
      await attacker.dispose();
      await victim.dispose();
    }
  });

  test("an Auth.js POST without its CSRF token signs no one in", async ({ request }) => {
    const response = await request.post("/api/auth/callback/credentials", {
      headers: { Origin: "https://evil.example" },
      form: { email: E2E.admin.email, password: E2E.admin.password },
      maxRedirects: 0,
    });
    expect(response.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token");
    expect(response.headers()["location"] ?? "").toContain("error=MissingCSRF");
  });
});
