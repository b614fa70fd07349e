import "server-only";
import type { AuditActor } from "@/lib/audit/service";
import type { UserAccess } from "@/lib/users/access";

/**
 * The acting person: who is asking a service to change something, what they may grant, and from where.
 * The console passes the signed-in user; the command line passes CLI_ACTOR, a superuser whose audit
 * events name "cli".
 */
export interface Actor {
  /** How the audit log names them. */
  audit: AuditActor;
  /** "all" for the command line: the server's owner. */
  permissions: readonly string[] | "all";
  ip: string | null;
}

/** A person acting on their own account (self-service, or by a mailed link): who they are, as the audit log names them. */
export type SelfActor = { id: string; email: string };

export const CLI_ACTOR: Actor = { audit: "cli", permissions: "all", ip: null };

export function userActor(user: UserAccess, ip: string | null): Actor {
  return { audit: { id: user.id, email: user.email }, permissions: user.permissions, ip };
}

/** The permissions in `wanted` that the actor does not hold (and so may not grant). */
export function notHeld(actor: Actor, wanted: readonly string[]): string[] {
  const held = actor.permissions;
  return held === "all" ? [] : wanted.filter((p) => !held.includes(p));
}

/** A rule said no, or the thing does not exist: the message is safe to show as it is. */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly kind: "rule" | "not_found" | "invalid" = "rule",
    /** The form field the message belongs next to (the form as a whole when absent). */
    readonly field?: string,
  ) {
    super(message);
  }
}
