import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your e-mail" };

// The same page whether or not the address has an account, so it tells nobody which addresses do.
export default function SignInLinkSentPage() {
  return (
    <section className="panel narrow" aria-labelledby="link-sent-title">
      <h1 id="link-sent-title">Check your e-mail</h1>
      <p className="lead">If an account exists for that address, we sent a link that signs you in. It works once, for 15 minutes.</p>
      <p>
        Nothing arrived after a few minutes? Check your spam folder, or <Link href="/sign-in-link">ask again</Link>.
      </p>
    </section>
  );
}
