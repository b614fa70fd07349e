import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { createPrismaClient } from "@/lib/db";
import { ensureBuiltInRoles } from "@/lib/roles/service";

/** A fresh SQLite file in a temp folder, migrated with the committed migrations and seeded with roles. */
export async function createTestDb() {
  const dir = mkdtempSync(join(tmpdir(), "mfo-test-"));
  const url = `file:${join(dir, "test.db")}`;
  execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
  const db = createPrismaClient(url);
  await ensureBuiltInRoles(db);
  return {
    db,
    url,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
