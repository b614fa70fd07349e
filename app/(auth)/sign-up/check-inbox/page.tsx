import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your inbox to continue" };

// Where sign-up ends with REQUIRE_EMAIL_CONFIRMATION on, whether the address was new or already had an
// account (its owner gets a mail saying so): the answer tells nobody which addresses are registered.
export default function CheckInboxPage() {
  return (
    <section className="panel narrow" aria-labelledby="check-inbox-title">
      <h1 id="check-inbox-title">Check your inbox to continue</h1>
      <p className="lead">We sent a message to the address you gave. Follow its link, then sign in.</p>
      <p>
        Nothing arrived after a few minutes? Check your spam folder, or <Link href="/sign-in">sign in</Link> to ask for a new link.
      </p>
    </section>
  );
}
