"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";
import { prisma } from "@/lib/db";
import { setFlash } from "@/lib/flash";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { secondFactorState } from "@/lib/auth/throttles";
import { currentPendingSignIn } from "@/lib/auth/pending-sign-in";
import { callbackUrlSchema, formFields } from "@/lib/validation/user";
import { anyone, formAction } from "@/lib/forms/form-action";
import { secondFactorCodeSchema, WRONG_CODE } from "@/lib/validation/second-factor";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/service-unavailable";
import type { FormState } from "@/components/forms/form-state";

export type VerifyFields = "code";

const START_AGAIN = "Your sign-in timed out or was already finished. Sign in again.";

/**
 * The second step of a sign-in: Auth.js's "totp" provider (auth.ts) finds the user from this browser's
 * pending cookie, checks the code (throttled per account) and starts the session.
 */
export async function verifySecondFactorAction(_prev: FormState<VerifyFields>, formData: FormData): Promise<FormState<VerifyFields>> {
  const returnTo = safeRedirectPath(callbackUrlSchema.parse(formFields(formData, ["callbackUrl"]).callbackUrl));
  return formAction(formData, {
    guard: anyone, // this browser's pending cookie is the authority, checked by the provider
    schema: secondFactorCodeSchema,
    echo: {}, // a code is never echoed back: the field starts empty again
    where: "verify-second-factor",
    run: async (_, data) => {
      await signIn("totp", { code: data.code, redirectTo: returnTo });
    },
    refusal: async (error) => {
      if (error instanceof CredentialsSignin && error.code === "no_pending") {
        await setFlash(START_AGAIN);
        redirect(`/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`);
      }
      if (error instanceof CredentialsSignin && error.code === "throttled") {
        const pending = await currentPendingSignIn(prisma);
        const state = pending ? await secondFactorState(prisma, pending.user.id) : null;
        return { form: tooManyAttemptsMessage(state?.limited ? state.retryAfterSeconds : 15 * 60) };
      }
      if (error instanceof CredentialsSignin && error.code === "unavailable") return { form: SERVICE_UNAVAILABLE_MESSAGE };
      if (error instanceof AuthError) return { code: WRONG_CODE };
      return undefined;
    },
  });
}
