import type { Metadata } from "next";
import { requireAdmin } from "@/lib/admin/guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { listLookups, LOOKUP_KINDS, type LookupKind } from "@/lib/festival/lookups";
import { ActionForm } from "@/components/forms/action-form";
import { deleteLookupAction, saveLookupAction } from "../actions";
import { LookupForm } from "./lookup-form";
import { FestivalNav } from "../festival-nav";

export const metadata: Metadata = { title: "Disciplines, levels and types · Admin" };

type Row = { id: string; name: string; sortOrder: number; minPerformers?: number; maxPerformers?: number | null; _count: { classes: number } };

function performers(row: Row): string {
  if (row.minPerformers === undefined) return "";
  if (row.maxPerformers === row.minPerformers) return String(row.minPerformers);
  return row.maxPerformers === null || row.maxPerformers === undefined ? `${row.minPerformers}+` : `${row.minPerformers}–${row.maxPerformers}`;
}

export default async function LookupsPage() {
  const me = await requireAdmin("festival.read");
  const lists = await listLookups(prisma);
  const manage = can(me, "festival.manage");
  const sections: [LookupKind, Row[]][] = [
    ["discipline", lists.disciplines],
    ["level", lists.levels],
    ["performance-type", lists.performanceTypes],
  ];
  return (
    <section className="panel wide" aria-labelledby="lookups-title">
      <h1 id="lookups-title">Disciplines, levels and performance types</h1>
      <FestivalNav />
      <p>Lists every season&apos;s classes are filed under, in this order. An item a class uses cannot be deleted.</p>
      {sections.map(([kind, rows]) => (
        <section key={kind} aria-labelledby={`${kind}-title`}>
          <h2 id={`${kind}-title`}>{LOOKUP_KINDS[kind].plural}</h2>
          {manage ? (
            <ul className="lookup-list">
              {rows.map((row) => (
                <li key={row.id}>
                  <LookupForm action={saveLookupAction} kind={kind} row={row} withPerformers={kind === "performance-type"} submitLabel={`Save ${row.name}`} />
                  <span className="muted">
                    {row._count.classes} {row._count.classes === 1 ? "class" : "classes"}
                  </span>
                  {row._count.classes === 0 && (
                    <ActionForm action={deleteLookupAction} hidden={{ kind, lookupId: row.id }} submitLabel={`Delete ${row.name}`} pendingLabel="Deleting…" danger />
                  )}
                </li>
              ))}
              <li>
                <h3>New {LOOKUP_KINDS[kind].label.toLowerCase()}</h3>
                <LookupForm action={saveLookupAction} kind={kind} withPerformers={kind === "performance-type"} submitLabel={`Add ${LOOKUP_KINDS[kind].label.toLowerCase()}`} />
              </li>
            </ul>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">{LOOKUP_KINDS[kind].plural}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Order</th>
                    {kind === "performance-type" && <th scope="col">Performers</th>}
                    <th scope="col">Classes</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <th scope="row">{row.name}</th>
                      <td>{row.sortOrder}</td>
                      {kind === "performance-type" && <td>{performers(row)}</td>}
                      <td>{row._count.classes}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </section>
  );
}
