import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDbClient } from "@/lib/db/client";

// scripts/prepare.ts, the start-up step of `npm start` and `npm run dev`, as the real process.
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const INHERITED_SETTINGS = ["NODE_ENV", "MFO_TEST_ROUTES", "ADMIN_EMAIL", "ADMIN_PASSWORD", "PASSWORD_MIN_LENGTH"];

function prepare(args: string[], settings: Record<string, string>, dbFile = newDbFile()) {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !INHERITED_SETTINGS.includes(name)));
  const result = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/prepare.ts", ...args], {
    env: { ...inherited, NODE_ENV: "production", DATABASE_URL: `file:${dbFile}`, AUTH_SECRET: "prepare-test-secret-0123456789abcdef0123", ...settings },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim(), databaseWritten: existsSync(dbFile), dbFile };
}

function newDbFile(): string {
  const dir = mkdtempSync(join(tmpdir(), "mfo-prepare-"));
  dirs.push(dir);
  return join(dir, "prepare.db");
}

describe("start-up (scripts/prepare.ts)", { timeout: 180_000 }, () => {
  it("refuses a weak ADMIN_PASSWORD with one clear line and a non-zero exit, before writing anything", () => {
    const cases: [string, RegExp][] = [
      ["too short", /^ADMIN_PASSWORD: Use at least 15 characters \(you have 9\)$/],
      ["passwordpasswordpassword", /^ADMIN_PASSWORD: This password is a repeated or sequential pattern, easy to guess: choose another$/],
      ["boss-of-the-festival-boss", /^ADMIN_PASSWORD: Your password must not contain your e-mail address$/],
    ];
    for (const [password, message] of cases) {
      const result = prepare(["--production"], { ADMIN_EMAIL: "boss-of-the-festival@example.org", ADMIN_PASSWORD: password });
      expect(result.status, password).toBe(1);
      expect(result.stderr, password).toMatch(message);
      expect(result.databaseWritten, password).toBe(false);
    }
  });

  it("warns when MFO_TEST_ROUTES is on", () => {
    // (Without it, no warning: the outage servers of db-unavailable.spec.ts check their start-up log.)
    const on = prepare(["--production", "--migrate-only"], { MFO_TEST_ROUTES: "true" });
    expect(on.status).toBe(0);
    expect(on.stderr).toContain("mfo: WARNING: MFO_TEST_ROUTES is on, so /test-only/* routes are served. Never set it in production.");
    expect(on.stdout).toContain("mfo: database ready");
  });

  it("seals an authenticator secret stored before sealing, once", async () => {
    const first = prepare(["--production"], {});
    expect(first.status, first.stderr).toBe(0);
    const db = createDbClient({ url: `file:${first.dbFile}` });
    try {
      const now = Date.now();
      await db.execute({ sql: "INSERT INTO User (id, email, passwordHash, active, createdAt, updatedAt, signInCount) VALUES ('u1', 'legacy@example.org', 'x', 1, ?, ?, 0)", args: [now, now] });
      await db.execute({ sql: "INSERT INTO TwoFactor (userId, secret, confirmedAt, createdAt) VALUES ('u1', 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', ?, ?)", args: [now, now] });
      const second = prepare(["--production"], {}, first.dbFile);
      expect(second.status, second.stderr).toBe(0);
      expect(second.stdout).toContain("mfo: sealed 1 authenticator secret with the current AUTH_SECRET");
      const { rows } = await db.execute("SELECT secret FROM TwoFactor WHERE userId = 'u1'");
      expect(String(rows[0].secret)).toMatch(/^v1\./);
      expect(prepare(["--production"], {}, first.dbFile).stdout).not.toContain("sealed");
    } finally {
      db.close();
    }
  });
});
