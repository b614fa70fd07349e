"use server";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { secondFactorPath } from "@/lib/auth/sign-in-errors";
import { prisma } from "@/lib/db";
import { requestIp } from "@/lib/auth/request-ip";
import { attemptByIp } from "@/lib/auth/throttles";
import { tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { requestSignInLink } from "@/lib/auth/sign-in-link";
import { forgotPasswordSchema as signInLinkSchema } from "@/lib/validation/account";
import { firstFieldErrors, formFields } from "@/lib/validation/user";
import type { FormState } from "@/components/forms/form-state";
import { DATABASE_UNAVAILABLE, orUnavailable } from "@/lib/db/fallback";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/service-unavailable";

export type SignInLinkFields = "email";

/** "E-mail me a sign-in link": the same answer, after the same work, for every address. */
export async function requestSignInLinkAction(_prev: FormState<SignInLinkFields>, formData: FormData): Promise<FormState<SignInLinkFields>> {
  const raw = formFields(formData, ["email"]);
  const values = { email: raw.email?.slice(0, 320) ?? "" };
  const parsed = signInLinkSchema.safeParse(raw);
  if (!parsed.success) return { values, errors: firstFieldErrors(parsed.error) };
  const ip = await requestIp();
  const throttle = await orUnavailable("sign-in-link", () => attemptByIp(prisma, "sign-in-link", ip));
  if (throttle === DATABASE_UNAVAILABLE) return { values, errors: { form: SERVICE_UNAVAILABLE_MESSAGE } };
  if (throttle.limited) return { values, errors: { form: tooManyAttemptsMessage(throttle.retryAfterSeconds) } };
  // After the answer, so known and unknown addresses take the same time to answer.
  after(() => requestSignInLink(prisma, parsed.data.email, ip));
  redirect("/sign-in-link/sent");
}

/** The button on the mailed link's page: the "email-link" Auth.js provider uses the token once. */
export async function signInWithLinkAction(formData: FormData): Promise<void> {
  const { token = "" } = formFields(formData, ["token"]);
  try {
    await signIn("email-link", { token: token.slice(0, 64), redirectTo: "/account" });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "unavailable") redirect("/service-unavailable");
    // The link was the first factor; the account has a second: its code next, in this browser.
    if (error instanceof CredentialsSignin && error.code === "second_factor") redirect(secondFactorPath("/account"));
    if (error instanceof AuthError) redirect("/link-invalid?kind=sign-in");
    throw error;
  }
  redirect("/link-invalid?kind=sign-in");
}
