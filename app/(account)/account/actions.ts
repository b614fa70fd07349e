"use server";
import { signOut } from "@/auth";
import { notFound, redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { redirectWithFlash, setFlash } from "@/lib/flash";
import { requestIp } from "@/lib/auth/request-ip";
import { requireUser } from "@/lib/auth/guards";
import { changePassword, requestEmailChange, signOutEverywhere, signOutOtherSessions, signOutSession, updateProfile } from "@/lib/account/service";
import { changeEmailSchema, changePasswordSchema, profileSchema } from "@/lib/validation/account";
import { formFields } from "@/lib/validation/user";
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH } from "@/lib/validation/limits";
import type { FormState } from "@/components/forms/form-state";
import { formAction } from "@/lib/forms/form-action";
import { currentPasswordRefusal, newPasswordRefusal } from "@/lib/forms/refusals";

// Server actions are public endpoints: each checks the session first, then validates, then calls the
// service in lib/account.

export type ProfileFields = "name";
export type PasswordFields = "currentPassword" | "newPassword" | "confirmPassword";
export type EmailFields = "newEmail" | "currentPassword";

const WRONG_PASSWORD = "That is not your current password";

export async function updateProfileAction(_prev: FormState<ProfileFields>, formData: FormData): Promise<FormState<ProfileFields>> {
  return formAction(formData, {
    guard: () => requireUser(),
    schema: profileSchema,
    echo: { name: NAME_MAX_LENGTH },
    where: "update-profile",
    run: async (user, data) => {
      await updateProfile(prisma, user, { name: data.name, ip: await requestIp() });
      return { values: { name: data.name ?? "" }, message: "Your profile has been saved." };
    },
  });
}

export async function changePasswordAction(_prev: FormState<PasswordFields>, formData: FormData): Promise<FormState<PasswordFields>> {
  return formAction(formData, {
    guard: () => requireUser(),
    schema: changePasswordSchema(env().PASSWORD_MIN_LENGTH),
    echo: {}, // passwords are never sent back
    where: "change-password",
    run: async (user, data) => {
      const ip = await requestIp();
      const outcome = await changePassword(prisma, user, { currentPassword: data.currentPassword, newPassword: data.newPassword, ip, keepSessionId: user.session.id });
      if (outcome === "wrong_password") return { errors: { currentPassword: WRONG_PASSWORD } };
      await redirectWithFlash("Your password has been changed. Your other sessions have been signed out.", "/account");
    },
    refusal: (error) => currentPasswordRefusal(error) ?? newPasswordRefusal(error),
  });
}

export async function changeEmailAction(_prev: FormState<EmailFields>, formData: FormData): Promise<FormState<EmailFields>> {
  return formAction(formData, {
    guard: () => requireUser(),
    schema: changeEmailSchema,
    echo: { newEmail: EMAIL_MAX_LENGTH },
    where: "change-email",
    run: async (user, data) => {
      const outcome = await requestEmailChange(prisma, user, { ...data, ip: await requestIp() });
      if (outcome === "wrong_password") return { errors: { currentPassword: WRONG_PASSWORD } };
      if (outcome === "same") return { errors: { newEmail: "This is already your e-mail address" } };
      if (outcome === "taken") return { errors: { newEmail: "An account with this e-mail already exists" } };
      return { values: {}, message: `We sent a confirmation link to ${data.newEmail}. Your address changes when you follow it.` };
    },
    refusal: currentPasswordRefusal,
  });
}

/** "Sign out" next to one session of yours. Another user's session id: 404, nothing ends. */
export async function signOutSessionAction(formData: FormData): Promise<void> {
  const user = await requireUser();
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
  const user = await requireUser();
  const ended = await signOutOtherSessions(prisma, user, user.session.id, await requestIp());
  await setFlash(ended ? `Signed out of ${ended} other session${ended === 1 ? "" : "s"}.` : "There were no other sessions to sign out.");
  redirect("/account/security");
}

export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser();
  await signOutEverywhere(prisma, user, await requestIp());
  await setFlash("You have been signed out everywhere.");
  await signOut({ redirectTo: "/sign-in" });
}
