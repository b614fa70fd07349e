import { z } from "zod";
import { NAME_MAX_LENGTH, PASSWORD_MAX_LENGTH, TOKEN_MAX_LENGTH } from "./limits";
import { currentPasswordSchema, emailSchema, newPasswordSchema } from "./user";
import { normalizePassword } from "@/lib/auth/password-rules";

// Schemas of the account self-service forms; every field has a maximum length.

const confirmPasswordSchema = z
  .string({ error: "Confirm your new password" })
  .max(PASSWORD_MAX_LENGTH * 4, "The passwords do not match")
  .transform(normalizePassword);

const matches = (v: { newPassword: string; confirmPassword: string }) => v.newPassword === v.confirmPassword;
const mismatch = { path: ["confirmPassword"], message: "The passwords do not match" };

/** What a mailed link carries; the service checks it really is one of ours. */
export const tokenSchema = z.string({ error: "This link is not valid" }).min(1, "This link is not valid").max(TOKEN_MAX_LENGTH, "This link is not valid");

export const forgotPasswordSchema = z.object({ email: emailSchema });

export function resetPasswordSchema(minLength: number) {
  return z
    .object({ token: tokenSchema, newPassword: newPasswordSchema(minLength), confirmPassword: confirmPasswordSchema })
    .refine(matches, mismatch);
}

export function changePasswordSchema(minLength: number) {
  return z
    .object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema(minLength), confirmPassword: confirmPasswordSchema })
    .refine(matches, mismatch);
}

export const changeEmailSchema = z.object({ newEmail: emailSchema, currentPassword: currentPasswordSchema });

/** Display name: trimmed, empty means none; no control characters. */
export const profileSchema = z.object({
  name: z
    .string({ error: "Enter a display name" })
    .trim()
    .max(NAME_MAX_LENGTH, `A display name has at most ${NAME_MAX_LENGTH} characters`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "A display name cannot contain control characters")
    .transform((v) => v || null),
});
