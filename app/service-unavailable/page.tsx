import type { Metadata } from "next";
import Link from "next/link";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export const metadata: Metadata = { title: "Temporarily unavailable" };

// Where pages, routes and actions send visitors while the database cannot be reached (lib/db/fallback.ts);
// middleware.ts serves it with status 503 and Retry-After. It reads nothing from the database, and it
// renders per request (it reads ?from=), so it gets the middleware's nonce policy like the other dynamic pages.
export default async function ServiceUnavailablePage({ searchParams }: { searchParams: Promise<{ from?: string | string[] }> }) {
  const returnTo = safeRedirectPath((await searchParams).from, "/");
  return (
    <section className="panel narrow" aria-labelledby="unavailable-title">
      <p className="status-code">503</p>
      <h1 id="unavailable-title">We will be right back</h1>
      <p>The festival site is having trouble reaching its database. Please try again in a minute.</p>
      <p className="hero-actions">
        <Link href={returnTo} className="button" prefetch={false}>
          Try again
        </Link>
        <Link href="/" className="button button-quiet">
          Home page
        </Link>
      </p>
    </section>
  );
}
