import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { listUsersNewestFirst } from "@/lib/users/service";
import { formatDate, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Admin" };

function pageNumber(raw: string | string[] | undefined): number {
  const n = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}

export default async function AdminHome({ searchParams }: { searchParams: Promise<{ page?: string | string[] }> }) {
  await requirePermission("admin.access", "/admin");
  const page = pageNumber((await searchParams).page);
  const { total, users, pageCount } = await listUsersNewestFirst(prisma, page);
  return (
    <section className="panel wide" aria-labelledby="admin-title">
      <h1 id="admin-title">Admin</h1>
      <p className="stat">
        <span className="stat-value" data-testid="user-count">
          {total}
        </span>{" "}
        {total === 1 ? "user" : "users"}
      </p>
      <h2>Users, newest first</h2>
      <div className="table-wrap">
        <table>
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
                <td>{u.email}</td>
                <td>{u.name ?? "—"}</td>
                <td>{u.active ? "Active" : "Inactive"}</td>
                <td>{formatDate(u.createdAt)}</td>
                <td>{formatDateTime(u.currentSignInAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pagination" aria-label="Pages of users">
        {page > 1 ? <Link href={`/admin?page=${page - 1}`}>Previous</Link> : <span aria-hidden="true" />}
        <span>
          Page {Math.min(page, pageCount)} of {pageCount}
        </span>
        {page < pageCount ? <Link href={`/admin?page=${page + 1}`}>Next</Link> : <span aria-hidden="true" />}
      </nav>
    </section>
  );
}
