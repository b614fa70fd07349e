import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <section className="panel narrow" aria-labelledby="not-found-title">
      <p className="status-code">404</p>
      <h1 id="not-found-title">We could not find that page</h1>
      <p>The address may be mistyped, or the page may have moved.</p>
      <p>
        <Link href="/">Back to the home page</Link>
      </p>
    </section>
  );
}
