import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUserOrUnavailable } from "@/lib/auth/guards";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { SignInForm } from "./sign-in-form";
import { PasskeySignIn } from "./passkey-sign-in";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const returnTo = safeRedirectPath((await searchParams).callbackUrl);
  if (await currentUserOrUnavailable(`/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`)) redirect(returnTo);
  return (
    <section className="panel narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Sign in</h1>
      <p className="lead">Welcome back. Sign in to see your festival account.</p>
      <SignInForm returnTo={returnTo} />
      <div className="stack sign-in-alternatives" aria-label="Other ways to sign in" role="group">
        <PasskeySignIn returnTo={returnTo} />
        <p className="form-footer">
          <Link href="/sign-in-link">E-mail me a sign-in link</Link>
        </p>
      </div>
    </section>
  );
}
