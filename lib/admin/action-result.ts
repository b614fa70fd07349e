import "server-only";
import { redirect } from "next/navigation";
import { setFlash } from "@/lib/flash";
import { RuleError } from "@/lib/auth/operator";
import type { FormState } from "@/components/forms/form-state";

/**
 * The end of every admin server action: run the change; a rule's refusal goes back to the form, next
 * to its field (RuleError.field) or the button; success leaves a flash message and redirects (so a reload does not post again).
 */
export async function finishAdminChange<K extends string>(
  change: () => Promise<unknown>,
  success: { flash: string; redirectTo: string },
  values: FormState<K>["values"] = {},
): Promise<FormState<K>> {
  try {
    await change();
  } catch (error) {
    if (error instanceof RuleError) return { values, errors: { [error.field ?? "form"]: error.message } as FormState<K>["errors"] };
    throw error;
  }
  await setFlash(success.flash);
  redirect(success.redirectTo);
}
