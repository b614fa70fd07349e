import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { createPrismaClient } from "@/lib/db";
import { ensureBuiltInRoles } from "@/lib/roles/service";

// `prisma migrate deploy` takes seconds (a WASM engine in a new process): run it once per test
// process, on a template file, and give each database a copy of it.
let template: string | undefined;
function migratedTemplate(): string {
  if (!template) {
    const dir = mkdtempSync(join(tmpdir(), "mfo-template-"));
    process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, "template.db");
    execFileSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe" });
    template = file;
  }
  return template;
}

/** A fresh SQLite file in a temp folder, migrated with the committed migrations and seeded with roles. */
export async function createTestDb() {
  const dir = mkdtempSync(join(tmpdir(), "mfo-test-"));
  const file = join(dir, "test.db");
  copyFileSync(migratedTemplate(), file);
  const url = `file:${file}`;
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
