import "server-only";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { RuleError, type Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/service";
import { normaliseName, parseClassCode } from "./names";
import { formatCents } from "./money";

// The organizers' view of every entry of a season (festival.read) and the payments they mark
// (festival.manage, audited in the same transaction). Name filters are prefix matches on the stored
// normalised keys, like the other admin searches: an index range, not a scan.

export const ENTRY_STATUSES = ["draft", "submitted", "withdrawn"] as const;
export const ADMIN_ENTRIES_PAGE_SIZE = 50;

export interface AdminEntryFilters {
  classCode?: string;
  disciplineId?: string;
  status?: string;
  teacher?: string;
  school?: string;
  performer?: string;
}

function prefix(text: string | undefined) {
  const key = text ? normaliseName(text) : "";
  return key ? { startsWith: key } : undefined;
}

export function adminEntryWhere(seasonId: string, f: AdminEntryFilters): Prisma.EntryWhereInput {
  const and: Prisma.EntryWhereInput[] = [{ seasonId }];
  const code = f.classCode ? parseClassCode(f.classCode) : null;
  if (f.classCode) and.push(code ? { festivalClass: { number: code.number, suffix: code.suffix } } : { id: "" });
  if (f.disciplineId) and.push({ festivalClass: { disciplineId: f.disciplineId } });
  if (f.status && (ENTRY_STATUSES as readonly string[]).includes(f.status)) and.push({ status: f.status });
  const teacher = prefix(f.teacher);
  if (teacher) and.push({ teacher: { nameKey: teacher } });
  const school = prefix(f.school);
  if (school) and.push({ performers: { some: { profile: { school: { nameKey: school } } } } });
  const performer = prefix(f.performer);
  if (performer) and.push({ performers: { some: { profile: { nameKey: performer } } } });
  return { AND: and };
}

export async function listSeasonEntries(db: PrismaClient, seasonId: string, filters: AdminEntryFilters, page: number) {
  const where = adminEntryWhere(seasonId, filters);
  const [total, entries] = await Promise.all([
    db.entry.count({ where }),
    db.entry.findMany({
      where,
      orderBy: [{ festivalClass: { number: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * ADMIN_ENTRIES_PAGE_SIZE,
      take: ADMIN_ENTRIES_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        feeCents: true,
        paidCents: true,
        festivalClass: { select: { number: true, suffix: true, name: true, discipline: { select: { name: true } } } },
        performers: { orderBy: { position: "asc" }, select: { profile: { select: { name: true, school: { select: { name: true } } } } } },
        teacher: { select: { name: true } },
        account: { select: { email: true } },
        submitterEmail: true,
      },
    }),
  ]);
  return { total, entries, pageCount: Math.max(1, Math.ceil(total / ADMIN_ENTRIES_PAGE_SIZE)) };
}

/** Sets what has been paid for an entry; one audit event in the same transaction. */
export async function markPayment(db: PrismaClient, actor: Actor, entryId: string, paidCents: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const entry = await tx.entry.findUnique({
      where: { id: entryId },
      select: { id: true, paidCents: true, festivalClass: { select: { number: true, suffix: true } } },
    });
    if (!entry) throw new RuleError("There is no such entry.", "not_found");
    await tx.entry.update({ where: { id: entryId }, data: { paidCents } });
    await recordAudit(tx, {
      action: "entry.payment_marked",
      actor: actor.audit,
      subject: { id: entry.id, label: `Entry ${entry.festivalClass.number}${entry.festivalClass.suffix}` },
      ip: actor.ip,
      details: { from: formatCents(entry.paidCents), to: formatCents(paidCents) },
    });
  });
}
