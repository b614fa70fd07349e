// Pure rules of the second factor: what a typed code is, what a recovery code looks like, how long a
// pending sign-in lives. No database, no clock, no Node modules: the forms import it too
// (tests/unit/second-factor-rules.test.ts).

/** Ten codes, as GitHub and Google give: enough to last, few enough to print. */
export const RECOVERY_CODE_COUNT = 10;
/** The second step must follow the password within this time (the pending cookie lives as long). */
export const PENDING_SIGN_IN_SECONDS = 5 * 60;
/** Authenticator apps' standard: 30 s steps, 6 digits; a code of the step before or after is accepted too. */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_TOLERANCE_STEPS = 1;

// Crockford-like alphabet without 0/1/i/l/o/u: nothing to misread when typed from paper.
export const RECOVERY_ALPHABET = "abcdefghjkmnpqrstvwxyz23456789";
export const RECOVERY_LENGTH = 10;

export type TypedCode = { kind: "totp"; code: string } | { kind: "recovery"; code: string };

/**
 * What the person typed into the one code field: six digits (spaces allowed, as apps show "123 456"),
 * or a recovery code ("abcde-fghjk", any case, with or without the dash). Anything else is malformed,
 * refused before any attempt is counted (it cannot match).
 */
export function parseTypedCode(input: unknown): TypedCode | null {
  if (typeof input !== "string" || input.length > 40) return null;
  const compact = input.replace(/[\s-]/g, "").toLowerCase();
  if (/^\d{6}$/.test(compact)) return { kind: "totp", code: compact };
  if (compact.length === RECOVERY_LENGTH && [...compact].every((c) => RECOVERY_ALPHABET.includes(c))) return { kind: "recovery", code: compact };
  return null;
}

/** The text file offered for download after enrolment and regeneration. */
export function recoveryCodesFile(codes: readonly string[], email: string): string {
  return [
    "Music Festival Organizer: recovery codes",
    `Account: ${email}`,
    "",
    "Each code signs you in once when you cannot use your authenticator app.",
    "Keep them somewhere safe, apart from your password.",
    "",
    ...codes,
    "",
  ].join("\n");
}

export function pendingExpiry(now: Date): Date {
  return new Date(now.getTime() + PENDING_SIGN_IN_SECONDS * 1000);
}

/**
 * Whether a user must enrol before using anything else: they hold a permission of
 * TWO_FACTOR_REQUIRED_PERMISSIONS and have no second factor.
 */
export function mustEnrolSecondFactor(user: { permissions: readonly string[]; secondFactor: boolean }, required: readonly string[]): boolean {
  return !user.secondFactor && required.some((permission) => user.permissions.includes(permission));
}
