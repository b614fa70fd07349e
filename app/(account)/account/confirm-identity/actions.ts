"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth/guards";
import { requestIp } from "@/lib/auth/request-ip";
import { reauthenticate } from "@/lib/auth/freshness";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { callbackUrlSchema, currentPasswordSchema, formFields } from "@/lib/validation/user";
import type { FormState } from "@/components/forms/form-state";
import { formAction } from "@/lib/forms/form-action";
import { currentPasswordRefusal } from "@/lib/forms/refusals";

export type ConfirmIdentityFields = "currentPassword";

const schema = z.object({ currentPassword: currentPasswordSchema });

/** The password again: this session counts as freshly authenticated, and the visitor continues to `returnTo` (the form's `next`, as in the page's URL). */
export async function confirmIdentityAction(_prev: FormState<ConfirmIdentityFields>, formData: FormData): Promise<FormState<ConfirmIdentityFields>> {
  const returnTo = safeRedirectPath(callbackUrlSchema.parse(formFields(formData, ["next"]).next), "/account/security");
  return formAction(formData, {
    // Reachable before enrolment: a holder of a permission that requires a second factor may need it to enrol.
    guard: () => requireUser({ allowWithoutSecondFactor: true }),
    schema,
    echo: {}, // a password is never sent back
    where: "confirm-identity",
    run: async (user, data) => {
      if (!(await reauthenticate(prisma, user, data.currentPassword, await requestIp()))) return { errors: { currentPassword: "That is not your password" } };
      redirect(returnTo);
    },
    refusal: currentPasswordRefusal,
  });
}
