import type { Metadata } from "next";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { isAuditAction, listAuditEvents } from "@/lib/audit/query";
import { pageParam, param, withParams, type SearchParams } from "@/lib/admin/search-params";
import { env } from "@/lib/env";
import { AuditTable } from "@/components/audit-table";
import { Pagination } from "@/components/pagination";

export const metadata: Metadata = { title: "Audit log · Admin" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("audit.read");
  const params = await searchParams;
  const actionParam = param(params, "action");
  const action = isAuditAction(actionParam) ? actionParam : undefined;
  const user = param(params, "user")?.trim() || undefined;
  const page = pageParam(params);
  const { total, events, pageCount } = await listAuditEvents(prisma, { action, user, page });
  const query = { action, user };
  return (
    <section className="panel wide" aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      <form method="get" action="/admin/audit" className="filters" role="search" aria-label="Filter events">
        <div className="field">
          <label htmlFor="filter-action">Action</label>
          <select id="filter-action" name="action" defaultValue={action ?? ""}>
            <option value="">Any action</option>
            {Object.entries(AUDIT_ACTIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-user">E-mail of the user</label>
          <input id="filter-user" name="user" type="search" defaultValue={user ?? ""} maxLength={254} />
        </div>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      <p className="stat">
        <span className="stat-value" data-testid="event-count">
          {total}
        </span>{" "}
        {total === 1 ? "event" : "events"}
      </p>
      <AuditTable events={events} caption="Security events, newest first" timeZone={env().FESTIVAL_TIME_ZONE} />
      <Pagination page={page} pageCount={pageCount} label="Pages of events" href={(p) => withParams("/admin/audit", query, { page: String(p) })} />
    </section>
  );
}
