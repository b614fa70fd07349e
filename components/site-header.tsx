import Link from "next/link";
import { SessionNav } from "./session-nav";

// Rendered at build time like the pages it sits on; the parts that depend on who is signed in are
// filled in by SessionNav in the browser.
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          <span aria-hidden="true">♪</span> Music Festival Organizer
        </Link>
        <SessionNav />
      </div>
    </header>
  );
}
