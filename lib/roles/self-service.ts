import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SELF_SERVICE_ROLES } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit/service";
import { RuleError } from "@/lib/auth/actor";

/** The self-chosen roles as the database has them: found by key (Role.key), never by display name. */
const SELF_SERVICE_WHERE = { key: { in: [...SELF_SERVICE_ROLES] } };

/**
 * A user picks their own festival roles (/account). Only the self-chosen roles (by key), whatever the
 * form sends; other roles they hold (admin, organizer, custom) are left alone. No session ends: these
 * roles grant no permission (lib/roles/service.ts refuses ticking one on them), and it is the user's
 * own choice. A role that somehow grants a permission anyway (a hand edit of the database) is refused:
 * choosing a role must never raise anyone's access. One audit event per role granted or dropped.
 */
export async function setFestivalRoles(
  db: PrismaClient,
  user: { id: string; email: string },
  wanted: readonly string[],
  ip: string | null,
): Promise<{ granted: string[]; revoked: string[] }> {
  const target = new Set(wanted);
  return db.$transaction(async (tx) => {
    const choosable = await tx.role.findMany({
      where: SELF_SERVICE_WHERE,
      select: { id: true, name: true, _count: { select: { permissions: true } } },
    });
    const byName = new Map(choosable.map((r) => [r.name, r]));
    const refused = [...target].find((name) => !byName.has(name));
    if (refused !== undefined) throw new RuleError(`You cannot choose the role "${refused}" yourself`);
    const held = await tx.userRole.findMany({ where: { userId: user.id, role: SELF_SERVICE_WHERE }, select: { role: { select: { name: true } } } });
    const current = new Set(held.map((h) => h.role.name));
    const granted = [...target].filter((r) => !current.has(r));
    const revoked = [...current].filter((r) => !target.has(r));
    for (const name of granted) {
      const role = byName.get(name)!;
      // Read in this transaction, so a permission ticked meanwhile cannot slip through.
      if (role._count.permissions > 0) throw new RuleError(`The role "${name}" grants permissions, so it cannot be chosen here`);
      await tx.userRole.upsert({ where: { userId_roleId: { userId: user.id, roleId: role.id } }, create: { userId: user.id, roleId: role.id }, update: {} });
      await recordAudit(tx, { action: "role.granted", actor: user, subject: { id: user.id, label: user.email }, ip, details: { role: name, selfService: true } });
    }
    for (const name of revoked) {
      await tx.userRole.deleteMany({ where: { userId: user.id, roleId: byName.get(name)!.id } });
      await recordAudit(tx, { action: "role.revoked", actor: user, subject: { id: user.id, label: user.email }, ip, details: { role: name, selfService: true } });
    }
    return { granted, revoked };
  });
}
