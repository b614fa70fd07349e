"use server";
import { prisma } from "@/lib/db";
import { requireAdmin } from "@/lib/admin/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { requireFreshAuth } from "@/lib/auth/freshness";
import { userActor } from "@/lib/auth/actor";
import { createRole, deleteRole, saveRole } from "@/lib/roles/service";
import { redirectWithFlash } from "@/lib/flash";
import { formAction, plainFields } from "@/lib/forms/form-action";
import { formFields } from "@/lib/validation/user";
import { ROLE_DESCRIPTION_MAX_LENGTH, ROLE_NAME_MAX_LENGTH } from "@/lib/validation/limits";
import { roleFormSchema } from "@/lib/validation/role";
import type { FormState } from "@/components/forms/form-state";

// Public endpoints: each checks admin.access and roles.manage first (a refusal is a 403); the service
// refuses granting a permission the user does not hold, permissions on a festival role, renaming or
// deleting a built-in role, and leaving nobody able to manage roles.

export type RoleFields = "name" | "description" | "permission";
type State = FormState<string>;

/** Every role change is a permission change: it needs a recent authentication (lib/auth/freshness.ts). */
async function roleManager() {
  const me = await requireAdmin("roles.manage");
  await requireFreshAuth(me);
  return userActor(me, await requestIp());
}

function permissionsFrom(formData: FormData): string[] {
  return formData.getAll("permission").filter((v): v is string => typeof v === "string");
}

const ROLE_FIELD_LIMITS = { name: ROLE_NAME_MAX_LENGTH, description: ROLE_DESCRIPTION_MAX_LENGTH } as const;

export async function createRoleAction(_prev: FormState<RoleFields>, formData: FormData): Promise<FormState<RoleFields>> {
  return formAction(formData, {
    guard: () => roleManager(),
    schema: roleFormSchema,
    echo: ROLE_FIELD_LIMITS,
    where: "create-role",
    run: async (actor, data) => {
      const { id } = await createRole(prisma, actor, { ...data, permissions: permissionsFrom(formData) });
      await redirectWithFlash(`Role ${data.name} created.`, `/admin/roles/${id}`);
    },
  });
}

export async function updateRoleAction(_prev: FormState<RoleFields>, formData: FormData): Promise<FormState<RoleFields>> {
  const { roleId: id = "" } = formFields(formData, ["roleId"]);
  return formAction(formData, {
    guard: () => roleManager(),
    schema: roleFormSchema,
    echo: ROLE_FIELD_LIMITS,
    where: "update-role",
    run: async (actor, data) => {
      // One transaction: a refused permission leaves the name and description unchanged too.
      await saveRole(prisma, actor, id, { ...data, permissions: permissionsFrom(formData) });
      await redirectWithFlash(`Role ${data.name} saved.`, `/admin/roles/${id}`);
    },
  });
}

export async function deleteRoleAction(_prev: State, formData: FormData): Promise<State> {
  const { roleId = "" } = formFields(formData, ["roleId"]);
  return formAction(formData, {
    guard: () => roleManager(),
    schema: plainFields([]),
    echo: {},
    where: "delete-role",
    run: async (actor) => {
      await deleteRole(prisma, actor, roleId);
      await redirectWithFlash("The role has been deleted.", "/admin/roles");
    },
  });
}
