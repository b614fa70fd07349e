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
import { callbackUrlSchema, firstFieldErrors, formFields } from "@/lib/validation/user";
import { secondFactorCodeSchema } from "@/lib/validation/second-factor";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/service-unavailable";
import type { FormState } from "@/components/forms/form-state";

export type VerifyFields = "code";

const WRONG_CODE = "That code is not right, or it was already used";
const START_AGAIN = "Your sign-in timed out or was already finished. Sign in again.";

/**
 * The second step of a sign-in: Auth.js's "totp" provider (auth.ts) finds the user from this browser's
 * pending cookie, checks the code (throttled per account) and starts the session.
 */
export async function verifySecondFactorAction(_prev: FormState<VerifyFields>, formData: FormData): Promise<FormState<VerifyFields>> {
  const raw = formFields(formData, ["code", "callbackUrl"]);
  const callbackUrl = safeRedirectPath(callbackUrlSchema.parse(raw.callbackUrl));
  const parsed = secondFactorCodeSchema.safeParse(raw);
  // A code is never echoed back: the field starts empty again.
  if (!parsed.success) return { values: {}, errors: firstFieldErrors(parsed.error) };
  try {
    await signIn("totp", { code: parsed.data.code, redirectTo: callbackUrl });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "no_pending") {
      await setFlash(START_AGAIN);
      redirect(`/sign-in?${new URLSearchParams({ callbackUrl })}`);
    }
    if (error instanceof CredentialsSignin && error.code === "throttled") {
      const pending = await currentPendingSignIn(prisma);
      const state = pending ? await secondFactorState(prisma, pending.user.id) : null;
      return { values: {}, errors: { form: tooManyAttemptsMessage(state?.limited ? state.retryAfterSeconds : 15 * 60) } };
    }
    if (error instanceof CredentialsSignin && error.code === "unavailable") return { values: {}, errors: { form: SERVICE_UNAVAILABLE_MESSAGE } };
    if (error instanceof AuthError) return { values: {}, errors: { code: WRONG_CODE } };
    throw error;
  }
  return { values: {}, errors: {} };
}
