import type { ReactNode } from "react";
import type { EntryView } from "@/lib/festival/entries";
import { classCode } from "@/lib/festival/names";
import { formatDuration } from "@/lib/festival/durations";
import { formatCents } from "@/lib/festival/money";

const STATUS = { draft: "Draft", submitted: "Submitted", withdrawn: "Withdrawn" } as Record<string, string>;

/** Entries as a table (names only, nothing private); `actions` adds a last column per entry. */
export function EntryTable({ entries, caption, actions }: { entries: EntryView[]; caption: string; actions?: (entry: EntryView) => ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Class</th>
            <th scope="col">Performers</th>
            <th scope="col">Pieces</th>
            <th scope="col">Status</th>
            <th scope="col">Fee</th>
            {actions && <th scope="col">Change</th>}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} data-entry-id={e.id}>
              <td>
                {classCode(e.festivalClass)} {e.festivalClass.name}
              </td>
              <td>
                {e.performers.map((p) => p.profile.name).join(", ")}
                {e.accompanist && <div className="muted">Accompanist: {e.accompanist.name}</div>}
                {e.teacher && <div className="muted">Teacher: {e.teacher.name}</div>}
              </td>
              <td>
                <ul className="plain-list">
                  {e.pieces.map((p, i) => (
                    <li key={i}>
                      {p.piece.title}
                      {p.piece.composer && `, ${p.piece.composer}`} ({formatDuration(p.durationSeconds)})
                    </li>
                  ))}
                </ul>
              </td>
              <td>{STATUS[e.status] ?? e.status}</td>
              <td>{e.status === "withdrawn" ? "—" : formatCents(e.feeCents ?? e.festivalClass.feeCents)}</td>
              {actions && <td>{actions(e)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
