import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { findLiveToken } from "@/lib/tokens/service";
import { orServiceUnavailable } from "@/lib/db/fallback";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

// The token rides in the query (?token=…): Next answers 500 to an undecodable path segment ("%FF").
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const raw = (await searchParams).token;
  const token = typeof raw === "string" ? raw : "";
  // Looked at, not used: the token is spent only when the new password is saved.
  const live = await orServiceUnavailable(`/reset-password?${new URLSearchParams({ token })}`, () => findLiveToken(prisma, token, "password_reset"));
  if (!live) redirect("/link-invalid?kind=reset");
  return (
    <section className="panel narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      <p className="lead">Saving it signs you out everywhere else and signs you in here.</p>
      <ResetPasswordForm token={token} passwordMinLength={env().PASSWORD_MIN_LENGTH} />
    </section>
  );
}
