import { z } from "zod";
import { parseTypedCode } from "@/lib/auth/second-factor-rules";

// The one code field of the sign-in's second step and of enrolment (a code from the app, or at sign-in
// a recovery code). Malformed input is a message next to the field, never a counted attempt.

export const CODE_MAX_LENGTH = 40;
export const MALFORMED_CODE = "Enter the 6-digit code from your authenticator app, or one of your recovery codes";
export const MALFORMED_APP_CODE = "Enter the 6-digit code your authenticator app shows";
/** A well-formed code that did not pass (wrong, expired, or already used): at sign-in and on re-authentication. */
export const WRONG_CODE = "That code is not right, or it was already used";

export const secondFactorCodeSchema = z.object({
  code: z
    .string({ error: MALFORMED_CODE })
    .max(CODE_MAX_LENGTH, MALFORMED_CODE)
    .refine((v) => parseTypedCode(v) !== null, MALFORMED_CODE),
});

export const appCodeSchema = z.object({
  code: z
    .string({ error: MALFORMED_APP_CODE })
    .max(CODE_MAX_LENGTH, MALFORMED_APP_CODE)
    .transform((v) => parseTypedCode(v))
    .refine((v) => v?.kind === "totp", MALFORMED_APP_CODE)
    .transform((v) => v!.code),
});
