import "server-only";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/types";
import { RuleError } from "@/lib/auth/actor";
import { checkEntry, type RuleFailure } from "./entry-rules";
import { entriesAreOpen } from "./current-season";
import { classCode, normaliseName } from "./names";
import { recordAudit } from "@/lib/audit/service";
import { formatInstant } from "./dates";
import type { EntryInput } from "@/lib/validation/entries";

// Entries as their entrants see and change them. Every query is scoped to the account: an entrant sees
// the entries it submitted and those of the people it manages; a teacher sees (read-only) the entries
// naming their own profile. Any other entry id is "not found" and nothing changes. Organizers
// (festival.manage) may change any entry, at any time (after entries close too), audited.


export const ENTRY_NOT_FOUND = "There is no such entry among yours.";

/** Who is changing entries: the account, and whether it may change anyone's, outside the entry window too (festival.manage). */
export interface EntryActor {
  userId: string;
  email: string;
  canManage: boolean;
}

/** The entries `actor` may change: an organizer's are all of them; an entrant's, their scope. */
function changeScope(actor: EntryActor): Prisma.EntryWhereInput {
  return actor.canManage ? {} : entrantScope(actor.userId);
}

/** The rules refused the entry: one message per form field. */
export class EntryRulesError extends Error {
  constructor(readonly failures: RuleFailure[]) {
    super(failures.map((f) => f.message).join(" "));
  }
}

/** The entries an entrant may see and change: theirs, or naming a performer they manage. */
export function entrantScope(userId: string): Prisma.EntryWhereInput {
  return { OR: [{ accountId: userId }, { performers: { some: { profile: { managers: { some: { userId } } } } } }] };
}

/** The entries naming the account's own profile as teacher. */
export function teacherScope(userId: string): Prisma.EntryWhereInput {
  return { teacher: { managers: { some: { userId, relationship: "self" } } } };
}

// Names only: what one entrant may see of people it does not manage (a duet partner, a teacher).
const entrySelect = {
  id: true,
  status: true,
  feeCents: true,
  paidCents: true,
  notes: true,
  submittedAt: true,
  updatedAt: true,
  festivalClass: { select: { id: true, number: true, suffix: true, name: true, feeCents: true } },
  performers: { orderBy: { position: "asc" }, select: { profile: { select: { id: true, name: true } } } },
  accompanist: { select: { id: true, name: true } },
  teacher: { select: { id: true, name: true } },
  pieces: { orderBy: { position: "asc" }, select: { durationSeconds: true, piece: { select: { title: true, composer: true } } } },
} satisfies Prisma.EntrySelect;

export type EntryView = Prisma.EntryGetPayload<{ select: typeof entrySelect }>;

export async function listEntrantEntries(db: Db, userId: string, seasonId: string): Promise<EntryView[]> {
  return db.entry.findMany({
    where: { seasonId, ...entrantScope(userId) },
    orderBy: [{ createdAt: "asc" }],
    select: entrySelect,
  });
}

/** An entry `actor` may change (and so read in full), with the account it belongs to. */
export async function getEntryToChange(db: Db, actor: EntryActor, entryId: string) {
  return db.entry.findFirst({
    where: { id: entryId, ...changeScope(actor) },
    select: { ...entrySelect, seasonId: true, account: { select: { id: true, email: true } } },
  });
}

export async function listTeacherEntries(db: Db, userId: string, seasonId: string): Promise<EntryView[]> {
  return db.entry.findMany({
    where: { seasonId, status: { not: "withdrawn" }, ...teacherScope(userId) },
    orderBy: [{ festivalClass: { number: "asc" } }, { createdAt: "asc" }],
    select: entrySelect,
  });
}

/** Fees of the entries that count (submitted), what was paid, and what is still due. */
export function feeTotals(entries: readonly Pick<EntryView, "status" | "feeCents" | "paidCents">[]) {
  let fees = 0;
  let paid = 0;
  for (const e of entries) {
    if (e.status !== "submitted") continue;
    fees += e.feeCents ?? 0;
    paid += e.paidCents;
  }
  return { fees, paid, due: Math.max(0, fees - paid) };
}

async function currentSeasonIn(tx: Db) {
  const season = await tx.season.findFirst({ where: { isCurrent: true } });
  if (!season) throw new RuleError("There is no festival season open for entries yet.");
  return season;
}

/**
 * Whether the account may name `id` in that role: its own people, registered teachers/accompanists, or
 * whoever the entry already names (a partner family's accompanist stays when this family edits).
 */
async function allowedHelper(tx: Db, userId: string, id: string | null, role: "teacher" | "accompanist", already: string | null): Promise<boolean> {
  if (!id || id === already) return true;
  const found = await tx.profile.findFirst({
    where: {
      id,
      OR: [
        { managers: { some: { userId } } },
        { managers: { some: { relationship: "self", user: { active: true, roles: { some: { role: { name: role } } } } } } },
      ],
    },
    select: { id: true },
  });
  return Boolean(found);
}

async function pieceId(tx: Db, title: string, composer: string): Promise<string> {
  const titleKey = normaliseName(title);
  const composerKey = normaliseName(composer);
  const piece = await tx.piece.upsert({
    where: { titleKey_composerKey: { titleKey, composerKey } },
    create: { title, composer, titleKey, composerKey },
    update: {},
    select: { id: true },
  });
  return piece.id;
}

function closedMessage(season: { entriesCloseAt: Date }) {
  return `Entries closed on ${formatInstant(season.entriesCloseAt)}; ask the organizers for any change.`;
}

/**
 * Creates (entryId null) or changes an entry after every rule has passed, in one transaction. Saving
 * as "submit" (or changing an entry already submitted) makes it submitted and copies the class's fee.
 * Returns the entry id and whether it was submitted by this change (the caller mails a receipt).
 */
export async function saveEntry(
  db: PrismaClient,
  actor: EntryActor,
  entryId: string | null,
  input: EntryInput,
  now = new Date(),
): Promise<{ id: string; accountId: string | null; submitted: boolean }> {
  return db.$transaction(async (tx) => {
    const season = await currentSeasonIn(tx);
    const existing = entryId
      ? await tx.entry.findFirst({
          where: { id: entryId, ...changeScope(actor) },
          select: {
            id: true,
            status: true,
            seasonId: true,
            classId: true,
            feeCents: true,
            accountId: true,
            accompanistId: true,
            teacherId: true,
            performers: { select: { profileId: true } },
            festivalClass: { select: { number: true, suffix: true } },
          },
        })
      : null;
    if (entryId && !existing) throw new RuleError(ENTRY_NOT_FOUND, "not_found");
    if (existing && existing.seasonId !== season.id) throw new RuleError("This entry belongs to a past season and cannot change.");
    if (existing?.status === "withdrawn") throw new RuleError("This entry was withdrawn and cannot change.");

    const festivalClass = await tx.festivalClass.findUnique({
      where: { seasonId_number_suffix: { seasonId: season.id, number: input.classCode.number, suffix: input.classCode.suffix } },
      include: { performanceType: true },
    });
    const performerIds = input.performers;
    // A performer the account manages, or one the entry already has: a duet partner from another
    // family stays in the entry when this family edits it (and when an organizer does).
    const current = existing?.performers.map((p) => p.profileId) ?? [];
    const allowed = await tx.profile.findMany({
      where: { id: { in: performerIds }, OR: [{ managers: { some: { userId: actor.userId } } }, { id: { in: current } }] },
      select: { id: true, name: true, kind: true, birthDate: true },
    });
    const byId = new Map(allowed.map((p) => [p.id, p]));
    const failures: RuleFailure[] = [];
    if (performerIds.some((id) => !byId.has(id))) failures.push({ field: "performers", message: "Choose performers among the people you manage." });
    if (!(await allowedHelper(tx, actor.userId, input.accompanistId, "accompanist", existing?.accompanistId ?? null))) {
      failures.push({ field: "accompanistId", message: "Choose an accompanist from the list." });
    }
    if (!(await allowedHelper(tx, actor.userId, input.teacherId, "teacher", existing?.teacherId ?? null))) {
      failures.push({ field: "teacherId", message: "Choose a teacher from the list." });
    }

    const already = festivalClass
      ? await tx.entryPerformer.findMany({
          where: {
            profileId: { in: performerIds },
            entry: { classId: festivalClass.id, status: { not: "withdrawn" }, ...(entryId ? { id: { not: entryId } } : {}) },
          },
          select: { profileId: true },
        })
      : [];
    failures.push(
      ...checkEntry({
        season,
        festivalClass,
        classCodeText: input.classCode.number + input.classCode.suffix,
        performers: performerIds.flatMap((id) => byId.get(id) ?? []),
        pieces: input.pieces,
        alreadyEnteredIds: new Set(already.map((a) => a.profileId)),
        canManage: actor.canManage,
        now,
      }),
    );
    if (failures.length || !festivalClass) throw new EntryRulesError(failures);

    const submit = input.intent === "submit" || existing?.status === "submitted";
    const keepFee = existing?.status === "submitted" && existing.classId === festivalClass.id;
    const pieces = [];
    for (const [position, piece] of input.pieces.entries()) {
      pieces.push({ pieceId: await pieceId(tx, piece.title, piece.composer), position, durationSeconds: piece.durationSeconds });
    }
    const data = {
      classId: festivalClass.id,
      accompanistId: input.accompanistId,
      teacherId: input.teacherId,
      notes: input.notes,
      status: submit ? "submitted" : "draft",
      feeCents: submit ? (keepFee ? existing.feeCents : festivalClass.feeCents) : null,
      submittedAt: submit && existing?.status !== "submitted" ? now : undefined,
      updatedById: actor.userId,
    };
    const performers = performerIds.map((profileId, position) => ({ profileId, position }));
    let id: string;
    if (existing) {
      await tx.entryPerformer.deleteMany({ where: { entryId: existing.id } });
      await tx.entryPiece.deleteMany({ where: { entryId: existing.id } });
      await tx.entry.update({
        where: { id: existing.id },
        data: { ...data, performers: { create: performers }, pieces: { create: pieces } },
      });
      id = existing.id;
    } else {
      const created = await tx.entry.create({
        data: {
          ...data,
          seasonId: season.id,
          accountId: actor.userId,
          createdById: actor.userId,
          performers: { create: performers },
          pieces: { create: pieces },
        },
        select: { id: true },
      });
      id = created.id;
    }
    // An organizer changing another account's entry: one audit event, in the change's transaction.
    if (existing && existing.accountId !== actor.userId) {
      await recordAudit(tx, {
        action: "festival.entry_changed_by_organizer",
        actor: { id: actor.userId, email: actor.email },
        subject: { id, label: `${classCode(festivalClass)} ${festivalClass.name}` },
        details: { from: classCode(existing.festivalClass), status: data.status },
      });
    }
    return { id, accountId: existing ? existing.accountId : actor.userId, submitted: submit && existing?.status !== "submitted" };
  });
}

/** Withdraws an entry of the account's while entries are open (organizers: any time). */
export async function withdrawEntry(db: PrismaClient, actor: EntryActor, entryId: string, now = new Date()): Promise<{ accountId: string | null }> {
  return db.$transaction(async (tx) => {
    const entry = await tx.entry.findFirst({
      where: { id: entryId, ...changeScope(actor) },
      select: { id: true, status: true, season: true, accountId: true, festivalClass: { select: { number: true, suffix: true, name: true } } },
    });
    if (!entry) throw new RuleError(ENTRY_NOT_FOUND, "not_found");
    if (!actor.canManage && !entriesAreOpen(entry.season, now)) throw new RuleError(closedMessage(entry.season));
    if (entry.status === "withdrawn") return { accountId: entry.accountId };
    await tx.entry.update({ where: { id: entry.id }, data: { status: "withdrawn", updatedById: actor.userId } });
    if (entry.accountId !== actor.userId) {
      await recordAudit(tx, {
        action: "festival.entry_withdrawn_by_organizer",
        actor: { id: actor.userId, email: actor.email },
        subject: { id: entry.id, label: `${classCode(entry.festivalClass)} ${entry.festivalClass.name}` },
      });
    }
    return { accountId: entry.accountId };
  });
}
