import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "This link does not work" };

const KINDS = {
  reset: { what: "password reset link", again: { href: "/forgot-password", label: "Ask for a new reset link" } },
  confirm: { what: "confirmation link", again: { href: "/confirm-email", label: "Ask for a new confirmation link" } },
  "email-change": { what: "e-mail change link", again: { href: "/account/security", label: "Ask for the change again" } },
  "sign-in": { what: "sign-in link", again: { href: "/sign-in-link", label: "Ask for a new sign-in link" } },
} as const;

// Where every mailed link that is used, expired, altered or unknown ends up: say so, and offer a new one.
export default async function LinkInvalidPage({ searchParams }: { searchParams: Promise<{ kind?: string | string[] }> }) {
  const kind = (await searchParams).kind;
  const entry = typeof kind === "string" && kind in KINDS ? KINDS[kind as keyof typeof KINDS] : KINDS.reset;
  return (
    <section className="panel narrow" aria-labelledby="invalid-title">
      <h1 id="invalid-title">This link does not work</h1>
      <p className="lead">This {entry.what} has already been used, has expired, or was not copied completely.</p>
      <p>
        <Link href={entry.again.href} className="button">
          {entry.again.label}
        </Link>
      </p>
    </section>
  );
}
