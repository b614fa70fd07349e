import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { findLiveToken } from "@/lib/tokens/service";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  // Undecodable input ("%FF") makes Next's params throw: that is just another link that does not work.
  const token = await params.then((p) => p.token).catch(() => "");
  // Looked at, not used: the token is spent only when the new password is saved.
  if (!(await findLiveToken(prisma, token, "password_reset"))) redirect("/link-invalid?kind=reset");
  return (
    <section className="panel narrow" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      <p className="lead">Saving it signs you out everywhere else and signs you in here.</p>
      <ResetPasswordForm token={token} passwordMinLength={env().PASSWORD_MIN_LENGTH} />
    </section>
  );
}
