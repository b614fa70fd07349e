"use client";
import Link from "next/link";
import { useLayoutEffect, useSyncExternalStore } from "react";
import { usePathname } from "next/navigation";
import { SESSION_HINT_CHANGED_EVENT, SESSION_HINT_COOKIE, decodeSessionHint } from "@/lib/session-hint";
import { SESSION_ATTRIBUTE } from "@/lib/session-hint/script";
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

/**
 * The navigation and session controls, from the display-only hint cookie (lib/session-hint/index.ts).
 * Both variants are in the HTML (the same for everyone on prerendered pages); CSS shows the one that
 * <html data-session> names. The inline script of lib/session-hint/script.ts sets it before the first
 * paint; this component keeps it current after sign-in and sign-out and fills in the e-mail, in a slot
 * whose size does not depend on it, so nothing moves (docs/decisions/header-session-state.md).
 */
export function SessionNav() {
  usePathname(); // re-render after client-side navigations, e.g. after signing in
  const raw = useSyncExternalStore(subscribe, readHintCookie, () => undefined);
  const known = raw !== undefined; // undefined: rendered on the server, before the cookie is read
  const hint = decodeSessionHint(raw);
  const state = !hint ? null : hint.admin ? "admin" : "in";
  useLayoutEffect(() => {
    if (!known) return;
    const root = document.documentElement;
    if (state) root.setAttribute(SESSION_ATTRIBUTE, state);
    else root.removeAttribute(SESSION_ATTRIBUTE);
  }, [known, state]);
  return (
    <>
      <nav aria-label="Main">
        <ul className="nav-list">
          <li>
            <Link href="/">Home</Link>
          </li>
          <li>
            <Link href="/syllabus">Syllabus</Link>
          </li>
          <li className="if-signed-in">
            <Link href="/entries">Entries</Link>
          </li>
          <li>
            <Link href="/account">Account</Link>
          </li>
          <li className="if-admin">
            <Link href="/admin">Admin</Link>
          </li>
        </ul>
      </nav>
      {/* data-state appears once the browser has read the cookie (tests wait for it). */}
      <div className="session-box" data-state={known ? (state ?? "out") : undefined}>
        <div className="session-variant if-signed-in">
          <span className="session-email" title={hint ? `Signed in as ${hint.email}` : undefined} data-testid="session-email">
            {hint?.email}
          </span>
          <SignOutButton />
        </div>
        <div className="session-variant if-signed-out">
          <Link href="/sign-in" className="button button-quiet">
            Sign in
          </Link>
          <Link href="/sign-up" className="button">
            Sign up
          </Link>
        </div>
      </div>
    </>
  );
}
