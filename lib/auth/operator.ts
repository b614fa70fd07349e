import "server-only";
import type { Actor } from "@/lib/audit/service";
import type { UserAccess } from "@/lib/users/access";

/**
 * Who is asking a service to change something, what they may grant, and from where. The console passes
 * the signed-in user; the command line passes CLI_OPERATOR, a superuser whose audit actor is "cli".
 */
export interface Operator {
  actor: Actor;
  /** "all" for the command line: the server's owner. */
  permissions: readonly string[] | "all";
  ip: string | null;
}

export const CLI_OPERATOR: Operator = { actor: "cli", permissions: "all", ip: null };

export function userOperator(user: UserAccess, ip: string | null): Operator {
  return { actor: { id: user.id, email: user.email }, permissions: user.permissions, ip };
}

/** The permissions in `wanted` that the operator does not hold (and so may not grant). */
export function notHeld(operator: Operator, wanted: readonly string[]): string[] {
  const held = operator.permissions;
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
