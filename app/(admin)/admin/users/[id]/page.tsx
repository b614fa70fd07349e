import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { getUserDetails } from "@/lib/users/admin";
import { listRoles } from "@/lib/roles/service";
import { listSessions } from "@/lib/auth/sessions";
import { env } from "@/lib/env";
import { TimeText } from "@/components/time-text";
import { ActionForm } from "@/components/forms/action-form";
import { SessionTable } from "@/components/session-table";
import { endUserSessionsAction, grantRoleAction, revokeRoleAction, sendPasswordResetAction, setActiveAction } from "../actions";

export const metadata: Metadata = { title: "User · Admin" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await requireAdmin("users.read");
  const user = await getUserDetails(prisma, id);
  if (!user) notFound();
  const manage = can(me, "users.manage");
  const held = user.roles.map((r) => r.role.name);
  const [grantable, sessions] = await Promise.all([
    manage ? listRoles(prisma).then((roles) => roles.filter((r) => !held.includes(r.name))) : [],
    listSessions(prisma, user.id),
  ]);
  const timeZone = env().FESTIVAL_TIME_ZONE;
  const now = new Date();
  return (
    <section className="panel wide" aria-labelledby="user-title">
      <p>
        <Link href="/admin/users">All users</Link>
      </p>
      <h1 id="user-title">{user.email}</h1>
      <dl className="details">
        <div>
          <dt>Name</dt>
          <dd>{user.name ?? "—"}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-testid="user-status">{user.active ? "Active" : "Inactive"}</dd>
        </div>
        <div>
          <dt>Member since</dt>
          <dd>
            <TimeText date={user.createdAt} timeZone={timeZone} style="date" />
          </dd>
        </div>
        <div>
          <dt>Sign-ins</dt>
          <dd>{user.signInCount}</dd>
        </div>
        <div>
          <dt>Latest sign-in</dt>
          <dd>
            <TimeText date={user.currentSignInAt} timeZone={timeZone} style="relative" now={now} />
            {user.currentSignInIp ? ` from ${user.currentSignInIp}` : ""}
          </dd>
        </div>
        <div>
          <dt>Sign-in before that</dt>
          <dd>
            <TimeText date={user.lastSignInAt} timeZone={timeZone} style="relative" now={now} />
            {user.lastSignInIp ? ` from ${user.lastSignInIp}` : ""}
          </dd>
        </div>
      </dl>

      <h2 id="roles-title">Roles</h2>
      {held.length === 0 && <p className="muted">No roles.</p>}
      <ul className="role-list" aria-labelledby="roles-title">
        {held.map((role) => (
          <li key={role}>
            <span className="tag">{role}</span>
            {manage && (
              <ActionForm action={revokeRoleAction} hidden={{ userId: user.id, role }} submitLabel={`Remove ${role}`} pendingLabel="Removing…" danger />
            )}
          </li>
        ))}
      </ul>
      {manage && grantable.length > 0 && (
        <ActionForm action={grantRoleAction} hidden={{ userId: user.id }} submitLabel="Add role" pendingLabel="Adding…">
          <div className="field">
            <label htmlFor="grant-role">Role to add</label>
            <select id="grant-role" name="role" required>
              {grantable.map((r) => (
                <option key={r.id} value={r.name}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
        </ActionForm>
      )}

      <h2 id="sessions-title">Sessions</h2>
      <SessionTable
        timeZone={timeZone}
        sessions={sessions}
        caption={`Sessions of ${user.email}`}
        currentId={me.session.id}
        action={
          manage
            ? (session) => (
                <ActionForm action={endUserSessionsAction} hidden={{ userId: user.id, sessionId: session.id }} submitLabel="Sign out" pendingLabel="Signing out…" danger />
              )
            : undefined
        }
      />
      {manage && sessions.length > 0 && (
        <ActionForm action={endUserSessionsAction} hidden={{ userId: user.id }} submitLabel="Sign out of all sessions" pendingLabel="Signing out…" danger />
      )}

      {manage && (
        <>
          <h2>Account</h2>
          <div className="actions-row">
            {user.active && (
              <ActionForm action={sendPasswordResetAction} hidden={{ userId: user.id }} submitLabel="Send password-reset link" pendingLabel="Sending…" />
            )}
            {user.active ? (
              <ActionForm action={setActiveAction} hidden={{ userId: user.id, active: "false" }} submitLabel="Deactivate" pendingLabel="Deactivating…" danger />
            ) : (
              <ActionForm action={setActiveAction} hidden={{ userId: user.id, active: "true" }} submitLabel="Activate" pendingLabel="Activating…" />
            )}
            <Link className="button button-quiet" href={`/admin/users/${user.id}/delete`}>
              Delete user…
            </Link>
          </div>
        </>
      )}
      {can(me, "audit.read") && (
        <p>
          <Link href={`/admin/audit?${new URLSearchParams({ user: user.email })}`}>Security events for this user</Link>
        </p>
      )}
    </section>
  );
}
