// Festival set-up for the e2e suite, run with tsx (Playwright cannot load Prisma's generated client):
//   tsx --conditions=react-server tests/e2e/festival-cli.ts fixture | reports-fixture | close-entries <seasonId> | open-entries <seasonId>
//     | rename-class <classId> <name>   (through the service, as the command line or an import would)
// on the database in DATABASE_URL; prints JSON.
import { createPrismaClient } from "@/lib/db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { getClass, updateClass } from "@/lib/festival/classes";
import { createFestivalFixture } from "../support/festival-fixtures";
import { createReportFixture } from "../support/report-fixtures";

async function main() {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  const [command, a, b] = process.argv.slice(2);
  let result: unknown = null;
  if (command === "fixture") result = await createFestivalFixture(db);
  else if (command === "reports-fixture") result = await createReportFixture(db);
  else if (command === "close-entries" || command === "open-entries") {
    const at = new Date(Date.now() + (command === "close-entries" ? -60_000 : 30 * 24 * 3600_000));
    await db.season.update({ where: { id: a }, data: { entriesCloseAt: at } });
  } else if (command === "rename-class") {
    const c = await getClass(db, a);
    if (!c) throw new Error(`no class ${a}`);
    const { number, suffix, disciplineId, levelId, performanceTypeId, feeCents, minAge, maxAge, maxPerformanceSeconds, adjudicationSeconds, moveSeconds, testPieces, description } = c;
    await updateClass(db, CLI_ACTOR, a, { number, suffix, name: b, disciplineId, levelId, performanceTypeId, feeCents, minAge, maxAge, maxPerformanceSeconds, adjudicationSeconds, moveSeconds, testPieces, description });
  } else throw new Error(`unknown command ${command}`);
  await db.$disconnect();
  process.stdout.write(JSON.stringify(result));
}

void main();
