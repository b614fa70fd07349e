import { expect, test, type APIResponse, type Response } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { E2E } from "../e2e/env";
import { formAlert, uniqueEmail } from "../e2e/helpers";
import { landAsNewUser } from "../e2e/setup";
import { holdWalLocks } from "../support/wal-lock";
import { closedPort } from "../support/closed-port";

// Guarantee 9: with the database out of reach, visitors get a 503 page inside the site layout (or a
// form message), the server logs one line, nothing leaks, and the next request after the database is
// back works without a restart. Each test starts its own `next start` on the e2e build, so taking the
// database away does not disturb the tests that share the default server.

const FRIENDLY = "The festival site is having trouble reaching its database. Please try again in a minute.";
const UNAVAILABLE_FORM = "The service is temporarily unavailable. Try again in a minute.";
const LEAKS = /Error:|SQLITE|locking protocol|ECONNREFUSED|fetch failed|SELECT |P20\d\d|P10\d\d|\bat .+:\d+:\d+/;

// Sign-ups (bcrypt) on shared cores, and a 10 s lock wait.
test.describe.configure({ timeout: 240_000 });

class Server {
  private child?: ChildProcess;
  log = "";
  constructor(readonly port: number) {}
  get url() {
    return `http://localhost:${this.port}`;
  }
  async start(command: string, args: string[], env: Record<string, string>) {
    this.child = spawn(command, args, {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_SECRET: E2E.authSecret, AUTH_URL: this.url, PORT: String(this.port), ...env },
      detached: true, // its own process group, so stop() ends the script and the server it starts
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout?.on("data", (chunk) => (this.log += chunk));
    this.child.stderr?.on("data", (chunk) => (this.log += chunk));
    const deadline = Date.now() + 150_000; // clustered (serve-second.sh): the prepare step, then two processes
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited:\n${this.log}`);
      const up = await fetch(`${this.url}/`).then((r) => r.ok, () => false);
      if (up) return;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`server did not start:\n${this.log}`);
  }
  stop() {
    if (this.child?.pid && this.child.exitCode === null) process.kill(-this.child.pid, "SIGTERM");
  }
}

/** The 503 page: status, Retry-After, site header, friendly words, and nothing of the failure. */
async function expectServiceUnavailablePage(page: import("@playwright/test").Page, response: Response | null, from: string) {
  expect(response?.status()).toBe(503);
  expect(response?.headers()["retry-after"]).toBe("60");
  expect(page.url()).toMatch(new RegExp(`/service-unavailable\\?from=${encodeURIComponent(from)}$`));
  await expect(page.getByRole("banner").getByRole("link", { name: "Music Festival Organizer" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "We will be right back" })).toBeVisible();
  await expect(page.getByText(FRIENDLY)).toBeVisible();
  await expect(page.getByRole("link", { name: "Try again" })).toHaveAttribute("href", from);
  expect(await response?.text()).not.toMatch(LEAKS);
}

async function expectUnavailableApi(response: APIResponse) {
  expect(response.status()).toBe(503);
  expect(response.headers()["retry-after"]).toBe("60");
  expect(await response.text()).toBe(UNAVAILABLE_FORM);
}

test.describe("a database another process holds locked", () => {
  const server = new Server(E2E.faultPort);
  const dir = mkdtempSync(join(tmpdir(), "mfo-fault-"));
  const dbFile = join(dir, "fault.db");
  test.use({ baseURL: server.url });
  test.beforeAll(async () => {
    // Without MFO_TEST_ROUTES, as in production (whatever the shell running the suite has set).
    await server.start("bash", ["tests/e2e/serve-second.sh"], { DATABASE_URL: `file:${dbFile}`, SIGN_UP_IP_LIMIT: "1000", MFO_TEST_ROUTES: "false" });
  });
  test.afterAll(() => {
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("without MFO_TEST_ROUTES the test-only route is a 404 and start-up warns of nothing", async ({ request }) => {
    const crash = await request.get("/test-only/crash");
    expect(crash.status()).toBe(404);
    expect(await crash.text()).not.toContain("Deliberate failure");
    expect(server.log).toContain("mfo: database ready");
    expect(server.log).not.toContain("MFO_TEST_ROUTES");
    // The shared e2e server runs with the flag: it serves the route (500 page) and said so at start-up.
    expect((await request.get(`${E2E.baseURL}/test-only/crash`)).status()).toBe(500);
    expect(readFileSync(".e2e/server.log", "utf8")).toContain("mfo: WARNING: MFO_TEST_ROUTES is on");
  });

  test("503 page in the site layout and one log line while locked; /account works again once released", async ({ page }) => {
    const email = await landAsNewUser(page, "fault", { server: { databaseUrl: `file:${dbFile}`, baseURL: server.url } });
    const release = await holdWalLocks(dbFile);
    let response;
    try {
      // /account is prerendered; its data request (/api/account) meets the lock, and the page goes
      // to the 503 page. SQLite retries the WAL read locks for about 10 s before it gives up (and
      // blocks the server's event loop meanwhile: the libSQL driver is synchronous).
      const unavailable = page.waitForResponse((r) => new URL(r.url()).pathname === "/service-unavailable", { timeout: 60_000 });
      await page.goto("/account");
      response = await unavailable;
      await page.waitForURL(/\/service-unavailable\?/);
    } finally {
      await release();
    }
    await expectServiceUnavailablePage(page, response, "/account");
    expect(server.log).toMatch(/\[db\] unavailable \(\/api\/account\): 15 (SQLITE_PROTOCOL: )?locking protocol\n/);
    // Recovery: no restart, nothing cached; the link goes back to where the visitor was.
    await page.getByRole("link", { name: "Try again" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expect(page.getByRole("main").getByText(email)).toBeVisible();
  });
});

test.describe("a DATABASE_URL where no libSQL server answers", () => {
  const server = new Server(E2E.unreachablePort);
  test.beforeAll(async () => {
    // No prepare step (it would fail on the migrations): just the build, pointed at a closed port.
    await server.start("node_modules/.bin/next", ["start", "--port", String(E2E.unreachablePort)], {
      DATABASE_URL: `http://127.0.0.1:${await closedPort()}`,
      MFO_TEST_ROUTES: "false",
    });
  });
  test.afterAll(() => server.stop());

  test("pages answer 503, forms say so, the sign-in API answers 503 with Retry-After", async ({ page, browser, request }) => {
    // A real session from the default e2e server (same secret; cookies on localhost ignore the port).
    await landAsNewUser(page, "unreachable");
    const response = await page.goto(`${server.url}/account/security`);
    await expectServiceUnavailablePage(page, response, "/account/security");
    expect(server.log).toMatch(/\[db\] unavailable \(\/account\/security\): ECONNREFUSED connect ECONNREFUSED 127\.0\.0\.1:\d+\n/);

    const visitor = await browser.newContext({ baseURL: server.url });
    const form = await visitor.newPage();
    await form.goto("/sign-in");
    await form.getByLabel("E-mail").fill(uniqueEmail("nobody"));
    await form.getByLabel("Password", { exact: true }).fill(E2E.password);
    await form.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(formAlert(form)).toHaveText(UNAVAILABLE_FORM);
    await form.goto("/sign-up");
    await form.getByLabel("E-mail").fill(uniqueEmail("later"));
    await form.getByLabel("Password", { exact: true }).fill(E2E.password);
    await form.getByLabel("Confirm password").fill(E2E.password);
    await form.getByRole("button", { name: "Sign up" }).click();
    await expect(formAlert(form)).toHaveText(UNAVAILABLE_FORM);
    await form.goto("/forgot-password");
    await form.getByLabel("E-mail").fill(uniqueEmail("forgot"));
    await form.getByRole("button", { name: /send/i }).click();
    await expect(formAlert(form)).toHaveText(UNAVAILABLE_FORM);
    await visitor.close();

    await expectUnavailableApi(
      await request.post(`${server.url}/api/auth/callback/credentials`, { form: { email: uniqueEmail("script"), password: E2E.password } }),
    );
    expect(server.log).not.toMatch(/\n\s+at /); // one line each, no stack traces in the log either
  });
});
