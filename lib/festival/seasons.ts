import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RuleError, type Actor } from "@/lib/auth/actor";
import { markChanged } from "@/lib/cache/versions";
import { recordAudit } from "@/lib/audit/service";
import type { SeasonInput } from "@/lib/validation/festival";
import { assertManager, refusingDuplicates, type Tx } from "./organizer";

// Seasons: create, edit, make current. Exactly one season is current once any exists: the first one
// created becomes current, making another current unsets the rest in the same transaction, and nothing
// unsets the flag otherwise. Each change writes one audit event in its transaction.

export async function listSeasons(db: PrismaClient) {
  return db.season.findMany({ orderBy: [{ startsOn: "desc" }, { name: "desc" }], include: { _count: { select: { classes: true, entries: true } } } });
}

export async function getSeason(db: PrismaClient, id: string) {
  return db.season.findUnique({ where: { id } });
}

async function makeCurrentIn(tx: Tx, id: string): Promise<void> {
  await tx.season.updateMany({ where: { isCurrent: true, NOT: { id } }, data: { isCurrent: false } });
  await tx.season.update({ where: { id }, data: { isCurrent: true } });
}

function fields(input: SeasonInput) {
  const { name, entriesOpenAt, entriesCloseAt, startsOn, endsOn, ageCutoffOn } = input;
  return { name, entriesOpenAt, entriesCloseAt, startsOn, endsOn, ageCutoffOn };
}

const duplicate = (name: string) => `A season named "${name}" already exists`;

export async function createSeason(db: PrismaClient, actor: Actor, input: SeasonInput): Promise<{ id: string; name: string; isCurrent: boolean }> {
  assertManager(actor);
  return refusingDuplicates(
    () =>
      db.$transaction(async (tx) => {
        const season = await tx.season.create({ data: fields(input), select: { id: true, name: true } });
        const current = input.makeCurrent || (await tx.season.count({ where: { isCurrent: true } })) === 0;
        if (current) await makeCurrentIn(tx, season.id);
        await markChanged(tx, "syllabus");
        await recordAudit(tx, { action: "festival.season_created", actor: actor.audit, subject: { id: season.id, label: season.name }, ip: actor.ip, details: { current } });
        return { ...season, isCurrent: current };
      }),
    duplicate(input.name),
  );
}

export async function updateSeason(db: PrismaClient, actor: Actor, id: string, input: SeasonInput): Promise<void> {
  assertManager(actor);
  await refusingDuplicates(
    () =>
      db.$transaction(async (tx) => {
        const before = await tx.season.findUnique({ where: { id }, select: { name: true, isCurrent: true } });
        if (!before) throw new RuleError("No such season", "not_found");
        await tx.season.update({ where: { id }, data: fields(input) });
        const madeCurrent = input.makeCurrent && !before.isCurrent;
        if (madeCurrent) await makeCurrentIn(tx, id);
        await markChanged(tx, "syllabus");
        await recordAudit(tx, {
          action: "festival.season_updated",
          actor: actor.audit,
          subject: { id, label: input.name },
          ip: actor.ip,
          details: { ...(before.name !== input.name ? { renamedFrom: before.name } : {}), ...(madeCurrent ? { madeCurrent } : {}) },
        });
      }),
    duplicate(input.name),
  );
}

export async function setCurrentSeason(db: PrismaClient, actor: Actor, id: string): Promise<void> {
  assertManager(actor);
  await db.$transaction(async (tx) => {
    const season = await tx.season.findUnique({ where: { id }, select: { name: true, isCurrent: true } });
    if (!season) throw new RuleError("No such season", "not_found");
    if (season.isCurrent) throw new RuleError(`${season.name} is already the current season`, "invalid");
    const previous = await tx.season.findFirst({ where: { isCurrent: true }, select: { name: true } });
    await makeCurrentIn(tx, id);
    await markChanged(tx, "syllabus");
    await recordAudit(tx, { action: "festival.season_made_current", actor: actor.audit, subject: { id, label: season.name }, ip: actor.ip, details: { previous: previous?.name ?? null } });
  });
}
