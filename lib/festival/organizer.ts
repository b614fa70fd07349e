import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUniqueViolation } from "@/lib/db/types";
import { notHeld, RuleError, type Actor } from "@/lib/auth/actor";

// What every organizer service shares: who may change the festival, and the unique-index refusal.

export type Tx = Prisma.TransactionClient;

/** The services check again what the actions already checked: the CLI, imports and tests call them too. */
export function assertManager(actor: Actor): void {
  if (notHeld(actor, ["festival.manage"]).length) throw new RuleError("You may not change the festival (festival.manage)");
}

/** Runs `change`; a unique-index violation becomes a RuleError with `message` (safe to show). */
export async function refusingDuplicates<T>(change: () => Promise<T>, message: string): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleError(message, "invalid");
    throw error;
  }
}

/** A refusal that belongs next to one field of the form ("Class 2101A already exists" by the number). */
export class FieldRuleError extends RuleError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message, "invalid");
  }
}
