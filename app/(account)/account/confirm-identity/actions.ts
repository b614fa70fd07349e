"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { requireUser } from "@/lib/auth/guards";
import { requestIp } from "@/lib/auth/request-ip";
import { reauthenticate, type ReauthRefusal } from "@/lib/auth/freshness";
import { parseTypedCode } from "@/lib/auth/second-factor-rules";
import { MALFORMED_CODE, secondFactorCodeSchema, WRONG_CODE } from "@/lib/validation/second-factor";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { callbackUrlSchema, currentPasswordSchema, formFields } from "@/lib/validation/user";
import type { FormState } from "@/components/forms/form-state";
import { formAction } from "@/lib/forms/form-action";
import { currentPasswordRefusal } from "@/lib/forms/refusals";

export type ConfirmIdentityFields = "currentPassword" | "code";

// The code is asked only of a user with an authenticator app (the page shows the field then); a code that
// is not one in form is a message next to the field, never a counted attempt.
const schema = z.object({ currentPassword: currentPasswordSchema, code: secondFactorCodeSchema.shape.code.optional() });

const REFUSALS: Record<ReauthRefusal, Partial<Record<ConfirmIdentityFields, string>>> = {
  "wrong-password": { currentPassword: "That is not your password" },
  "code-required": { code: MALFORMED_CODE },
  "wrong-code": { code: WRONG_CODE },
};

/** The password again (and a code, with an authenticator app): this session counts as freshly authenticated, and the visitor continues to `returnTo` (the form's `next`, as in the page's URL). */
export async function confirmIdentityAction(_prev: FormState<ConfirmIdentityFields>, formData: FormData): Promise<FormState<ConfirmIdentityFields>> {
  const returnTo = safeRedirectPath(callbackUrlSchema.parse(formFields(formData, ["next"]).next), "/account/security");
  return formAction(formData, {
    // Reachable before enrolment: a holder of a permission that requires a second factor may need it to enrol.
    guard: () => requireUser({ allowWithoutSecondFactor: true }),
    schema,
    echo: {}, // a password or a code is never sent back
    where: "confirm-identity",
    run: async (user, data) => {
      const refused = await reauthenticate(prisma, user, { password: data.currentPassword, code: parseTypedCode(data.code) }, await requestIp());
      if (refused) return { errors: REFUSALS[refused] };
      redirect(returnTo);
    },
    refusal: currentPasswordRefusal,
  });
}
