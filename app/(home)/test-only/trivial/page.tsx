import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";

// The least a page rendered per request costs in the site layout (reads a cookie, one paragraph):
// `npm run bench` compares /account/security and /admin/users with it. Absent (404) unless MFO_TEST_ROUTES=true.
export default async function Trivial() {
  // cookies() first: it makes the page dynamic, so the build does not try to prerender it.
  const signedIn = Boolean((await cookies()).get("authjs.session-token"));
  if (!env().MFO_TEST_ROUTES) notFound();
  return (
    <section className="panel">
      <p>{signedIn ? "Signed in." : "Signed out."}</p>
    </section>
  );
}
