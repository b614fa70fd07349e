import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your e-mail" };

// The same page whether or not the address has an account, so it tells nobody which addresses do.
export default function ForgotPasswordSentPage() {
  return (
    <section className="panel narrow" aria-labelledby="sent-title">
      <h1 id="sent-title">Check your e-mail</h1>
      <p className="lead">If an account exists for that address, we sent a link to choose a new password. It works once, for a limited time.</p>
      <p>
        Nothing arrived after a few minutes? Check your spam folder, or <Link href="/forgot-password">ask again</Link>.
      </p>
    </section>
  );
}
