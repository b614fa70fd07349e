// Schedule set-up for tests/e2e/schedule.spec.ts, run with tsx (Playwright cannot load Prisma's
// generated client): tsx --conditions=react-server tests/e2e/schedule-cli.ts, on the database in
// DATABASE_URL; prints the fixture as JSON.
import { createPrismaClient } from "@/lib/db";
import { createScheduleFixture } from "../support/schedule-fixtures";

async function main() {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  const fixture = await createScheduleFixture(db);
  await db.$disconnect();
  process.stdout.write(JSON.stringify(fixture));
}

void main();
