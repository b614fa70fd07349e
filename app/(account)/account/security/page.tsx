import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { env } from "@/lib/env";
import { prisma } from "@/lib/db";
import { listSessions } from "@/lib/auth/sessions";
import { SessionTable } from "@/components/session-table";
import { SubmitButton } from "@/components/forms/submit-button";
import { FlashCheck } from "@/components/flash-check";
import { flashToken } from "@/lib/admin/flash-token";
import { signOutOtherSessionsAction, signOutSessionAction } from "../actions";
import { ChangePasswordForm } from "./change-password-form";
import { ChangeEmailForm } from "./change-email-form";
import { PasskeysSection } from "./passkeys-section";
import { isFresh } from "@/lib/auth/freshness";

export const metadata: Metadata = { title: "Password, e-mail and sessions" };

export default async function SecurityPage() {
  const user = await requireUser();
  const sessions = await listSessions(prisma, user.id);
  return (
    <>
      {/* The session actions redirect back here: their message shows without a change of path. */}
      <FlashCheck token={await flashToken()} />
      <section className="panel" aria-labelledby="password-title">
        <p>
          <Link href="/account" prefetch={false}>← Your account</Link>
        </p>
        <h1 id="password-title">Change your password</h1>
        <p className="lead">Your other sessions are signed out; this one stays.</p>
        <ChangePasswordForm passwordMinLength={env().PASSWORD_MIN_LENGTH} />
      </section>
      <section className="panel" aria-labelledby="email-title">
        <h2 id="email-title">Change your e-mail address</h2>
        <p>
          It is now <strong>{user.email}</strong>. We send a link to the new address; it changes when you follow it.
        </p>
        <ChangeEmailForm />
      </section>
      <section className="panel" aria-labelledby="two-factor-link-title">
        <h2 id="two-factor-link-title">Two-step sign-in</h2>
        <p>
          {user.secondFactor ? "On: signing in asks for a code from your authenticator app." : "Off: signing in asks for your password only."}{" "}
          <Link href="/account/two-factor" prefetch={false}>Manage two-step sign-in</Link>
        </p>
      </section>
      <PasskeysSection userId={user.id} fresh={isFresh(user)} />
      <section className="panel" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Where you&apos;re signed in</h2>
        <p>Each browser you signed in with. If you do not recognise one, sign it out and change your password.</p>
        <SessionTable
          timeZone={env().FESTIVAL_TIME_ZONE}
          sessions={sessions}
          caption="Your sessions"
          currentId={user.session.id}
          action={(session) => (
            <form action={signOutSessionAction}>
              <input type="hidden" name="sessionId" value={session.id} />
              <SubmitButton className="button button-quiet" pendingLabel="Signing out…">
                Sign out
              </SubmitButton>
            </form>
          )}
        />
        {sessions.some((s) => s.id !== user.session.id) && (
          <form action={signOutOtherSessionsAction}>
            <SubmitButton className="button button-quiet" pendingLabel="Signing out…">
              Sign out of all other sessions
            </SubmitButton>
          </form>
        )}
      </section>
    </>
  );
}
