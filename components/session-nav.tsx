"use client";
import Link from "next/link";
import { useSyncExternalStore } from "react";
import { usePathname } from "next/navigation";
import { SESSION_HINT_CHANGED_EVENT, SESSION_HINT_COOKIE, decodeSessionHint } from "@/lib/session-hint";
import { SignOutButton } from "./sign-out-button";

function readHintCookie(): string | null {
  const entry = document.cookie.split("; ").find((c) => c.startsWith(`${SESSION_HINT_COOKIE}=`));
  if (!entry) return null;
  try {
    return decodeURIComponent(entry.slice(SESSION_HINT_COOKIE.length + 1));
  } catch {
    return null;
  }
}

// Cookies have no change event: re-read on navigation (pathname changes re-render), on focus, and
// when the account page has refreshed the hint.
function subscribe(onChange: () => void) {
  window.addEventListener("focus", onChange);
  window.addEventListener(SESSION_HINT_CHANGED_EVENT, onChange);
  return () => {
    window.removeEventListener("focus", onChange);
    window.removeEventListener(SESSION_HINT_CHANGED_EVENT, onChange);
  };
}

/** The navigation and session controls, from the display-only hint cookie (lib/session-hint.ts). */
export function SessionNav() {
  usePathname(); // re-render after client-side navigations, e.g. after signing in
  const raw = useSyncExternalStore(subscribe, readHintCookie, () => undefined);
  const known = raw !== undefined; // undefined: rendered on the server, before the cookie is read
  const hint = decodeSessionHint(raw);
  return (
    <>
      <nav aria-label="Main">
        <ul className="nav-list">
          <li>
            <Link href="/">Home</Link>
          </li>
          <li>
            <Link href="/account">Account</Link>
          </li>
          {hint?.admin && (
            <li>
              <Link href="/admin">Admin</Link>
            </li>
          )}
        </ul>
      </nav>
      <div className="session-box" aria-busy={!known}>
        {!known ? null : hint ? (
          <>
            <span className="session-email" title="Signed in as">
              {hint.email}
            </span>
            <SignOutButton />
          </>
        ) : (
          <>
            <Link href="/sign-in" className="button button-quiet">
              Sign in
            </Link>
            <Link href="/sign-up" className="button">
              Sign up
            </Link>
          </>
        )}
      </div>
    </>
  );
}
