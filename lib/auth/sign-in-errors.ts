import { CredentialsSignin } from "next-auth";

// The refusals a sign-in step raises through signIn(): each a CredentialsSignin whose `code` the forms
// turn into their message or redirect (app/(auth)/actions.ts).

/** Surfaces through signIn() as a CredentialsSignin whose code the sign-in form turns into its message. */
export class ThrottledSignin extends CredentialsSignin {
  code = "throttled";
}

/** The database could not be reached: the sign-in form says "try again in a minute", not "wrong password". */
export class UnavailableSignin extends CredentialsSignin {
  code = "unavailable";
}

/** The password was right and a second factor is due: the form goes to /sign-in/verify (no session yet). */
export class SecondFactorRequired extends CredentialsSignin {
  code = "second_factor";
}

/** No live pending sign-in in this browser (never was, expired, used): start again at /sign-in. */
export class PendingSignInMissing extends CredentialsSignin {
  code = "no_pending";
}

/** Where a first factor that needs the second goes: /sign-in/verify, then `returnTo` (already a safe path). */
export function secondFactorPath(returnTo: string): string {
  return `/sign-in/verify?${new URLSearchParams({ callbackUrl: returnTo })}`;
}
