import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { RuleError, type Actor } from "@/lib/auth/actor";
import { markChanged } from "@/lib/cache/versions";
import { recordAudit } from "@/lib/audit/service";
import type { LookupInput, PerformanceTypeInput } from "@/lib/validation/festival";
import { assertManager, refusingDuplicates, type Tx } from "./organizer";
import { STANDARD_DISCIPLINES, STANDARD_LEVELS, STANDARD_PERFORMANCE_TYPES } from "./standard-lookups";

// The lists classes are filed under, which outlive seasons: disciplines, levels (ordered) and
// performance types (with how many performers they allow). A row in use by a class cannot be deleted.

export const LOOKUP_KINDS = {
  discipline: { label: "Discipline", plural: "Disciplines" },
  level: { label: "Level", plural: "Levels" },
  "performance-type": { label: "Performance type", plural: "Performance types" },
} as const;

export type LookupKind = keyof typeof LOOKUP_KINDS;

export function isLookupKind(value: string): value is LookupKind {
  return value in LOOKUP_KINDS;
}

export type LookupData = LookupInput | PerformanceTypeInput;

const ORDER = [{ sortOrder: "asc" as const }, { name: "asc" as const }];

/** All three lists, ordered, each row with how many classes (of any season) use it. */
export async function listLookups(db: PrismaClient) {
  const count = { _count: { select: { classes: true } } };
  const [disciplines, levels, performanceTypes] = await Promise.all([
    db.discipline.findMany({ orderBy: ORDER, include: count }),
    db.level.findMany({ orderBy: ORDER, include: count }),
    db.performanceType.findMany({ orderBy: ORDER, include: count }),
  ]);
  return { disciplines, levels, performanceTypes };
}

function typeFields(input: LookupData) {
  return "minPerformers" in input ? { minPerformers: input.minPerformers, maxPerformers: input.maxPerformers } : {};
}

async function write(tx: Tx, kind: LookupKind, id: string | null, input: LookupData): Promise<{ id: string }> {
  await markChanged(tx, "syllabus");
  const data = { name: input.name, sortOrder: input.sortOrder };
  const select = { id: true };
  switch (kind) {
    case "discipline":
      return id ? tx.discipline.update({ where: { id }, data, select }) : tx.discipline.create({ data, select });
    case "level":
      return id ? tx.level.update({ where: { id }, data, select }) : tx.level.create({ data, select });
    case "performance-type": {
      const full = { ...data, ...typeFields(input) };
      return id ? tx.performanceType.update({ where: { id }, data: full, select }) : tx.performanceType.create({ data: { ...full, minPerformers: full.minPerformers ?? 1 }, select });
    }
  }
}

async function find(tx: Tx, kind: LookupKind, id: string): Promise<{ name: string; classes: number } | null> {
  const select = { name: true, _count: { select: { classes: true } } };
  const row =
    kind === "discipline"
      ? await tx.discipline.findUnique({ where: { id }, select })
      : kind === "level"
        ? await tx.level.findUnique({ where: { id }, select })
        : await tx.performanceType.findUnique({ where: { id }, select });
  return row ? { name: row.name, classes: row._count.classes } : null;
}

const duplicate = (kind: LookupKind, name: string) => `A ${LOOKUP_KINDS[kind].label.toLowerCase()} named "${name}" already exists`;

export async function createLookup(db: PrismaClient, actor: Actor, kind: LookupKind, input: LookupData): Promise<{ id: string }> {
  assertManager(actor);
  return refusingDuplicates(
    () =>
      db.$transaction(async (tx) => {
        const row = await write(tx, kind, null, input);
        await recordAudit(tx, { action: "festival.lookup_created", actor: actor.audit, subject: { id: row.id, label: input.name }, ip: actor.ip, details: { kind, ...typeFields(input) } });
        return row;
      }),
    duplicate(kind, input.name),
  );
}

export async function updateLookup(db: PrismaClient, actor: Actor, kind: LookupKind, id: string, input: LookupData): Promise<void> {
  assertManager(actor);
  await refusingDuplicates(
    () =>
      db.$transaction(async (tx) => {
        const before = await find(tx, kind, id);
        if (!before) throw new RuleError(`No such ${LOOKUP_KINDS[kind].label.toLowerCase()}`, "not_found");
        await write(tx, kind, id, input);
        await recordAudit(tx, {
          action: "festival.lookup_updated",
          actor: actor.audit,
          subject: { id, label: input.name },
          ip: actor.ip,
          details: { kind, ...(before.name !== input.name ? { renamedFrom: before.name } : {}), ...typeFields(input) },
        });
      }),
    duplicate(kind, input.name),
  );
}

export async function deleteLookup(db: PrismaClient, actor: Actor, kind: LookupKind, id: string): Promise<void> {
  assertManager(actor);
  await db.$transaction(async (tx) => {
    const row = await find(tx, kind, id);
    if (!row) throw new RuleError(`No such ${LOOKUP_KINDS[kind].label.toLowerCase()}`, "not_found");
    if (row.classes > 0) throw new RuleError(`${row.name} is used by ${row.classes} ${row.classes === 1 ? "class" : "classes"}: it cannot be deleted`);
    if (kind === "discipline") await tx.discipline.delete({ where: { id } });
    else if (kind === "level") await tx.level.delete({ where: { id } });
    else await tx.performanceType.delete({ where: { id } });
    await markChanged(tx, "syllabus");
    await recordAudit(tx, { action: "festival.lookup_deleted", actor: actor.audit, subject: { id, label: row.name }, ip: actor.ip, details: { kind } });
  });
}

/**
 * Start-up: a table with no rows gets the standard list. A table organizers have filled is left alone,
 * so a renamed or deleted standard row does not come back. Not audited: it is the system's own setup.
 */
export async function ensureStandardLookups(db: PrismaClient): Promise<void> {
  const [disciplines, levels, types] = await Promise.all([db.discipline.count(), db.level.count(), db.performanceType.count()]);
  if (disciplines === 0) await db.discipline.createMany({ data: STANDARD_DISCIPLINES.map((name, i) => ({ name, sortOrder: (i + 1) * 10 })) });
  if (levels === 0) await db.level.createMany({ data: STANDARD_LEVELS.map((name, i) => ({ name, sortOrder: (i + 1) * 10 })) });
  if (types === 0) await db.performanceType.createMany({ data: STANDARD_PERFORMANCE_TYPES.map((t, i) => ({ ...t, sortOrder: (i + 1) * 10 })) });
  if (disciplines === 0 || levels === 0 || types === 0) await markChanged(db, "syllabus");
}

/** The three lists as <select> options (id, name), for the class form and the filters. */
export async function lookupOptions(db: PrismaClient) {
  const { disciplines, levels, performanceTypes } = await listLookups(db);
  const options = (rows: { id: string; name: string }[]) => rows.map((r) => ({ value: r.id, label: r.name }));
  return { disciplines: options(disciplines), levels: options(levels), performanceTypes: options(performanceTypes) };
}
