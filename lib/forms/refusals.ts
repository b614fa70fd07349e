import "server-only";
import { CurrentPasswordThrottledError } from "@/lib/account/service";
import { SecondFactorThrottledError } from "@/lib/auth/second-factor";
import { tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { PasswordRefusedError } from "@/lib/validation/password";
import type { FormErrors } from "./form-action";

// The account services' typed refusals as form messages, for formAction's `refusal`.

/** The new password failed the policy the service checks again (lib/validation/password.ts). */
export function newPasswordRefusal(error: unknown): FormErrors | undefined {
  return error instanceof PasswordRefusedError ? { newPassword: error.reason } : undefined;
}

/** Too many wrong current passwords (or second-factor codes) for this account: the form says when to try again. */
export function currentPasswordRefusal(error: unknown): FormErrors | undefined {
  return error instanceof CurrentPasswordThrottledError || error instanceof SecondFactorThrottledError
    ? { form: tooManyAttemptsMessage(error.retryAfterSeconds) }
    : undefined;
}
