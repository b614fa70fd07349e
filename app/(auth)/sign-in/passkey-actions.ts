"use server";
import { AuthError, CredentialsSignin } from "next-auth";
import { signIn } from "@/auth";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { SERVICE_UNAVAILABLE_MESSAGE } from "@/lib/service-unavailable";

const PASSKEY_REFUSED = "This passkey could not sign you in. It may have been removed from your account.";

/**
 * Finishes "Sign in with a passkey": the browser's assertion goes to the "passkey" Auth.js provider
 * (auth.ts), which checks it against this browser's challenge; on success Auth.js starts the session
 * and redirects (a thrown NEXT_REDIRECT, passed through).
 */
export async function signInWithPasskeyAction(response: string, returnTo: string): Promise<{ error: string }> {
  try {
    await signIn("passkey", { response: String(response).slice(0, 64_000), redirectTo: safeRedirectPath(String(returnTo)) });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "unavailable") return { error: SERVICE_UNAVAILABLE_MESSAGE };
    if (error instanceof AuthError) return { error: PASSKEY_REFUSED };
    throw error;
  }
  return { error: PASSKEY_REFUSED };
}
