import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";
import { can, PERMISSIONS } from "@/lib/auth/permissions";
import { prisma } from "@/lib/db";
import { getRole } from "@/lib/roles/service";
import { ActionForm } from "@/components/forms/action-form";
import { deleteRoleAction, updateRoleAction } from "../actions";
import { RoleForm } from "../role-form";

export const metadata: Metadata = { title: "Role · Admin" };

export default async function RolePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const me = await requireAdmin("users.read");
  const role = await getRole(prisma, id);
  if (!role) notFound();
  const manage = can(me, "roles.manage");
  return (
    <section className="panel" aria-labelledby="role-title">
      <p>
        <Link href="/admin/roles">All roles</Link>
      </p>
      <h1 id="role-title">Role {role.name}</h1>
      <p>
        {role.userCount} {role.userCount === 1 ? "user holds" : "users hold"} this role.{" "}
        <Link href={`/admin/users?${new URLSearchParams({ role: role.name })}`}>See them</Link>
      </p>
      {manage ? (
        <>
          <RoleForm
            action={updateRoleAction}
            role={role}
            permissions={Object.entries(PERMISSIONS).map(([name, description]) => ({ name, description }))}
            submitLabel="Save role"
          />
          {!role.builtIn && (
            <>
              <h2>Delete</h2>
              <p>Everyone holding this role loses it, and their sessions end.</p>
              <ActionForm action={deleteRoleAction} hidden={{ roleId: role.id }} submitLabel={`Delete role ${role.name}`} pendingLabel="Deleting…" danger />
            </>
          )}
        </>
      ) : (
        <dl className="details">
          <div>
            <dt>Description</dt>
            <dd>{role.description || "—"}</dd>
          </div>
          <div>
            <dt>Permissions</dt>
            <dd>{role.permissions.join(", ") || "None"}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
