import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { findLiveToken } from "@/lib/tokens/service";
import { orServiceUnavailable } from "@/lib/db/fallback";
import { SubmitButton } from "@/components/forms/submit-button";
import { signInWithLinkAction } from "../actions";

export const metadata: Metadata = { title: "Sign in", referrer: "no-referrer" };

// The mailed sign-in link. Opening it (a GET, which mail scanners do too) only looks the token up; the
// button (a POST) uses it, once.
export default async function OpenSignInLinkPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  const live = await orServiceUnavailable(`/sign-in-link/open?${new URLSearchParams({ token })}`, () => findLiveToken(prisma, token, "sign_in_link"));
  if (!live) redirect("/link-invalid?kind=sign-in");
  return (
    <section className="panel narrow" aria-labelledby="open-link-title">
      <h1 id="open-link-title">Sign in to your festival account</h1>
      <p className="lead">This link signs you in on this browser. It works once.</p>
      <form action={signInWithLinkAction}>
        <input type="hidden" name="token" value={token} />
        <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
      </form>
    </section>
  );
}
