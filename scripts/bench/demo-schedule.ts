// The demo festival's schedule, for the benches: 4 venues, 40 sessions (5 days, two a day per venue),
// filled by "Suggest a schedule", and optionally the programme published. Used by `npm run bench:schedule`
// (the conflict check) and, run as a script on a database holding the demo (`mfo demo`), by
// `npm run bench:syllabus` (the published programme): tsx --conditions=react-server scripts/bench/demo-schedule.ts --publish
import { pathToFileURL } from "node:url";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createPrismaClient } from "@/lib/db";
import { CLI_ACTOR } from "@/lib/auth/actor";
import { DEMO_SEASON } from "@/lib/festival/demo";
import { setProgrammePublished, suggestSchedule } from "@/lib/festival/schedule";
import { sittingInstant, dayKey } from "@/lib/festival/schedule-time";

export async function scheduleDemo(db: PrismaClient, options: { publish?: boolean } = {}) {
  const season = await db.season.findUniqueOrThrow({ where: { name: DEMO_SEASON } });
  const venues = await Promise.all(["Main Hall", "Recital Room", "Chapel", "Studio"].map((name, i) => db.venue.create({ data: { seasonId: season.id, name, sortOrder: i } })));
  const rows = [];
  for (let d = 0; d < 5; d++) {
    const day = dayKey(new Date(season.startsOn.getTime() + d * 86_400_000 + 12 * 3_600_000));
    for (const v of venues) {
      for (const [from, to] of [["09:00", "12:30"], ["13:30", "17:00"]]) rows.push({ seasonId: season.id, venueId: v.id, startsAt: sittingInstant(day, from)!, endsAt: sittingInstant(day, to)! });
    }
  }
  await db.sitting.createMany({ data: rows });
  const started = performance.now();
  const suggested = await suggestSchedule(db, CLI_ACTOR, season.id);
  const suggestMs = performance.now() - started;
  if (options.publish) await setProgrammePublished(db, CLI_ACTOR, season.id, true);
  return { season, suggested, suggestMs, firstDay: dayKey(new Date(season.startsOn.getTime() + 12 * 3_600_000)) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const db = createPrismaClient(process.env.DATABASE_URL!);
  scheduleDemo(db, { publish: process.argv.includes("--publish") })
    .then(async ({ season, firstDay }) => {
      console.log(`Scheduled and published the programme of ${season.name} (first day ${firstDay}).`);
      await db.$disconnect();
    })
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
