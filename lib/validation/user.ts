import "server-only";
import { z } from "zod";
import { EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH, CALLBACK_URL_MAX_LENGTH } from "./limits";
import { normalizePassword } from "@/lib/auth/password-rules";
import { passwordProblem } from "./password";

// Every field rule is one named schema, used by every form action, the CLI and the seed.

/** Trimmed and lower-cased, so "Ann@Example.org " and "ann@example.org" are one account. */
export const emailSchema = z
  .string({ error: "Enter your e-mail address" })
  .trim()
  .min(1, "Enter your e-mail address")
  .max(EMAIL_MAX_LENGTH, `An e-mail address has at most ${EMAIL_MAX_LENGTH} characters`)
  .pipe(z.email({ error: "Enter a valid e-mail address, like name@example.org" }))
  .transform((v) => v.toLowerCase());

/** A new password, without the account's e-mail (the forms that know it add it, see signUpSchema). */
export function newPasswordSchema(minLength: number) {
  return z
    .string({ error: "Enter a password" })
    .transform(normalizePassword)
    .superRefine((value, ctx) => {
      const problem = passwordProblem(value, { minLength });
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    });
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
    .superRefine((v, ctx) => {
      // The whole policy again, now with the e-mail: only its e-mail rule can still fail (the field's
      // own check reported anything else first, and a form shows the first message per field).
      const problem = passwordProblem(v.password, { minLength, email: v.email });
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
    });
}

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/**
 * The first message per field, as forms show one message next to each input, keyed by the field's path
 * ("pieces.1.duration" in a list); the form's own issues under "form".
 */
export function firstFieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "form";
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
