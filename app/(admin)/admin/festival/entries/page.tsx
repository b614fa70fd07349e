import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/admin/guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { getCurrentSeason } from "@/lib/festival/current-season";
import { ENTRY_STATUSES, listSeasonEntries, type AdminEntryFilters } from "@/lib/festival/admin-entries";
import { classCode } from "@/lib/festival/names";
import { formatCents } from "@/lib/festival/money";
import { pageParam, param, withParams, type SearchParams } from "@/lib/admin/search-params";
import { Pagination } from "@/components/pagination";
import { ActionForm } from "@/components/forms/action-form";
import { markPaymentAction } from "./actions";

export const metadata: Metadata = { title: "Entries · Admin" };

const PATH = "/admin/festival/entries";
const TEXT_FILTERS = [
  ["classCode", "Class number"],
  ["performer", "Performer name"],
  ["teacher", "Teacher name"],
  ["school", "School"],
] as const;

export default async function AdminEntriesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const me = await requireAdmin("festival.read");
  const params = await searchParams;
  const filters: AdminEntryFilters = {
    classCode: param(params, "classCode")?.trim() || undefined,
    disciplineId: param(params, "discipline") || undefined,
    status: param(params, "status") || undefined,
    teacher: param(params, "teacher")?.trim() || undefined,
    school: param(params, "school")?.trim() || undefined,
    performer: param(params, "performer")?.trim() || undefined,
  };
  const query = { ...filters, discipline: filters.disciplineId, disciplineId: undefined };
  const page = pageParam(params);
  const season = await getCurrentSeason();
  if (!season) {
    return (
      <section className="panel wide" aria-labelledby="entries-title">
        <h1 id="entries-title">Entries</h1>
        <p>There is no current season.</p>
      </section>
    );
  }
  const [{ total, entries, pageCount }, disciplines] = await Promise.all([
    listSeasonEntries(prisma, season.id, filters, page),
    prisma.discipline.findMany({ orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, name: true } }),
  ]);
  const manage = can(me, "festival.manage");
  return (
    <section className="panel wide" aria-labelledby="entries-title">
      <h1 id="entries-title">Entries, {season.name}</h1>
      <form method="get" action={PATH} className="filters" role="search" aria-label="Filter entries">
        {TEXT_FILTERS.map(([name, label]) => (
          <div className="field" key={name}>
            <label htmlFor={`filter-${name}`}>{label}</label>
            <input id={`filter-${name}`} name={name} type="search" defaultValue={filters[name] ?? ""} maxLength={120} />
          </div>
        ))}
        <div className="field">
          <label htmlFor="filter-discipline">Discipline</label>
          <select id="filter-discipline" name="discipline" defaultValue={filters.disciplineId ?? ""}>
            <option value="">Any discipline</option>
            {disciplines.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">Any status</option>
            {ENTRY_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <p>
        {total} {total === 1 ? "entry" : "entries"}
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col">Performers</th>
              <th scope="col">Teacher</th>
              <th scope="col">Entered by</th>
              <th scope="col">Status</th>
              <th scope="col">Fee</th>
              <th scope="col">Paid</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-entry-id={e.id}>
                <td>
                  {manage ? (
                    // Organizers change any entry, after entries close too (the entry form, audited).
                    <Link href={`/entries/${e.id}/edit`} aria-label={`Change entry ${classCode(e.festivalClass)} ${e.performers.map((p) => p.profile.name).join(", ")}`}>
                      {classCode(e.festivalClass)} {e.festivalClass.name}
                    </Link>
                  ) : (
                    <>
                      {classCode(e.festivalClass)} {e.festivalClass.name}
                    </>
                  )}
                  <div className="muted">{e.festivalClass.discipline.name}</div>
                </td>
                <td>{e.performers.map((p) => p.profile.name + (p.profile.school ? ` (${p.profile.school.name})` : "")).join(", ")}</td>
                <td>{e.teacher?.name ?? "—"}</td>
                <td>{e.account?.email ?? e.submitterEmail ?? "—"}</td>
                <td>{e.status}</td>
                <td>{e.feeCents === null ? "—" : formatCents(e.feeCents)}</td>
                <td>
                  {manage ? (
                    <ActionForm action={markPaymentAction} hidden={{ entryId: e.id }} submitLabel="Save" pendingLabel="Saving…">
                      <label className="visually-hidden" htmlFor={`paid-${e.id}`}>
                        Paid for entry {classCode(e.festivalClass)} {e.performers.map((p) => p.profile.name).join(", ")}
                      </label>
                      <input id={`paid-${e.id}`} name="paid" defaultValue={(e.paidCents / 100).toFixed(2)} size={8} inputMode="decimal" />
                    </ActionForm>
                  ) : (
                    formatCents(e.paidCents)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={page} pageCount={pageCount} label="Entries pages" href={(p) => withParams(PATH, query, { page: String(p) })} />
    </section>
  );
}
