import { defineConfig, devices } from "@playwright/test";
import { existsSync } from "node:fs";
import { E2E } from "./tests/e2e/env";

// Debian's Chromium when present (Playwright's own browsers cannot be downloaded on our machines);
// otherwise Playwright's default, for a developer who has installed its browsers.
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const executablePath = existsSync(chromiumPath) ? chromiumPath : undefined;

export default defineConfig({
  testDir: "tests",
  testMatch: ["e2e/**/*.spec.ts", "security/**/*.spec.ts"],
  fullyParallel: true,
  workers: 2, // the machines have 2 cores
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
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
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    // Builds, then serves the production build on a fresh database (see the script).
    command: "bash tests/e2e/serve.sh",
    url: `${E2E.baseURL}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(E2E.port),
      DATABASE_URL: E2E.databaseUrl,
      AUTH_SECRET: E2E.authSecret,
      AUTH_URL: E2E.baseURL,
      ADMIN_EMAIL: E2E.admin.email,
      ADMIN_PASSWORD: E2E.admin.password,
      MFO_TEST_ROUTES: "true",
      // Every test browses from localhost: per-address limits would trip on the suite itself. They are
      // tested in tests/security/rate-limit.test.ts; the per-account limit is tested end to end.
      SIGN_IN_IP_LIMIT: "100000",
      SIGN_UP_IP_LIMIT: "100000",
      EMAIL_IP_LIMIT: "100000",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
