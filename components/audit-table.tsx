import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { TimeText } from "./time-text";
import { TableScroll } from "./table-scroll";

interface AuditRow {
  id: string;
  createdAt: Date;
  action: string;
  actorLabel: string;
  subjectLabel: string | null;
  ip: string | null;
  details: string | null;
}

function describe(details: string | null): string {
  if (!details) return "";
  try {
    return Object.entries(JSON.parse(details) as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`)
      .join("; ");
  } catch {
    return "";
  }
}

/** Security events as a table: time, action, actor, subject, IP, details. */
export function AuditTable({ events, caption, timeZone }: { events: AuditRow[]; caption: string; timeZone: string }) {
  const now = new Date(); // one reference for the whole table (a server component: nothing to hydrate)
  return (
    <TableScroll label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Action</th>
            <th scope="col">Actor</th>
            <th scope="col">Subject</th>
            <th scope="col">IP</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} data-action={e.action}>
              <td>
                <TimeText date={e.createdAt} timeZone={timeZone} style="relative" now={now} />
              </td>
              <td>{AUDIT_ACTIONS[e.action as AuditAction] ?? e.action}</td>
              <td>{e.actorLabel}</td>
              <td>{e.subjectLabel ?? "—"}</td>
              <td>{e.ip ?? "—"}</td>
              <td className="cell-wrap">{describe(e.details)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {events.length === 0 && <p className="muted">No events.</p>}
    </TableScroll>
  );
}
