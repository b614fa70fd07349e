import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isSelfServiceRole, SELF_SERVICE_ROLES } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { RuleError } from "@/lib/auth/operator";

/**
 * A user picks their own festival roles (/account). Only SELF_SERVICE_ROLES, whatever the form sends;
 * other roles they hold (admin, organizer, custom) are left alone. No session ends: these roles grant
 * no permission, and it is the user's own choice. One audit event per role granted or dropped.
 */
export async function setFestivalRoles(
  db: PrismaClient,
  user: { id: string; email: string },
  wanted: readonly string[],
  ip: string | null,
): Promise<{ granted: string[]; revoked: string[] }> {
  const refused = wanted.filter((r) => !isSelfServiceRole(r));
  if (refused.length) throw new RuleError(`You cannot choose the role "${refused[0]}" yourself`);
  const target = new Set(wanted);
  return db.$transaction(async (tx) => {
    const held = await tx.userRole.findMany({ where: { userId: user.id, role: { name: { in: [...SELF_SERVICE_ROLES] } } }, select: { role: { select: { name: true } } } });
    const current = new Set(held.map((h) => h.role.name));
    const granted = [...target].filter((r) => !current.has(r));
    const revoked = [...current].filter((r) => !target.has(r));
    for (const name of granted) {
      const role = await tx.role.findUniqueOrThrow({ where: { name }, select: { id: true } });
      await tx.userRole.upsert({ where: { userId_roleId: { userId: user.id, roleId: role.id } }, create: { userId: user.id, roleId: role.id }, update: {} });
      await recordAudit(tx, { action: "role.granted", actor: user, subject: { id: user.id, label: user.email }, ip, details: { role: name, selfService: true } });
    }
    for (const name of revoked) {
      await tx.userRole.deleteMany({ where: { userId: user.id, role: { name } } });
      await recordAudit(tx, { action: "role.revoked", actor: user, subject: { id: user.id, label: user.email }, ip, details: { role: name, selfService: true } });
    }
    return { granted, revoked };
  });
}
