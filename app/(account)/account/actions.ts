"use server";
import { signOut } from "@/auth";
import { signInWithNewPassword } from "@/lib/auth/sign-in-again";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { setFlash } from "@/lib/flash";
import { requestIp } from "@/lib/auth/request-ip";
import { requireUser } from "@/lib/auth/guards";
import { tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { changePassword, CurrentPasswordThrottledError, requestEmailChange, signOutEverywhere, updateProfile } from "@/lib/account/service";
import { changeEmailSchema, changePasswordSchema, profileSchema } from "@/lib/validation/account";
import { firstFieldErrors, formFields, PASSWORD_CONTAINS_EMAIL } from "@/lib/validation/user";
import type { FormState } from "@/components/forms/form-state";

// Server actions are public endpoints: each checks the session first, then validates, then calls the
// service in lib/account.

export type ProfileFields = "name";
export type PasswordFields = "currentPassword" | "newPassword" | "confirmPassword";
export type EmailFields = "newEmail" | "currentPassword";

const WRONG_PASSWORD = "That is not your current password";

/** A throttled current-password check becomes the form's "Too many attempts" message. */
async function throttledForm<T>(run: () => Promise<T>): Promise<T | { form: string }> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CurrentPasswordThrottledError) return { form: tooManyAttemptsMessage(error.retryAfterSeconds) };
    throw error;
  }
}

export async function updateProfileAction(_prev: FormState<ProfileFields>, formData: FormData): Promise<FormState<ProfileFields>> {
  const user = await requireUser("/account");
  const raw = formFields(formData, ["name"]);
  const values = { name: raw.name?.slice(0, 400) ?? "" };
  const parsed = profileSchema.safeParse(raw);
  if (!parsed.success) return { values, errors: firstFieldErrors(parsed.error) };
  await updateProfile(prisma, user, { name: parsed.data.name, ip: await requestIp() });
  return { values: { name: parsed.data.name ?? "" }, errors: {}, message: "Your profile has been saved." };
}

export async function changePasswordAction(_prev: FormState<PasswordFields>, formData: FormData): Promise<FormState<PasswordFields>> {
  const user = await requireUser("/account/security");
  const raw = formFields(formData, ["currentPassword", "newPassword", "confirmPassword"]);
  const parsed = changePasswordSchema(env().PASSWORD_MIN_LENGTH).safeParse(raw);
  if (!parsed.success) return { values: {}, errors: firstFieldErrors(parsed.error) };
  const ip = await requestIp();
  const outcome = await throttledForm(() =>
    changePassword(prisma, user, { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, ip }),
  );
  if (typeof outcome === "object") return { values: {}, errors: outcome };
  if (outcome === "wrong_password") return { values: {}, errors: { currentPassword: WRONG_PASSWORD } };
  if (outcome === "contains_email") return { values: {}, errors: { newPassword: PASSWORD_CONTAINS_EMAIL } };
  await setFlash("Your password has been changed. Your other sessions have been signed out.");
  // The bump ended this session too: sign in again with the new password for a token of the new version.
  return signInWithNewPassword(user.email, parsed.data.newPassword, "/account");
}

export async function changeEmailAction(_prev: FormState<EmailFields>, formData: FormData): Promise<FormState<EmailFields>> {
  const user = await requireUser("/account/security");
  const raw = formFields(formData, ["newEmail", "currentPassword"]);
  const values = { newEmail: raw.newEmail?.slice(0, 320) ?? "" };
  const parsed = changeEmailSchema.safeParse(raw);
  if (!parsed.success) return { values, errors: firstFieldErrors(parsed.error) };
  const ip = await requestIp();
  const outcome = await throttledForm(() => requestEmailChange(prisma, user, { ...parsed.data, ip }));
  if (typeof outcome === "object") return { values, errors: outcome };
  if (outcome === "wrong_password") return { values, errors: { currentPassword: WRONG_PASSWORD } };
  if (outcome === "same") return { values, errors: { newEmail: "This is already your e-mail address" } };
  if (outcome === "taken") return { values, errors: { newEmail: "An account with this e-mail already exists" } };
  return { values: {}, errors: {}, message: `We sent a confirmation link to ${parsed.data.newEmail}. Your address changes when you follow it.` };
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser("/account");
  await signOutEverywhere(prisma, user, await requestIp());
  await setFlash("You have been signed out everywhere.");
  await signOut({ redirectTo: "/sign-in" });
}
