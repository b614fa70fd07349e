import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { E2E } from "./tests/e2e/env";

// Debian's Chromium (Playwright's own browsers cannot be downloaded on our machines): its headless shell
// when installed (.ci/run installs it), the binary Playwright itself runs headless, which spent 40% less
// CPU than the full browser's headless mode on the same specs (the suite is CPU-bound on 2 cores); else
// the full browser; else Playwright's default, for a developer who has installed its browsers.
const chromiumPath = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path));
const executablePath = chromiumPath && existsSync(chromiumPath) ? chromiumPath : undefined;

const serverEnv = {
  AUTH_SECRET: E2E.authSecret,
  ADMIN_EMAIL: E2E.admin.email,
  ADMIN_PASSWORD: E2E.admin.password,
  MFO_TEST_ROUTES: "true",
  NEXT_TELEMETRY_DISABLED: "1",
  // Both servers run clustered, as `npm start` does on a 2-core host: every test goes through it.
  WEB_CONCURRENCY: "2",
  SMTP_URL: `smtp://127.0.0.1:${E2E.smtpPort}`,
  MAIL_FROM: "Music Festival Organizer <festival@e2e.test>",
  // Every test browses from localhost: per-address limits would trip on the suite itself. They are
  // tested in tests/security/rate-limit.test.ts; the per-account limit is tested end to end.
  SIGN_IN_IP_LIMIT: "100000",
  SIGN_UP_IP_LIMIT: "100000",
  EMAIL_IP_LIMIT: "100000",
};

const FESTIVAL_SPEC = "e2e/festival.spec.ts";

export default defineConfig({
  testDir: "tests",
  testMatch: ["e2e/**/*.spec.ts", "security/**/*.spec.ts"],
  fullyParallel: true,
  workers: 2, // the machines have 2 cores
  retries: 0,
  // A focused test left in by mistake would silently skip the rest of the suite, locally as in CI.
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E.baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    // First, so that its one serial group (the festival journeys, which decide the current season) starts
    // at once on one worker; nothing in `chromium` depends on the current season (its crawl may reach
    // /syllabus, whose width does not depend on which season it shows), so the other worker runs the rest.
    { name: "festival", testMatch: FESTIVAL_SPEC, use: { ...devices["Desktop Chrome"] } },
    { name: "chromium", testIgnore: FESTIVAL_SPEC, use: { ...devices["Desktop Chrome"] } },
  ],
  webServer: [
    {
      // maildev: a real SMTP server on loopback; the tests read what arrived through its REST API.
      command: `node_modules/.bin/maildev --smtp ${E2E.smtpPort} --web ${E2E.mailWebPort} --ip 127.0.0.1 --web-ip 127.0.0.1`,
      url: `http://127.0.0.1:${E2E.mailWebPort}/api/healthz`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Builds, then serves the production build on a fresh database (see the script).
      command: "bash tests/e2e/serve.sh",
      url: `${E2E.baseURL}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      // The suite's admin signs in with a password only here; the second server below keeps the default
      // TWO_FACTOR_REQUIRED_PERMISSIONS, where tests/e2e/second-factor.spec.ts checks the requirement.
      env: { ...serverEnv, PORT: String(E2E.port), DATABASE_URL: E2E.databaseUrl, AUTH_URL: E2E.baseURL, TWO_FACTOR_REQUIRED_PERMISSIONS: "none" },
    },
    {
      // The same build with REQUIRE_EMAIL_CONFIRMATION on, for tests/e2e/confirm-email.spec.ts.
      command: "bash tests/e2e/serve-second.sh",
      url: `${E2E.confirmBaseURL}/`,
      timeout: 240_000, // its first answer can take a minute on a loaded machine
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ...serverEnv,
        PORT: String(E2E.confirmPort),
        DATABASE_URL: E2E.confirmDatabaseUrl,
        AUTH_URL: E2E.confirmBaseURL,
        REQUIRE_EMAIL_CONFIRMATION: "true",
        // The per-address limits at their defaults here, so that tests/security/forms-throttled.spec.ts
        // sees the forms call them; it sends its own X-Forwarded-For address, leaving localhost's alone.
        SIGN_UP_IP_LIMIT: "20",
        EMAIL_IP_LIMIT: "10",
      },
    },
  ],
});
