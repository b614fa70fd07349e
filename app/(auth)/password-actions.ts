"use server";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { signInWithNewPassword } from "@/lib/auth/sign-in-again";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { setFlash } from "@/lib/flash";
import { requestIp } from "@/lib/auth/request-ip";
import { requireUser } from "@/lib/auth/guards";
import { requestPasswordReset, resetPassword, sendEmailConfirmation } from "@/lib/account/service";
import { attemptByIp } from "@/lib/auth/throttles";
import { tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { forgotPasswordSchema, resetPasswordSchema } from "@/lib/validation/account";
import { firstFieldErrors, formFields } from "@/lib/validation/user";
import { PasswordRefusedError } from "@/lib/validation/password";
import type { FormState } from "@/components/forms/form-state";
import { DATABASE_UNAVAILABLE, orUnavailable } from "@/lib/db/fallback";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/service-unavailable";

// The signed-out flows (forgot and reset password) and the confirmation resend.

export type ForgotFields = "email";
export type ResetFields = "newPassword" | "confirmPassword";

export async function forgotPasswordAction(_prev: FormState<ForgotFields>, formData: FormData): Promise<FormState<ForgotFields>> {
  const raw = formFields(formData, ["email"]);
  const values = { email: raw.email?.slice(0, 320) ?? "" };
  const parsed = forgotPasswordSchema.safeParse(raw);
  if (!parsed.success) return { values, errors: firstFieldErrors(parsed.error) };
  const ip = await requestIp();
  const throttle = await orUnavailable("forgot-password", () => attemptByIp(prisma, "forgot-password", ip));
  if (throttle === DATABASE_UNAVAILABLE) return { values, errors: { form: SERVICE_UNAVAILABLE_MESSAGE } };
  if (throttle.limited) return { values, errors: { form: tooManyAttemptsMessage(throttle.retryAfterSeconds) } };
  // After the answer, so known and unknown addresses take the same time to answer.
  after(() => requestPasswordReset(prisma, parsed.data.email, ip));
  redirect("/forgot-password/sent");
}

export async function resetPasswordAction(_prev: FormState<ResetFields>, formData: FormData): Promise<FormState<ResetFields>> {
  const raw = formFields(formData, ["token", "newPassword", "confirmPassword"]);
  const parsed = resetPasswordSchema(env().PASSWORD_MIN_LENGTH).safeParse(raw);
  if (!parsed.success) {
    const errors = firstFieldErrors<ResetFields | "token">(parsed.error);
    if (errors.token) redirect("/link-invalid?kind=reset");
    return { values: {}, errors };
  }
  let user;
  try {
    user = await orUnavailable("reset-password", async () => resetPassword(prisma, parsed.data.token, parsed.data.newPassword, await requestIp()));
  } catch (error) {
    if (error instanceof PasswordRefusedError) return { values: {}, errors: { newPassword: error.reason } };
    throw error;
  }
  if (user === DATABASE_UNAVAILABLE) return { values: {}, errors: { form: SERVICE_UNAVAILABLE_MESSAGE } };
  if (!user) redirect("/link-invalid?kind=reset");
  await setFlash("Your password has been changed and you are signed in.");
  return signInWithNewPassword(user.email, parsed.data.newPassword, "/account");
}

export type ResendState = { message?: string; error?: string };

export async function resendConfirmationAction(): Promise<ResendState> {
  const user = await requireUser("/confirm-email", { allowUnconfirmed: true });
  if (user.emailVerified) redirect("/account");
  const wait = await orUnavailable("resend-confirmation", async () => {
    const throttle = await attemptByIp(prisma, "resend-confirmation", await requestIp());
    return throttle.limited ? throttle : sendEmailConfirmation(prisma, user);
  });
  if (wait === DATABASE_UNAVAILABLE) return { error: SERVICE_UNAVAILABLE_MESSAGE };
  if (typeof wait === "object") return { error: tooManyAttemptsMessage(wait.retryAfterSeconds) };
  if (wait > 0) return { error: `We sent a link less than a minute ago. You can ask again in ${wait} seconds.` };
  return { message: `We sent a new link to ${user.email}.` };
}
