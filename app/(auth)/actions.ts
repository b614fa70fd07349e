"use server";
import { secondFactorPath } from "@/lib/auth/sign-in-errors";
import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { signIn, signOut } from "@/auth";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { setFlash } from "@/lib/flash";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { EmailTakenError, registerUser, tellOwnerOfSignUpAttempt } from "@/lib/users/service";
import { requestIp } from "@/lib/auth/request-ip";
import { attemptByIp, signInState } from "@/lib/auth/throttles";
import { tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { sendEmailConfirmation } from "@/lib/account/service";
import { signInSchema, signUpSchema } from "@/lib/validation/user";
import { EMAIL_MAX_LENGTH } from "@/lib/validation/limits";
import type { FormState } from "@/components/forms/form-state";
import { anyone, formAction } from "@/lib/forms/form-action";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/service-unavailable";

export type SignInFields = "email" | "password";
export type SignUpFields = "email" | "password" | "confirmPassword";

const INVALID_CREDENTIALS = "Invalid e-mail or password";

/** Signs in through Auth.js; on success Auth.js redirects (a thrown NEXT_REDIRECT, passed through). */
async function signInWithCredentials(email: string, password: string, returnTo: string | undefined) {
  await signIn("credentials", { email, password, redirectTo: safeRedirectPath(returnTo) });
}

export async function signInAction(_prev: FormState<SignInFields>, formData: FormData): Promise<FormState<SignInFields>> {
  return formAction(formData, {
    guard: anyone,
    schema: signInSchema,
    echo: { email: EMAIL_MAX_LENGTH },
    where: "sign-in",
    run: async (_, data) => {
      await signInWithCredentials(data.email, data.password, data.callbackUrl);
    },
    refusal: async (error, data) => {
      if (!(error instanceof AuthError)) return undefined;
      // The password was right; no session yet: the second step, in this browser only (its pending cookie).
      if (error instanceof CredentialsSignin && error.code === "second_factor") {
        redirect(secondFactorPath(safeRedirectPath(data.callbackUrl)));
      }
      if (error instanceof CredentialsSignin && error.code === "throttled") {
        const state = await signInState(prisma, data.email, await requestIp());
        return { form: tooManyAttemptsMessage(state.limited ? state.retryAfterSeconds : 60) };
      }
      if (error instanceof CredentialsSignin && error.code === "unavailable") return { form: SERVICE_UNAVAILABLE_MESSAGE };
      return { form: INVALID_CREDENTIALS };
    },
  });
}

export async function signUpAction(_prev: FormState<SignUpFields>, formData: FormData): Promise<FormState<SignUpFields>> {
  return formAction(formData, {
    guard: anyone,
    schema: signUpSchema(env().PASSWORD_MIN_LENGTH),
    echo: { email: EMAIL_MAX_LENGTH },
    where: "sign-up",
    run: async (_, data) => {
      const ip = await requestIp();
      const throttle = await attemptByIp(prisma, "sign-up", ip);
      if (throttle.limited) return { errors: { form: tooManyAttemptsMessage(throttle.retryAfterSeconds) } };
      const confirming = env().REQUIRE_EMAIL_CONFIRMATION;
      try {
        const user = await registerUser(prisma, { email: data.email, password: data.password, ip });
        if (confirming) await sendEmailConfirmation(prisma, user);
      } catch (error) {
        if (!(error instanceof EmailTakenError)) throw error;
        // With confirmation on, a taken address gets the answer a new one gets (its owner is told by
        // mail instead). Without it a new account is signed in at once, which cannot be hidden: the
        // message stays, and the sign-up throttle bounds how many addresses can be tried.
        if (!confirming) return { errors: { email: error.message } };
        await tellOwnerOfSignUpAttempt(prisma, data.email, ip);
      }
      // Not signed in: the same page whether the address was new or taken.
      if (confirming) redirect("/sign-up/check-inbox");
      try {
        await signInWithCredentials(data.email, data.password, data.callbackUrl);
      } catch (error) {
        // The account exists; if signing in fails for a passing reason, let them sign in by hand.
        if (error instanceof AuthError) redirect("/sign-in");
        throw error;
      }
    },
  });
}

export async function signOutAction(): Promise<void> {
  await setFlash("You have been signed out.");
  await signOut({ redirectTo: "/" });
}
