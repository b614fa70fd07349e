import "server-only";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db/types";
import { RuleError, type Actor } from "@/lib/auth/actor";
import { markChanged } from "@/lib/cache/versions";
import { recordAudit } from "@/lib/audit/service";
import type { ClassInput } from "@/lib/validation/festival";
import { classCode, parseClassCode } from "./names";
import { assertManager, FieldRuleError, type Tx } from "./organizer";

// The syllabus's classes, per season. Number + suffix is unique in a season; a class that an entry uses
// cannot be deleted (the entry would lose what it was entered in). Each change is audited in its
// transaction. The public syllabus reads through lib/festival/syllabus.ts (cached), not this.

export const CLASS_PAGE_SIZE = 50;

export interface ClassQuery {
  seasonId: string;
  disciplineId?: string;
  levelId?: string;
  performanceTypeId?: string;
  /** A number prefix ("21", "2101A") or a part of the name. */
  q?: string;
  page: number;
}

/** "21" or "2101a": a class-number prefix; anything else is searched in the name. */
export function classSearchWhere(q: string | undefined): Prisma.FestivalClassWhereInput {
  const text = q?.trim();
  if (!text) return {};
  const code = /^\d{1,4}$/.test(text) ? { number: text, suffix: "" } : parseClassCode(text);
  if (code && code.number.length === 4 && code.suffix) return { number: code.number, suffix: code.suffix };
  if (code) return { number: { startsWith: code.number } };
  return { name: { contains: text } };
}

export async function listClasses(db: PrismaClient, query: ClassQuery) {
  const where: Prisma.FestivalClassWhereInput = {
    seasonId: query.seasonId,
    ...(query.disciplineId ? { disciplineId: query.disciplineId } : {}),
    ...(query.levelId ? { levelId: query.levelId } : {}),
    ...(query.performanceTypeId ? { performanceTypeId: query.performanceTypeId } : {}),
    ...classSearchWhere(query.q),
  };
  const [total, classes] = await Promise.all([
    db.festivalClass.count({ where }),
    db.festivalClass.findMany({
      where,
      orderBy: [{ number: "asc" }, { suffix: "asc" }],
      skip: (query.page - 1) * CLASS_PAGE_SIZE,
      take: CLASS_PAGE_SIZE,
      include: {
        discipline: { select: { name: true } },
        level: { select: { name: true } },
        performanceType: { select: { name: true } },
        _count: { select: { entries: true } },
      },
    }),
  ]);
  return { total, classes, pageCount: Math.max(1, Math.ceil(total / CLASS_PAGE_SIZE)) };
}

export async function getClass(db: PrismaClient, id: string) {
  return db.festivalClass.findUnique({
    where: { id },
    include: { season: { select: { id: true, name: true } }, _count: { select: { entries: true } } },
  });
}

/** The lookups must exist: a stale form could name one deleted since. */
async function checkLookups(tx: Tx, input: ClassInput): Promise<void> {
  const [discipline, level, type] = await Promise.all([
    tx.discipline.findUnique({ where: { id: input.disciplineId }, select: { id: true } }),
    tx.level.findUnique({ where: { id: input.levelId }, select: { id: true } }),
    tx.performanceType.findUnique({ where: { id: input.performanceTypeId }, select: { id: true } }),
  ]);
  if (!discipline) throw new FieldRuleError("disciplineId", "Choose a discipline from the list");
  if (!level) throw new FieldRuleError("levelId", "Choose a level from the list");
  if (!type) throw new FieldRuleError("performanceTypeId", "Choose a performance type from the list");
}

function duplicateNumber(error: unknown, input: ClassInput): never {
  if (isUniqueViolation(error))
    throw new FieldRuleError("number", `Class ${classCode(input)} already exists in this season`);
  throw error;
}

export async function createClass(db: PrismaClient, actor: Actor, seasonId: string, input: ClassInput): Promise<{ id: string }> {
  assertManager(actor);
  try {
    return await db.$transaction(async (tx) => {
      const season = await tx.season.findUnique({ where: { id: seasonId }, select: { name: true } });
      if (!season) throw new FieldRuleError("seasonId", "Choose a season");
      await checkLookups(tx, input);
      const created = await tx.festivalClass.create({ data: { ...input, seasonId }, select: { id: true } });
      await markChanged(tx, "syllabus");
      await recordAudit(tx, {
        action: "festival.class_created",
        actor: actor.audit,
        subject: { id: created.id, label: `${classCode(input)} ${input.name}` },
        ip: actor.ip,
        details: { season: season.name, feeCents: input.feeCents },
      });
      return created;
    });
  } catch (error) {
    duplicateNumber(error, input);
  }
}

export async function updateClass(db: PrismaClient, actor: Actor, id: string, input: ClassInput): Promise<void> {
  assertManager(actor);
  try {
    await db.$transaction(async (tx) => {
      const before = await tx.festivalClass.findUnique({ where: { id } });
      if (!before) throw new RuleError("No such class", "not_found");
      await checkLookups(tx, input);
      await tx.festivalClass.update({ where: { id }, data: input });
      await markChanged(tx, "syllabus");
      // Only what changed, so the audit log says what happened ("fee 2500 -> 3000").
      const changed = Object.fromEntries(
        Object.entries(input)
          .filter(([key, value]) => before[key as keyof typeof before] !== value)
          .map(([key, value]) => [key, { from: before[key as keyof typeof before], to: value }]),
      );
      await recordAudit(tx, { action: "festival.class_updated", actor: actor.audit, subject: { id, label: `${classCode(input)} ${input.name}` }, ip: actor.ip, details: changed });
    });
  } catch (error) {
    duplicateNumber(error, input);
  }
}

export async function deleteClass(db: PrismaClient, actor: Actor, id: string): Promise<void> {
  assertManager(actor);
  await db.$transaction(async (tx) => {
    const row = await tx.festivalClass.findUnique({ where: { id }, select: { number: true, suffix: true, name: true, _count: { select: { entries: true } } } });
    if (!row) throw new RuleError("No such class", "not_found");
    const entries = row._count.entries;
    if (entries > 0) throw new RuleError(`Class ${classCode(row)} has ${entries} ${entries === 1 ? "entry" : "entries"}: it cannot be deleted`);
    // The foreign key (onDelete: Restrict) also refuses, should an entry arrive after the count.
    await tx.festivalClass.delete({ where: { id } }).catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003") throw new RuleError(`Class ${classCode(row)} has entries: it cannot be deleted`);
      throw error;
    });
    await markChanged(tx, "syllabus");
    await recordAudit(tx, { action: "festival.class_deleted", actor: actor.audit, subject: { id, label: `${classCode(row)} ${row.name}` }, ip: actor.ip });
  });
}
