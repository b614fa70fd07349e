"use server";
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
import { resetPasswordSchema } from "@/lib/validation/account";
import type { FormState } from "@/components/forms/form-state";
import { anyone, formAction } from "@/lib/forms/form-action";
import { newPasswordRefusal } from "@/lib/forms/refusals";
import { mailLinkForm } from "@/lib/forms/mail-link-form";
import { DATABASE_UNAVAILABLE, orUnavailable } from "@/lib/db/fallback";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/service-unavailable";

// The signed-out flows (forgot and reset password) and the confirmation resend.

export type ForgotFields = "email";
export type ResetFields = "newPassword" | "confirmPassword";

export async function forgotPasswordAction(_prev: FormState<ForgotFields>, formData: FormData): Promise<FormState<ForgotFields>> {
  return mailLinkForm(formData, "forgot-password", (email, ip) => requestPasswordReset(prisma, email, ip), "/forgot-password/sent");
}

export async function resetPasswordAction(_prev: FormState<ResetFields>, formData: FormData): Promise<FormState<ResetFields>> {
  return formAction(formData, {
    guard: anyone, // the mailed token is the authority
    schema: resetPasswordSchema(env().PASSWORD_MIN_LENGTH),
    echo: {}, // passwords are never sent back
    where: "reset-password",
    invalid: (errors) => {
      if (errors.token) redirect("/link-invalid?kind=reset");
    },
    run: async (_, data) => {
      const user = await resetPassword(prisma, data.token, data.newPassword, await requestIp());
      if (!user) redirect("/link-invalid?kind=reset");
      await setFlash("Your password has been changed and you are signed in.");
      return signInWithNewPassword(user.email, data.newPassword, "/account");
    },
    refusal: newPasswordRefusal,
  });
}

export type ResendState = { message?: string; error?: string };

export async function resendConfirmationAction(): Promise<ResendState> {
  const user = await requireUser({ allowUnconfirmed: true });
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
