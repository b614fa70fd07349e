import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { currentPendingSignIn } from "@/lib/auth/pending-sign-in";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { orServiceUnavailable } from "@/lib/db/fallback";
import { VerifyForm } from "./verify-form";

export const metadata: Metadata = { title: "Two-step sign-in" };

// Rendered per request (it reads the pending cookie); listed in middleware.ts's matcher for its nonce.
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const returnTo = safeRedirectPath((await searchParams).callbackUrl);
  const here = `/sign-in/verify?${new URLSearchParams({ callbackUrl: returnTo })}`;
  // Without the password step in this browser there is nothing to verify.
  const pending = await orServiceUnavailable(here, () => currentPendingSignIn(prisma));
  if (!pending) redirect(`/sign-in?${new URLSearchParams({ callbackUrl: returnTo })}`);
  return (
    <section className="panel narrow" aria-labelledby="verify-title">
      <h1 id="verify-title">Two-step sign-in</h1>
      <p className="lead">Your password was right. Now enter the code from your authenticator app.</p>
      <VerifyForm returnTo={returnTo} />
      <p className="form-footer">
        Lost your phone? Enter one of your recovery codes instead. <Link href="/sign-in">Start again</Link>
      </p>
    </section>
  );
}
