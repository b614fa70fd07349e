import "server-only";
import { markChanged } from "@/lib/cache/versions";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RuleError, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/service";
import type { SittingInput, VenueInput } from "@/lib/validation/schedule";
import { formatCalendarDate } from "./dates";
import { classCode } from "./names";
import { assertManager, FieldRuleError, refusingDuplicates, type Tx } from "./organizer";
import { ADJUDICATOR_ROLE_KEY, loadSchedule } from "./schedule-data";
import { sittingLabel } from "./schedule-time";
import { suggestPlacement } from "./schedule-suggest";

// The organizers' changes to a season's schedule (festival.manage). Every id a form sends is checked to
// belong to the season the page is about: another season's venue, sitting, class or entry is "not found"
// and nothing changes. Each change writes one audit event in its transaction.

export type Direction = "up" | "down";

const notFound = (what: string) => new RuleError(`There is no such ${what} in this season.`, "not_found");

async function seasonIn(tx: Tx, seasonId: string) {
  const season = await tx.season.findUnique({ where: { id: seasonId }, select: { id: true, name: true, startsOn: true, endsOn: true } });
  if (!season) throw notFound("season");
  return season;
}

export async function createVenue(db: PrismaClient, actor: Actor, seasonId: string, input: VenueInput): Promise<void> {
  assertManager(actor);
  await refusingDuplicates(
    () =>
      db.$transaction(async (tx) => {
        const season = await seasonIn(tx, seasonId);
        const count = await tx.venue.count({ where: { seasonId } });
        const venue = await tx.venue.create({ data: { seasonId, name: input.name, sortOrder: count }, select: { id: true } });
        await markChanged(tx, "programme");
        await recordAudit(tx, { action: "festival.venue_created", actor: actor.audit, subject: { id: venue.id, label: input.name }, ip: actor.ip, details: { season: season.name } });
      }),
    `A venue named "${input.name}" already exists in this season`,
  );
}

export async function deleteVenue(db: PrismaClient, actor: Actor, seasonId: string, venueId: string): Promise<void> {
  assertManager(actor);
  await db.$transaction(async (tx) => {
    const venue = await tx.venue.findFirst({ where: { id: venueId, seasonId }, select: { name: true, _count: { select: { sittings: true } } } });
    if (!venue) throw notFound("venue");
    if (venue._count.sittings) throw new RuleError(`${venue.name} has sessions: delete or move them first`);
    await tx.venue.delete({ where: { id: venueId } });
    await markChanged(tx, "programme");
    await recordAudit(tx, { action: "festival.venue_deleted", actor: actor.audit, subject: { id: venueId, label: venue.name }, ip: actor.ip });
  });
}

/** The sitting's venue and adjudicator exist for this season, and its day is a festival day. */
async function checkSitting(tx: Tx, seasonId: string, input: SittingInput) {
  const season = await seasonIn(tx, seasonId);
  const venue = await tx.venue.findFirst({ where: { id: input.venueId, seasonId }, select: { name: true } });
  if (!venue) throw new FieldRuleError("venueId", "Choose a venue of this season");
  if (input.day < season.startsOn || input.day > season.endsOn)
    throw new FieldRuleError("date", `Choose a festival day, from ${formatCalendarDate(season.startsOn)} to ${formatCalendarDate(season.endsOn)}`);
  if (input.adjudicatorId) {
    const adjudicator = await tx.user.findFirst({
      where: { id: input.adjudicatorId, active: true, roles: { some: { role: { key: ADJUDICATOR_ROLE_KEY } } } },
      select: { id: true },
    });
    if (!adjudicator) throw new FieldRuleError("adjudicatorId", "Choose an adjudicator from the list");
  }
  return { season, label: sittingLabel(venue.name, input.startsAt, input.endsAt) };
}

const sittingData = (input: SittingInput) => ({ venueId: input.venueId, name: input.name, startsAt: input.startsAt, endsAt: input.endsAt, adjudicatorId: input.adjudicatorId });

export async function createSitting(db: PrismaClient, actor: Actor, seasonId: string, input: SittingInput): Promise<{ id: string }> {
  assertManager(actor);
  return db.$transaction(async (tx) => {
    const { label } = await checkSitting(tx, seasonId, input);
    const sitting = await tx.sitting.create({ data: { seasonId, ...sittingData(input) }, select: { id: true } });
    await markChanged(tx, "programme");
    await recordAudit(tx, { action: "festival.sitting_created", actor: actor.audit, subject: { id: sitting.id, label }, ip: actor.ip });
    return sitting;
  });
}

export async function updateSitting(db: PrismaClient, actor: Actor, seasonId: string, sittingId: string, input: SittingInput): Promise<void> {
  assertManager(actor);
  await db.$transaction(async (tx) => {
    const before = await tx.sitting.findFirst({ where: { id: sittingId, seasonId }, select: { id: true } });
    if (!before) throw notFound("session");
    const { label } = await checkSitting(tx, seasonId, input);
    await tx.sitting.update({ where: { id: sittingId }, data: sittingData(input) });
    await markChanged(tx, "programme");
    await recordAudit(tx, { action: "festival.sitting_updated", actor: actor.audit, subject: { id: sittingId, label }, ip: actor.ip });
  });
}

/** Deletes a sitting; its classes become unplaced. */
export async function deleteSitting(db: PrismaClient, actor: Actor, seasonId: string, sittingId: string): Promise<void> {
  assertManager(actor);
  await db.$transaction(async (tx) => {
    const sitting = await tx.sitting.findFirst({ where: { id: sittingId, seasonId }, select: { startsAt: true, endsAt: true, venue: { select: { name: true } }, _count: { select: { classes: true } } } });
    if (!sitting) throw notFound("session");
    await tx.sitting.delete({ where: { id: sittingId } });
    await markChanged(tx, "programme");
    await recordAudit(tx, {
      action: "festival.sitting_deleted",
      actor: actor.audit,
      subject: { id: sittingId, label: sittingLabel(sitting.venue.name, sitting.startsAt, sitting.endsAt) },
      ip: actor.ip,
      details: { classesUnplaced: sitting._count.classes },
    });
  });
}

async function nextPosition(tx: Tx, sittingId: string): Promise<number> {
  const last = await tx.sittingClass.findFirst({ where: { sittingId }, orderBy: { position: "desc" }, select: { position: true } });
  return last ? last.position + 1 : 0;
}

/** Puts a class at the end of a sitting, or takes it off the schedule (sittingId null). */
export async function placeClass(db: PrismaClient, actor: Actor, seasonId: string, classId: string, sittingId: string | null): Promise<void> {
  assertManager(actor);
  await db.$transaction(async (tx) => {
    const festivalClass = await tx.festivalClass.findFirst({ where: { id: classId, seasonId }, select: { number: true, suffix: true, name: true, placement: { select: { sittingId: true } } } });
    if (!festivalClass) throw notFound("class");
    const label = `${classCode(festivalClass)} ${festivalClass.name}`;
    const from = festivalClass.placement?.sittingId ?? null;
    if (from === sittingId) return;
    let to: string | null = null;
    if (sittingId) {
      const sitting = await tx.sitting.findFirst({ where: { id: sittingId, seasonId }, select: { startsAt: true, endsAt: true, venue: { select: { name: true } } } });
      if (!sitting) throw new FieldRuleError("sittingId", "Choose a session of this season");
      to = sittingLabel(sitting.venue.name, sitting.startsAt, sitting.endsAt);
      const position = await nextPosition(tx, sittingId);
      await tx.sittingClass.upsert({ where: { classId }, create: { classId, sittingId, position }, update: { sittingId, position } });
    } else {
      await tx.sittingClass.delete({ where: { classId } });
    }
    await markChanged(tx, "programme");
    await recordAudit(tx, { action: "festival.class_placed", actor: actor.audit, subject: { id: classId, label }, ip: actor.ip, details: { to: to ?? "unplaced" } });
  });
}

/** Swaps an item with its neighbour in `ids` (in order); null when it is already at that end. */
function swapped(ids: string[], id: string, direction: Direction): string[] | null {
  const i = ids.indexOf(id);
  const j = direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= ids.length) return null;
  const out = [...ids];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** Moves a placed class one place earlier or later in its sitting. */
export async function moveClass(db: PrismaClient, actor: Actor, seasonId: string, classId: string, direction: Direction): Promise<void> {
  assertManager(actor);
  await db.$transaction(async (tx) => {
    const placement = await tx.sittingClass.findFirst({ where: { classId, sitting: { seasonId } }, select: { sittingId: true, festivalClass: { select: { number: true, suffix: true } } } });
    if (!placement) throw notFound("placed class");
    const rows = await tx.sittingClass.findMany({ where: { sittingId: placement.sittingId }, orderBy: [{ position: "asc" }, { classId: "asc" }], select: { classId: true, position: true } });
    const order = swapped(rows.map((r) => r.classId), classId, direction);
    if (!order) return;
    for (const [position, id] of order.entries()) {
      if (rows.find((r) => r.classId === id)!.position !== position) await tx.sittingClass.update({ where: { classId: id }, data: { position } });
    }
    await markChanged(tx, "programme");
    await recordAudit(tx, { action: "festival.schedule_reordered", actor: actor.audit, subject: { id: classId, label: `Class ${classCode(placement.festivalClass)}` }, ip: actor.ip, details: { moved: direction } });
  });
}

/** Moves an entry one place earlier or later in its class's running order (Entry.orderInClass). */
export async function moveEntry(db: PrismaClient, actor: Actor, seasonId: string, entryId: string, direction: Direction): Promise<void> {
  assertManager(actor);
  await db.$transaction(async (tx) => {
    const entry = await tx.entry.findFirst({ where: { id: entryId, seasonId, status: "submitted" }, select: { classId: true, festivalClass: { select: { number: true, suffix: true } } } });
    if (!entry) throw notFound("entry");
    const rows = await tx.entry.findMany({
      where: { classId: entry.classId, status: "submitted" },
      select: { id: true, orderInClass: true, createdAt: true },
    });
    rows.sort(
      (a, b) =>
        (a.orderInClass ?? Number.MAX_SAFE_INTEGER) - (b.orderInClass ?? Number.MAX_SAFE_INTEGER) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
    );
    const order = swapped(rows.map((r) => r.id), entryId, direction);
    if (!order) return;
    for (const [position, id] of order.entries()) {
      if (rows.find((r) => r.id === id)!.orderInClass !== position) await tx.entry.update({ where: { id }, data: { orderInClass: position } });
    }
    await markChanged(tx, "programme");
    await recordAudit(tx, { action: "festival.schedule_reordered", actor: actor.audit, subject: { id: entryId, label: `Entry in ${classCode(entry.festivalClass)}` }, ip: actor.ip, details: { moved: direction } });
  });
}

/** "Suggest a schedule": places the unplaced classes that fit (lib/festival/schedule-suggest.ts). */
export async function suggestSchedule(db: PrismaClient, actor: Actor, seasonId: string): Promise<{ placed: number; unplaced: number }> {
  assertManager(actor);
  const data = await loadSchedule(db, seasonId);
  if (!data) throw notFound("season");
  if (!data.sittings.length) throw new RuleError("Create sessions first: the suggestion fills them with classes");
  const suggestion = suggestPlacement(
    data.sittings.map((s) => ({ id: s.id, startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime(), usedSeconds: s.plannedSeconds })),
    data.unplaced.map((c) => ({
      id: c.id,
      code: c.code,
      disciplineOrder: c.discipline.sortOrder,
      disciplineName: c.discipline.name,
      levelOrder: c.level.sortOrder,
      levelName: c.level.name,
      plannedSeconds: c.plannedSeconds,
    })),
  );
  return db.$transaction(async (tx) => {
    // Computed outside the transaction: a class placed meanwhile by someone else keeps its place.
    const taken = new Set(
      (await tx.sittingClass.findMany({ where: { classId: { in: suggestion.placements.map((p) => p.classId) } }, select: { classId: true } })).map((r) => r.classId),
    );
    const next = new Map<string, number>();
    const rows: { classId: string; sittingId: string; position: number }[] = [];
    for (const p of suggestion.placements) {
      if (taken.has(p.classId)) continue;
      const position = next.get(p.sittingId) ?? (await nextPosition(tx, p.sittingId));
      next.set(p.sittingId, position + 1);
      rows.push({ ...p, position });
    }
    if (rows.length) await tx.sittingClass.createMany({ data: rows });
    await markChanged(tx, "programme");
    await recordAudit(tx, { action: "festival.schedule_suggested", actor: actor.audit, subject: { id: seasonId, label: data.season.name }, ip: actor.ip, details: { placed: rows.length, unplaced: suggestion.unplaced.length } });
    return { placed: rows.length, unplaced: suggestion.unplaced.length };
  });
}

/** Publishes the season's programme (the public pages show it) or withdraws it. */
export async function setProgrammePublished(db: PrismaClient, actor: Actor, seasonId: string, published: boolean): Promise<void> {
  assertManager(actor);
  await db.$transaction(async (tx) => {
    const season = await seasonIn(tx, seasonId);
    const at = published ? new Date() : null;
    await tx.scheduleSettings.upsert({ where: { seasonId }, create: { seasonId, programmePublishedAt: at }, update: { programmePublishedAt: at } });
    await markChanged(tx, "programme");
    await recordAudit(tx, { action: published ? "festival.programme_published" : "festival.programme_unpublished", actor: actor.audit, subject: { id: seasonId, label: season.name }, ip: actor.ip });
  });
}
