import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";
import { ResendConfirmationForm } from "./resend-form";

export const metadata: Metadata = { title: "Please confirm your e-mail" };

// Where requireUser sends a signed-in user whose address is not confirmed (REQUIRE_EMAIL_CONFIRMATION).
export default async function ConfirmEmailPage() {
  const user = await requireUser({ allowUnconfirmed: true });
  if (user.emailVerified) redirect("/account");
  return (
    <section className="panel narrow" aria-labelledby="confirm-title">
      <h1 id="confirm-title">Please confirm your e-mail</h1>
      <p className="lead">
        We sent a link to <strong>{user.email}</strong>. Follow it to open your account.
      </p>
      <ResendConfirmationForm />
    </section>
  );
}
