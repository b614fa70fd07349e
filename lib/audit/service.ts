import "server-only";
import type { Db } from "@/lib/db/types";
import type { AuditAction } from "./actions";

/** Who acted: a signed-in user, the command line, the system itself, or an anonymous visitor. */
export type AuditActor = { id: string; email: string } | "cli" | "system" | "anonymous";

export interface AuditInput {
  action: AuditAction;
  actor: AuditActor;
  subject?: { id?: string | null; label?: string | null } | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}


/** Writes one audit event. Pass a transaction client to make it part of the change it records. */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  const actor = input.actor;
  await db.auditEvent.create({
    data: {
      action: input.action,
      actorId: typeof actor === "object" ? actor.id : null,
      actorLabel: typeof actor === "object" ? actor.email : actor,
      subjectId: input.subject?.id ?? null,
      subjectLabel: input.subject?.label ?? null,
      ip: input.ip ?? null,
      details: input.details ? JSON.stringify(input.details) : null,
    },
  });
}
