import { requireUser } from "@/lib/auth/guards";
import { BUILT_IN_ROLES, SELF_SERVICE_ROLES } from "@/lib/auth/permissions";
import { FestivalRolesFields } from "./festival-roles-fields";
import { flashToken } from "@/lib/admin/flash-token";
import { FlashCheck } from "@/components/flash-check";

/** "Your part in the festival": the roles a user may pick or drop themselves. */
export async function FestivalRolesForm() {
  const user = await requireUser("/account");
  const roles = SELF_SERVICE_ROLES.map((name) => ({
    name,
    description: BUILT_IN_ROLES.find((r) => r.name === name)?.description ?? "",
    held: user.roles.includes(name),
  }));
  return (
    <>
      <FestivalRolesFields roles={roles} />
      <FlashCheck token={await flashToken()} />
    </>
  );
}
