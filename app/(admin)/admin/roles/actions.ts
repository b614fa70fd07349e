"use server";
import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/admin/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { requireFreshAuth } from "@/lib/auth/freshness";
import { userOperator } from "@/lib/auth/operator";
import { createRole, deleteRole, saveRole } from "@/lib/roles/service";
import { finishAdminChange } from "@/lib/admin/action-result";
import { firstFieldErrors, formFields } from "@/lib/validation/user";
import { roleFormSchema } from "@/lib/validation/role";
import type { FormState } from "@/components/forms/form-state";

// Public endpoints: each checks admin.access and roles.manage first (a refusal is a 403); the service
// refuses granting a permission the user does not hold, permissions on a festival role, renaming or
// deleting a built-in role, and leaving nobody able to manage roles.

export type RoleFields = "name" | "description" | "permission";
type State = FormState<string>;

/** Every role change is a permission change: it needs a recent authentication (lib/auth/freshness.ts). */
async function operator(freshFor: string) {
  const me = await requireAdmin("roles.manage", "/admin/roles");
  requireFreshAuth(me, freshFor);
  return userOperator(me, await requestIp());
}

function permissionsFrom(formData: FormData): string[] {
  return formData.getAll("permission").filter((v): v is string => typeof v === "string");
}

export async function createRoleAction(_prev: FormState<RoleFields>, formData: FormData): Promise<FormState<RoleFields>> {
  const op = await operator("/admin/roles");
  const raw = formFields(formData, ["name", "description"]);
  const values = { name: raw.name?.slice(0, 100) ?? "", description: raw.description?.slice(0, 400) ?? "" };
  const parsed = roleFormSchema.safeParse(raw);
  if (!parsed.success) return { values, errors: firstFieldErrors(parsed.error) };
  let id = "";
  return finishAdminChange(
    async () => {
      id = (await createRole(prisma, op, { ...parsed.data, permissions: permissionsFrom(formData) })).id;
    },
    { flash: `Role ${parsed.data.name} created.`, get redirectTo() { return `/admin/roles/${id}`; } },
    values,
  );
}

export async function updateRoleAction(_prev: FormState<RoleFields>, formData: FormData): Promise<FormState<RoleFields>> {
  const raw = formFields(formData, ["roleId", "name", "description"]);
  const op = await operator(`/admin/roles/${encodeURIComponent(raw.roleId ?? "")}`);
  const values = { name: raw.name?.slice(0, 100) ?? "", description: raw.description?.slice(0, 400) ?? "" };
  const parsed = roleFormSchema.safeParse(raw);
  if (!parsed.success) return { values, errors: firstFieldErrors(parsed.error) };
  const id = raw.roleId ?? "";
  return finishAdminChange(
    // One transaction: a refused permission leaves the name and description unchanged too.
    () => saveRole(prisma, op, id, { ...parsed.data, permissions: permissionsFrom(formData) }),
    { flash: `Role ${parsed.data.name} saved.`, redirectTo: `/admin/roles/${id}` },
    values,
  );
}

export async function deleteRoleAction(_prev: State, formData: FormData): Promise<State> {
  const { roleId = "" } = formFields(formData, ["roleId"]);
  const op = await operator(`/admin/roles/${encodeURIComponent(roleId)}`);
  return finishAdminChange(() => deleteRole(prisma, op, roleId), { flash: "The role has been deleted.", redirectTo: "/admin/roles" });
}
