"use client";
import { useCallback, useEffect, useState } from "react";
import Link from "next/link";
import { TimeText } from "@/components/time-text";
import type { AccountRefused, AccountView as Account } from "./view";
import { FLASH_CHECK_EVENT } from "@/components/flash-message";
import { SESSION_HINT_CHANGED_EVENT } from "@/lib/session-hint";
import { ProfileForm } from "./profile-form";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";
import { FestivalRolesFields } from "./festival-roles-fields";

type Load = { status: "loading" } | { status: "failed" } | { status: "ready"; account: Account };

async function fetchAccount(): Promise<Load> {
  try {
    const response = await fetch("/api/account", { cache: "no-store", headers: { accept: "application/json" } });
    if (response.ok) {
      const account = (await response.json()) as Account;
      // The response may have refreshed the header's hint (a role or an address changed since sign-in).
      window.dispatchEvent(new Event(SESSION_HINT_CHANGED_EVENT));
      return { status: "ready", account };
    }
    const refused = (await response.json().catch(() => null)) as AccountRefused | null;
    // Signed out, a revoked session, or an unconfirmed address: the server says where to go. A full
    // navigation, because /session-ended is a route handler that clears the cookie.
    if (refused?.location?.startsWith("/") && !refused.location.startsWith("//")) {
      window.location.replace(refused.location);
      return { status: "loading" };
    }
  } catch {
    /* offline or the server is down: say so below */
  }
  return { status: "failed" };
}

export function AccountView() {
  const [load, setLoad] = useState<Load>({ status: "loading" });
  const reload = useCallback(() => fetchAccount().then(setLoad), []);
  useEffect(() => {
    void reload();
  }, [reload]);
  const onRolesSaved = useCallback(() => {
    void reload();
    window.dispatchEvent(new Event(FLASH_CHECK_EVENT));
  }, [reload]);

  if (load.status !== "ready") {
    return (
      // While loading, the panel keeps a screen's height (the loaded page is taller): the footer stays
      // below the fold instead of jumping down when the data arrives (layout shift).
      <section className={load.status === "loading" ? "panel reserve-screen" : "panel"} aria-labelledby="account-title" aria-busy={load.status === "loading"}>
        <h1 id="account-title">Your account</h1>
        {load.status === "loading" ? (
          <>
            <p className="muted">Loading your account…</p>
            <noscript>
              <p>
                This page needs JavaScript to show your account. Without it you can still{" "}
                {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- no JavaScript here, so no client router: a plain link */}
                <a href="/account/security">change your password or e-mail address</a>.
              </p>
            </noscript>
          </>
        ) : (
          <div className="stack">
            <p className="form-alert" role="alert">
              We could not load your account. Check your connection and try again.
            </p>
            <button type="button" className="button" onClick={() => void reload()}>
              Try again
            </button>
          </div>
        )}
      </section>
    );
  }
  const { account } = load;
  const { signIns } = account;
  return (
    <>
      <section className="panel" aria-labelledby="account-title">
        <h1 id="account-title">Your account</h1>
        <dl className="details">
          <div>
            <dt>E-mail</dt>
            <dd>{account.email}</dd>
          </div>
          <div>
            <dt>Roles</dt>
            <dd>
              {account.roles.length ? (
                <ul className="tags" aria-label="Your roles">
                  {account.roles.map((role) => (
                    <li key={role} className="tag">
                      {role}
                    </li>
                  ))}
                </ul>
              ) : (
                "None"
              )}
            </dd>
          </div>
          <div>
            <dt>Member since</dt>
            <dd>
              <TimeText date={account.createdAt} timeZone={account.timeZone} style="date" />
            </dd>
          </div>
        </dl>
        {/* No prefetch: the security page is rendered per request behind its guard, so a prefetch from every view of this page would be a server render for a link seldom followed. */}
        <p>
          <Link href="/account/security" prefetch={false}>
            Change your password or e-mail address
          </Link>
        </p>
        <FestivalRolesFields roles={account.festivalRoles} onSaved={onRolesSaved} />
      </section>
      <section className="panel" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <ProfileForm name={account.name} />
      </section>
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">Sign-in history</h2>
        <dl className="details" data-testid="sign-in-history">
          <div>
            <dt>This sign-in</dt>
            <dd data-testid="current-sign-in">
              <TimeText date={signIns.currentAt} timeZone={account.timeZone} style="relative" /> from {signIns.currentIp ?? "an unknown address"}
            </dd>
          </div>
          <div>
            <dt>Previous sign-in</dt>
            <dd data-testid="last-sign-in">
              {signIns.lastAt ? (
                <>
                  <TimeText date={signIns.lastAt} timeZone={account.timeZone} style="relative" /> from {signIns.lastIp ?? "an unknown address"}
                </>
              ) : (
                "None"
              )}
            </dd>
          </div>
          <div>
            <dt>Sign-ins</dt>
            <dd data-testid="sign-in-count">{signIns.count}</dd>
          </div>
        </dl>
        <p className="muted">Not you? Signing out everywhere ends every session of your account, this one included.</p>
        <SignOutEverywhereButton />
      </section>
    </>
  );
}
