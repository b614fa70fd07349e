import { resolve } from "node:path";

// What the e2e server is started with (playwright.config.ts) and what the tests need to know of it.
const port = Number(process.env.E2E_PORT ?? 3107);
export const E2E = {
  port,
  // Next rewrites 127.0.0.1 to localhost in request URLs, so Auth.js builds localhost URLs: match it.
  baseURL: `http://localhost:${port}`,
  dbFile: resolve(".e2e/e2e.db"),
  databaseUrl: `file:${resolve(".e2e/e2e.db")}`,
  authSecret: "e2e-only-secret-0123456789abcdef0123456789abcdef",
  // A second server on the same build with REQUIRE_EMAIL_CONFIRMATION=true and its own database
  // (tests/e2e/confirm-email.spec.ts), and maildev, the real SMTP server both send to. Ports follow
  // E2E_PORT so runs in different worktrees do not collide.
  confirmPort: port + 2,
  confirmBaseURL: `http://localhost:${port + 2}`,
  confirmDatabaseUrl: `file:${resolve(".e2e/e2e-confirm.db")}`,
  // Servers that tests/security/db-unavailable.spec.ts starts itself: one on a database file it
  // locks, one whose DATABASE_URL points at a port where nothing answers.
  faultPort: port + 4,
  unreachablePort: port + 5,
  // The clustered `npm start` that tests/e2e/cluster.spec.ts starts itself, to kill one of its workers.
  clusterPort: port + 6,
  smtpPort: port + 10,
  mailWebPort: port + 11,
  admin: { email: "admin@festival.test", password: "organizers keep the festival running" },
  password: "a quiet song for the evening concert",
} as const;
