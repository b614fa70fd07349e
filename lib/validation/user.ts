import "server-only";
import { z } from "zod";
import { isCommonPassword, isRepetitiveOrSequential } from "@/lib/auth/common-passwords";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, CALLBACK_URL_MAX_LENGTH } from "./limits";
import { normalizePassword, passwordLength } from "@/lib/auth/password-rules";

// Every field rule is one named schema, used by every form action, the CLI and the seed.

/** Trimmed and lower-cased, so "Ann@Example.org " and "ann@example.org" are one account. */
export const emailSchema = z
  .string({ error: "Enter your e-mail address" })
  .trim()
  .min(1, "Enter your e-mail address")
  .max(EMAIL_MAX_LENGTH, `An e-mail address has at most ${EMAIL_MAX_LENGTH} characters`)
  .pipe(z.email({ error: "Enter a valid e-mail address, like name@example.org" }))
  .transform((v) => v.toLowerCase());

/**
 * NIST SP 800-63B-4: length is the rule (counted in characters after NFKC), no composition rules,
 * never truncated. bcrypt's 72-byte limit is handled by the pre-hash in lib/auth/password.ts.
 */
export function newPasswordSchema(minLength: number) {
  return z
    .string({ error: "Enter a password" })
    .transform(normalizePassword)
    .superRefine((value, ctx) => {
      const length = passwordLength(value);
      if (length === 0) ctx.addIssue({ code: "custom", message: "Enter a password" });
      else if (length < minLength)
        ctx.addIssue({ code: "custom", message: `Use at least ${minLength} characters (you have ${length})` });
      else if (length > PASSWORD_MAX_LENGTH)
        ctx.addIssue({ code: "custom", message: `Use at most ${PASSWORD_MAX_LENGTH} characters` });
      else if (isCommonPassword(value))
        ctx.addIssue({ code: "custom", message: "This password is one of the most common ones: choose another" });
      else if (isRepetitiveOrSequential(value))
        ctx.addIssue({ code: "custom", message: "This password is a repeated or sequential pattern, easy to guess: choose another" });
    });
}

/**
 * A password that contains the e-mail's local part ("ann.smith" for ann.smith@example.org) is among the
 * first guesses against that account. Short local parts (under 3 characters) are too common to refuse.
 */
export function containsEmailLocalPart(password: string, email: string): boolean {
  const local = email.split("@")[0]?.toLowerCase() ?? "";
  return local.length >= 3 && password.toLowerCase().includes(local);
}

export const PASSWORD_CONTAINS_EMAIL = "Your password must not contain your e-mail address";

/** For forms that set a password for a known e-mail: adds the e-mail rule to the password policy. */
export function refusePasswordWithEmail(
  value: { email: string; password: string },
  ctx: z.core.$RefinementCtx,
  path: string = "password",
) {
  if (containsEmailLocalPart(value.password, value.email)) ctx.addIssue({ code: "custom", path: [path], message: PASSWORD_CONTAINS_EMAIL });
}

/** For sign-in: any non-empty password up to the maximum; the policy is checked when it is set. */
export const currentPasswordSchema = z
  .string({ error: "Enter your password" })
  .min(1, "Enter your password")
  .max(PASSWORD_MAX_LENGTH * 4, "Invalid e-mail or password")
  .transform(normalizePassword);

export const callbackUrlSchema = z.string().max(CALLBACK_URL_MAX_LENGTH).optional().catch(undefined);

export const signInSchema = z.object({
  email: emailSchema,
  password: currentPasswordSchema,
  callbackUrl: callbackUrlSchema,
});

export function signUpSchema(minLength: number) {
  return z
    .object({
      email: emailSchema,
      password: newPasswordSchema(minLength),
      confirmPassword: z.string({ error: "Confirm your password" }).transform(normalizePassword),
      callbackUrl: callbackUrlSchema,
    })
    .refine((v) => v.password === v.confirmPassword, {
      path: ["confirmPassword"],
      message: "The passwords do not match",
    })
    .superRefine((v, ctx) => refusePasswordWithEmail(v, ctx));
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The first message per field, as forms show one message next to each input. */
export function firstFieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out as FieldErrors<K>;
}

/** FormData values as strings; a file or a missing field becomes undefined rather than a crash. */
export function formFields<K extends string>(formData: FormData, keys: readonly K[]): Record<K, string | undefined> {
  return Object.fromEntries(
    keys.map((k) => {
      const v = formData.get(k);
      return [k, typeof v === "string" ? v : undefined];
    }),
  ) as Record<K, string | undefined>;
}
