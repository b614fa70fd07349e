import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUserOrUnavailable } from "@/lib/auth/guards";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { env } from "@/lib/env";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const returnTo = safeRedirectPath((await searchParams).callbackUrl);
  if (await currentUserOrUnavailable(`/sign-up?${new URLSearchParams({ callbackUrl: returnTo })}`)) redirect(returnTo);
  return (
    <section className="panel narrow" aria-labelledby="sign-up-title">
      <h1 id="sign-up-title">Create your account</h1>
      <p className="lead">Sign up to register for the festival and manage your entries.</p>
      <SignUpForm returnTo={returnTo} passwordMinLength={env().PASSWORD_MIN_LENGTH} />
    </section>
  );
}
