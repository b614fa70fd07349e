import "server-only";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { AUDIT_ACTIONS, type AuditAction } from "./actions";

export const AUDIT_PAGE_SIZE = 50;

export function isAuditAction(value: string | undefined): value is AuditAction {
  return Boolean(value && value in AUDIT_ACTIONS);
}

/**
 * Security events, newest first. `user` is an e-mail: events where that user acted or was acted upon
 * (by id while the user exists, by the label kept on the event once they are deleted).
 */
export async function listAuditEvents(db: PrismaClient, query: { action?: AuditAction; user?: string; page: number }) {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (query.action) and.push({ action: query.action });
  const email = query.user?.trim().toLowerCase();
  if (email) {
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    and.push(user ? { OR: [{ actorId: user.id }, { subjectId: user.id }] } : { OR: [{ actorLabel: email }, { subjectLabel: email }] });
  }
  const where = and.length ? { AND: and } : {};
  const [total, events] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
    }),
  ]);
  return { total, events, pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)) };
}

export function recentAuditEvents(db: PrismaClient, take = 10) {
  return db.auditEvent.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}
