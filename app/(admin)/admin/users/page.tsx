import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/admin/guard";
import { prisma } from "@/lib/db";
import { listUsers, USER_SORTS, type UserSort } from "@/lib/users/admin";
import { listRoleNames } from "@/lib/roles/service";
import { env } from "@/lib/env";
import { pageParam, param, withParams, type SearchParams } from "@/lib/admin/search-params";
import { Pagination } from "@/components/pagination";
import { TableScroll } from "@/components/table-scroll";
import { TimeText } from "@/components/time-text";

export const metadata: Metadata = { title: "Users · Admin" };

const SORT_LABELS: Record<UserSort, string> = { created: "Newest first", email: "E-mail (A–Z)", "last-sign-in": "Last sign-in" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireAdmin("users.read");
  const params = await searchParams;
  const q = param(params, "q")?.trim() || undefined;
  const sortParam = param(params, "sort");
  const sort: UserSort = USER_SORTS.includes(sortParam as UserSort) ? (sortParam as UserSort) : "created";
  const status = param(params, "status");
  const active = status === "active" ? true : status === "inactive" ? false : undefined;
  const roles = await listRoleNames(prisma);
  const roleParam = param(params, "role");
  const role = roles.some((r) => r.name === roleParam) ? roleParam : undefined;
  const page = pageParam(params);
  const { total, users, pageCount } = await listUsers(prisma, { q, role, active, sort, page });
  const query = { q, role, status: active === undefined ? undefined : status, sort: sort === "created" ? undefined : sort };
  const timeZone = env().FESTIVAL_TIME_ZONE;
  const now = new Date();
  return (
    <section className="panel wide" aria-labelledby="users-title">
      <h1 id="users-title">Users</h1>
      <form method="get" action="/admin/users" className="filters" role="search" aria-label="Find users">
        <div className="field">
          <label htmlFor="filter-q">E-mail or name starts with</label>
          <input id="filter-q" name="q" type="search" defaultValue={q ?? ""} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor="filter-role">Role</label>
          <select id="filter-role" name="role" defaultValue={role ?? ""}>
            <option value="">Any role</option>
            {roles.map((r) => (
              <option key={r.id} value={r.name}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={query.status ?? ""}>
            <option value="">Active or not</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-sort">Sort by</label>
          <select id="filter-sort" name="sort" defaultValue={sort}>
            {USER_SORTS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Search
        </button>
      </form>
      <p className="stat" aria-live="polite">
        <span className="stat-value" data-testid="match-count">
          {total}
        </span>{" "}
        {total === 1 ? "user" : "users"}
      </p>
      <TableScroll label="Users found">
        <table>
          <caption className="visually-hidden">Users, {SORT_LABELS[sort].toLowerCase()}</caption>
          <thead>
            <tr>
              <th scope="col">E-mail</th>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Joined</th>
              <th scope="col">Last sign-in</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link href={`/admin/users/${u.id}`}>{u.email}</Link>
                </td>
                <td>{u.name ?? "—"}</td>
                <td>{u.active ? "Active" : "Inactive"}</td>
                <td>
                  <TimeText date={u.createdAt} timeZone={timeZone} style="date" />
                </td>
                <td>
                  <TimeText date={u.currentSignInAt} timeZone={timeZone} style="relative" now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={page} pageCount={pageCount} label="Pages of users" href={(p) => withParams("/admin/users", query, { page: String(p) })} />
    </section>
  );
}
