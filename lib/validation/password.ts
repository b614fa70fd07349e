import "server-only";
import { isCommonPassword, isRepetitiveOrSequential } from "@/lib/auth/common-passwords";
import { normalizePassword, passwordLength } from "@/lib/auth/password-rules";
import { PASSWORD_MAX_LENGTH } from "./limits";

/**
 * The password policy, the one place it is written: the forms' schemas, the services that set a
 * password, start-up's ADMIN_PASSWORD and the CLI all ask it. NIST SP 800-63B-4: length is the rule
 * (counted in characters after NFKC), no composition rules, never truncated (bcrypt's 72-byte limit is
 * handled by the pre-hash in lib/auth/password.ts); a blocklist of common passwords and guessable
 * patterns; and, when the account's e-mail is known, not its local part ("ann.smith" for
 * ann.smith@example.org is among the first guesses against that account; local parts under 3
 * characters are too common to refuse). Returns the message to show next to the field, or null.
 */
export function passwordProblem(password: string, policy: { minLength: number; email?: string }): string | null {
  const value = normalizePassword(password);
  const length = passwordLength(value);
  if (length === 0) return "Enter a password";
  if (length < policy.minLength) return `Use at least ${policy.minLength} characters (you have ${length})`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  if (isCommonPassword(value)) return "This password is one of the most common ones: choose another";
  if (isRepetitiveOrSequential(value)) return "This password is a repeated or sequential pattern, easy to guess: choose another";
  const local = policy.email?.split("@")[0]?.toLowerCase() ?? "";
  if (local.length >= 3 && value.toLowerCase().includes(local)) return "Your password must not contain your e-mail address";
  return null;
}

/** A service refused a new password (passwordProblem's message, for the password field). */
export class PasswordRefusedError extends Error {
  constructor(readonly reason: string) {
    super(`password refused: ${reason}`);
  }
}

/** For the services: throws PasswordRefusedError unless the policy accepts the password. */
export function assertPasswordAllowed(password: string, policy: { minLength: number; email?: string }): void {
  const problem = passwordProblem(password, policy);
  if (problem) throw new PasswordRefusedError(problem);
}
