import Link from "next/link";
import { SessionNav } from "./session-nav";

// The note is drawn, not the "♪" character: few system fonts have that glyph, and the browser loads a
// fallback font for it after the first paint, which moved the header by a pixel (a layout shift the
// suite caught on a loaded machine). Its shape is the site icon's (app/icon.svg).
function BrandNote() {
  return (
    <svg className="brand-note" aria-hidden="true" focusable="false" viewBox="12 9 40 46" width="1em" height="1em">
      <ellipse cx="25" cy="45" rx="10.5" ry="7.5" transform="rotate(-22 25 45)" />
      <rect x="31.5" y="11" width="4.5" height="34" rx="1" />
      <path d="M33 11h3c1 6 5 9 9 12.5c4 3.5 5.5 9 3 15.5c-.5-5-3.5-9-8-11c-2.5-1-5-1.5-7-1.5z" />
    </svg>
  );
}

// Rendered at build time like the pages it sits on; the parts that depend on who is signed in are
// filled in by SessionNav in the browser.
export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="brand">
          <BrandNote /> Music Festival Organizer
        </Link>
        <SessionNav />
      </div>
    </header>
  );
}
