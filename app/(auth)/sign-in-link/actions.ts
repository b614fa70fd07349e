"use server";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { secondFactorPath } from "@/lib/auth/sign-in-errors";
import { prisma } from "@/lib/db";
import { requestSignInLink } from "@/lib/auth/sign-in-link";
import { formFields } from "@/lib/validation/user";
import { TOKEN_MAX_LENGTH } from "@/lib/validation/limits";
import type { FormState } from "@/components/forms/form-state";
import { mailLinkForm } from "@/lib/forms/mail-link-form";

export type SignInLinkFields = "email";

/** "E-mail me a sign-in link": the same answer, after the same work, for every address. */
export async function requestSignInLinkAction(_prev: FormState<SignInLinkFields>, formData: FormData): Promise<FormState<SignInLinkFields>> {
  return mailLinkForm(formData, "sign-in-link", (email, ip) => requestSignInLink(prisma, email, ip), "/sign-in-link/sent");
}

/** The button on the mailed link's page: the "email-link" Auth.js provider uses the token once. */
export async function signInWithLinkAction(formData: FormData): Promise<void> {
  const { token = "" } = formFields(formData, ["token"]);
  try {
    await signIn("email-link", { token: token.slice(0, TOKEN_MAX_LENGTH), redirectTo: "/account" });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "unavailable") redirect("/service-unavailable");
    // The link was the first factor; the account has a second: its code next, in this browser.
    if (error instanceof CredentialsSignin && error.code === "second_factor") redirect(secondFactorPath("/account"));
    if (error instanceof AuthError) redirect("/link-invalid?kind=sign-in");
    throw error;
  }
  redirect("/link-invalid?kind=sign-in");
}
