import "server-only";
import type { z } from "zod";
import { requireAdmin } from "@/lib/admin/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { RuleError, userOperator, type Operator } from "@/lib/auth/operator";
import { redirect } from "next/navigation";
import { setFlash } from "@/lib/flash";
import { firstFieldErrors } from "@/lib/validation/user";
import type { FormState } from "@/components/forms/form-state";
import { FieldRuleError } from "./organizer";

// One shape for every organizer action on the festival: the guard first (festival.manage, else 403,
// before the form is even read), then the form's zod schema, then the service; a rule's refusal goes
// next to its field (or above the button), success leaves a flash message and redirects. (The services
// bump the syllabus version themselves, so /syllabus shows the change on the next request.)

export async function festivalOperator(from: string): Promise<Operator> {
  const me = await requireAdmin("festival.manage", from);
  return userOperator(me, await requestIp());
}

/** The posted strings of `keys`, bounded, to put back in the form after a refusal. */
export function postedValues<K extends string>(formData: FormData, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const v = formData.get(key);
    if (typeof v === "string") out[key] = v.slice(0, 4000);
  }
  return out;
}

export async function festivalChange<S extends z.ZodType, K extends string>(options: {
  from: string;
  formData: FormData;
  keys: readonly K[];
  schema: S;
  change: (op: Operator, data: z.output<S>) => Promise<unknown>;
  success: (data: z.output<S>) => { flash: string; redirectTo: string };
}): Promise<FormState<K>> {
  const op = await festivalOperator(options.from);
  const values = postedValues(options.formData, options.keys);
  const parsed = options.schema.safeParse(values);
  if (!parsed.success) return { values, errors: firstFieldErrors(parsed.error) };
  return festivalFinish(values, () => options.change(op, parsed.data), () => options.success(parsed.data));
}

/** Runs a change already authorized; a field's refusal beside its field, others above the button. */
export async function festivalFinish<K extends string>(
  values: Partial<Record<K, string>>,
  change: () => Promise<unknown>,
  success: () => { flash: string; redirectTo: string },
): Promise<FormState<K>> {
  try {
    await change();
  } catch (error) {
    if (error instanceof FieldRuleError) return { values, errors: { [error.field]: error.message } as FormState<K>["errors"] };
    if (error instanceof RuleError) return { values, errors: { form: error.message } as FormState<K>["errors"] };
    throw error;
  }
  const { flash, redirectTo } = success();
  await setFlash(flash);
  redirect(redirectTo);
}
