"use server";
import { signOut } from "@/auth";
import { notFound, redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { setFlash } from "@/lib/flash";
import { requestIp } from "@/lib/auth/request-ip";
import { requireUser } from "@/lib/auth/guards";
import { tooManyAttemptsMessage } from "@/lib/auth/rate-limit";
import { changePassword, CurrentPasswordThrottledError, requestEmailChange, signOutEverywhere, signOutOtherSessions, signOutSession, updateProfile } from "@/lib/account/service";
import { changeEmailSchema, changePasswordSchema, profileSchema } from "@/lib/validation/account";
import { firstFieldErrors, formFields } from "@/lib/validation/user";
import { PasswordRefusedError } from "@/lib/validation/password";
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
  let outcome;
  try {
    outcome = await throttledForm(() =>
      changePassword(prisma, user, { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, ip, keepSessionId: user.session.id }),
    );
  } catch (error) {
    if (error instanceof PasswordRefusedError) return { values: {}, errors: { newPassword: error.reason } };
    throw error;
  }
  if (typeof outcome === "object") return { values: {}, errors: outcome };
  if (outcome === "wrong_password") return { values: {}, errors: { currentPassword: WRONG_PASSWORD } };
  await setFlash("Your password has been changed. Your other sessions have been signed out.");
  redirect("/account");
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

/** "Sign out" next to one session of yours. Another user's session id: 404, nothing ends. */
export async function signOutSessionAction(formData: FormData): Promise<void> {
  const user = await requireUser("/account/security");
  const { sessionId = "" } = formFields(formData, ["sessionId"]);
  // Your own session from this list is a plain sign-out (it clears this browser's cookie too).
  if (sessionId === user.session.id) {
    await setFlash("You have been signed out.");
    await signOut({ redirectTo: "/sign-in" });
  }
  if (!(await signOutSession(prisma, user, sessionId, await requestIp()))) notFound();
  await setFlash("That session has been signed out.");
  redirect("/account/security");
}

export async function signOutOtherSessionsAction(): Promise<void> {
  const user = await requireUser("/account/security");
  const ended = await signOutOtherSessions(prisma, user, user.session.id, await requestIp());
  await setFlash(ended ? `Signed out of ${ended} other session${ended === 1 ? "" : "s"}.` : "There were no other sessions to sign out.");
  redirect("/account/security");
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser("/account");
  await signOutEverywhere(prisma, user, await requestIp());
  await setFlash("You have been signed out everywhere.");
  await signOut({ redirectTo: "/sign-in" });
}
