import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/admin/guard";
import { can } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { dashboardStats } from "@/lib/users/admin";
import { recentAuditEvents } from "@/lib/audit/query";
import { env } from "@/lib/env";
import { AuditTable } from "@/components/audit-table";

export const metadata: Metadata = { title: "Admin" };

export default async function AdminDashboard() {
  const user = await requireAdmin("admin.access");
  const [stats, recent] = await Promise.all([dashboardStats(prisma), can(user, "audit.read") ? recentAuditEvents(prisma) : null]);
  const figures = [
    { id: "user-count", label: "users", value: stats.users },
    { id: "active-count", label: "active", value: stats.active },
    { id: "new-count", label: "signed up this week", value: stats.newThisWeek },
    { id: "sign-in-count", label: "sign-ins in the last 24 hours", value: stats.signInsLastDay },
  ];
  return (
    <section className="panel wide" aria-labelledby="admin-title">
      <h1 id="admin-title">Admin</h1>
      <ul className="stats" aria-label="Figures">
        {figures.map((f) => (
          <li key={f.id} className="stat">
            <span className="stat-value" data-testid={f.id}>
              {f.value}
            </span>{" "}
            {f.label}
          </li>
        ))}
      </ul>
      {recent && (
        <>
          <h2>Recent security events</h2>
          <AuditTable events={recent} caption="Recent security events" timeZone={env().FESTIVAL_TIME_ZONE} />
          <p>
            <Link href="/admin/audit">The whole audit log</Link>
          </p>
        </>
      )}
    </section>
  );
}
