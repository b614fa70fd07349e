"use client";
import Link from "next/link";

// Unexpected errors inside the site layout. The message the server sends in production is generic;
// the digest lets an organizer find the logged error without showing the stack to visitors.
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="panel narrow" aria-labelledby="error-title">
      <p className="status-code">500</p>
      <h1 id="error-title">Something went wrong</h1>
      <p>We could not show this page. Please try again in a moment.</p>
      {error.digest && <p className="muted">Reference: {error.digest}</p>}
      <p className="hero-actions">
        <button type="button" className="button" onClick={reset}>
          Try again
        </button>
        <Link href="/" className="button button-quiet">
          Home page
        </Link>
      </p>
    </section>
  );
}
