import Link from "next/link";
import { requireAdmin } from "@/lib/admin/guard";
import { can } from "@/lib/auth/permissions";
import { flashToken } from "@/lib/admin/flash-token";
import { FlashCheck } from "@/components/flash-check";

// The server's own check: a signed-in user without admin.access gets the 403 page (app/forbidden.tsx).
// Each page and action below checks its own permission again (users.read, users.manage, …).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireAdmin("admin.access");
  return (
    <div className="admin">
      <nav aria-label="Admin" className="admin-nav">
        <ul className="nav-list">
          <li>
            <Link href="/admin">Dashboard</Link>
          </li>
          {can(user, "users.read") && (
            <>
              <li>
                <Link href="/admin/users">Users</Link>
              </li>
              <li>
                <Link href="/admin/roles">Roles</Link>
              </li>
            </>
          )}
          {can(user, "festival.read") && (
            <li>
              <Link href="/admin/festival">Festival</Link>
            </li>
          )}
          {can(user, "audit.read") && (
            <li>
              <Link href="/admin/audit">Audit log</Link>
            </li>
          )}
        </ul>
      </nav>
      {children}
      <FlashCheck token={await flashToken()} />
    </div>
  );
}
