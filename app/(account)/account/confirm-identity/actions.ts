"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth/guards";
import { requestIp } from "@/lib/auth/request-ip";
import { confirmIdentityPath, reauthenticate } from "@/lib/auth/freshness";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { CurrentPasswordThrottledError } from "@/lib/account/service";
import { callbackUrlSchema, currentPasswordSchema, firstFieldErrors, formFields } from "@/lib/validation/user";
import type { FormState } from "@/components/forms/form-state";

export type ConfirmIdentityFields = "currentPassword";

const schema = z.object({ currentPassword: currentPasswordSchema });

/** The password again: this session counts as freshly authenticated, and the visitor continues to `next`. */
export async function confirmIdentityAction(_prev: FormState<ConfirmIdentityFields>, formData: FormData): Promise<FormState<ConfirmIdentityFields>> {
  const raw = formFields(formData, ["currentPassword", "next"]);
  const next = safeRedirectPath(callbackUrlSchema.parse(raw.next), "/account/security");
  // Reachable before enrolment: a holder of a permission that requires a second factor may need it to enrol.
  const user = await requireUser(confirmIdentityPath(next), { allowWithoutSecondFactor: true });
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { values: {}, errors: firstFieldErrors(parsed.error) };
  let ok;
  try {
    ok = await reauthenticate(prisma, user, parsed.data.currentPassword, await requestIp());
  } catch (error) {
    if (error instanceof CurrentPasswordThrottledError) return { values: {}, errors: { form: tooManyAttemptsMessage(error.retryAfterSeconds) } };
    throw error;
  }
  if (!ok) return { values: {}, errors: { currentPassword: "That is not your password" } };
  redirect(next);
}
