import type { Metadata } from "next";
import Link from "next/link";
import { requireAdmin } from "@/lib/admin/guard";
import { can, PERMISSIONS } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { listRoles } from "@/lib/roles/service";
import { createRoleAction } from "./actions";
import { RoleForm } from "./role-form";
import { TableScroll } from "@/components/table-scroll";

export const metadata: Metadata = { title: "Roles · Admin" };

export default async function RolesPage() {
  const me = await requireAdmin("users.read");
  const roles = await listRoles(prisma);
  return (
    <section className="panel wide" aria-labelledby="roles-title">
      <h1 id="roles-title">Roles</h1>
      <TableScroll label="Roles and the permissions they grant">
        <table>
          <caption className="visually-hidden">Roles and the permissions they grant</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Description</th>
              <th scope="col">Permissions</th>
              <th scope="col">Users</th>
            </tr>
          </thead>
          <tbody>
            {roles.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link href={`/admin/roles/${r.id}`}>{r.name}</Link>
                </th>
                <td className="cell-wrap">{r.description || "—"}</td>
                <td className="cell-wrap">{r.permissions.join(", ") || "—"}</td>
                <td>{r.userCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {can(me, "roles.manage") && (
        <>
          <h2>New role</h2>
          <RoleForm
            action={createRoleAction}
            permissions={Object.entries(PERMISSIONS).map(([name, description]) => ({ name, description }))}
            submitLabel="Create role"
          />
        </>
      )}
    </section>
  );
}
