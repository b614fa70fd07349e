import type { ReactNode } from "react";
import { describeDevice } from "@/lib/auth/user-agent";
import { TimeText } from "@/components/time-text";

interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/**
 * "Where you're signed in": one row per live session, its device (from the user agent), address,
 * sign-in and last activity (to within 5 minutes: see SESSION_TOUCH_MS), and what may be done with it.
 */
export function SessionTable({
  sessions,
  caption,
  currentId,
  action,
  timeZone,
}: {
  sessions: SessionRow[];
  caption: string;
  /** The session of the request showing the list, marked "this device". */
  currentId?: string;
  action?: (session: SessionRow) => ReactNode;
  /** The festival's zone (env().FESTIVAL_TIME_ZONE). */
  timeZone: string;
}) {
  if (!sessions.length) return <p className="muted">No active sessions.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Device</th>
            <th scope="col">Address</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last active</th>
            {action && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id} data-testid="session-row">
              <td>
                {describeDevice(session.userAgent)}
                {session.id === currentId && <span className="tag"> This device</span>}
              </td>
              <td>{session.ip ?? "Unknown"}</td>
              <td>
                <TimeText date={session.createdAt} timeZone={timeZone} style="relative" />
              </td>
              <td>
                <TimeText date={session.lastSeenAt} timeZone={timeZone} style="relative" />
              </td>
              {action && <td>{action(session)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
