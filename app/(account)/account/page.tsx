import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { formatDate, formatDateTime } from "@/lib/format";
import { signInHistory } from "@/lib/account/service";
import { ProfileForm } from "./profile-form";
import { SignOutEverywhereButton } from "./sign-out-everywhere-button";
import { FestivalRolesForm } from "./festival-roles-form";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const history = await signInHistory(prisma, user.id);
  return (
    <>
      <section className="panel" aria-labelledby="account-title">
        <h1 id="account-title">Your account</h1>
        <dl className="details">
          <div>
            <dt>E-mail</dt>
            <dd>{user.email}</dd>
          </div>
          <div>
            <dt>Roles</dt>
            <dd>
              {user.roles.length ? (
                <ul className="tags" aria-label="Your roles">
                  {user.roles.map((role) => (
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
              <time dateTime={user.createdAt.toISOString()}>{formatDate(user.createdAt)}</time>
            </dd>
          </div>
        </dl>
        {/* No prefetch: it would pass the middleware, which re-sets the session cookie, racing a sign-out. */}
        <p>
          <Link href="/account/security" prefetch={false}>Change your password or e-mail address</Link>
        </p>
        <FestivalRolesForm />
      </section>
      <section className="panel" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <ProfileForm name={user.name ?? ""} />
      </section>
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">Sign-in history</h2>
        <dl className="details" data-testid="sign-in-history">
          <div>
            <dt>This sign-in</dt>
            <dd data-testid="current-sign-in">
              {formatDateTime(history.currentSignInAt)} from {history.currentSignInIp ?? "an unknown address"}
            </dd>
          </div>
          <div>
            <dt>Previous sign-in</dt>
            <dd data-testid="last-sign-in">
              {history.lastSignInAt ? `${formatDateTime(history.lastSignInAt)} from ${history.lastSignInIp ?? "an unknown address"}` : "None"}
            </dd>
          </div>
          <div>
            <dt>Sign-ins</dt>
            <dd data-testid="sign-in-count">{history.signInCount}</dd>
          </div>
        </dl>
        <p className="muted">Not you? Signing out everywhere ends every session of your account, this one included.</p>
        <SignOutEverywhereButton />
      </section>
    </>
  );
}
