import "server-only";
import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { signIn } from "@/auth";

/**
 * Signs the user in through Auth.js with a password they just set (a reset ended every session), which
 * starts a new session like any sign-in, and redirects to `returnTo`. If Auth.js refuses,
 * they sign in by hand. Never trusts the client: the password is checked like any sign-in.
 */
export async function signInWithNewPassword(email: string, password: string, returnTo: string): Promise<never> {
  try {
    await signIn("credentials", { email, password, redirectTo: returnTo });
  } catch (error) {
    if (error instanceof AuthError) redirect("/sign-in");
    throw error;
  }
  redirect(returnTo);
}
