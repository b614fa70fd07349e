import "server-only";
import { BUILT_IN_ROLES, SELF_SERVICE_ROLES } from "@/lib/auth/permissions";
import type { UserAccess } from "@/lib/users/access";
import type { AccountView } from "./view";
import { env } from "@/lib/env";

/** Everything /account shows, from the access record the guard already read: no further query. */
export function accountView(user: UserAccess): AccountView {
  const iso = (date: Date | null) => date?.toISOString() ?? null;
  return {
    email: user.email,
    name: user.name ?? "",
    roles: user.roles,
    createdAt: user.createdAt.toISOString(),
    signIns: {
      count: user.signIns.count,
      currentAt: iso(user.signIns.currentAt),
      currentIp: user.signIns.currentIp,
      lastAt: iso(user.signIns.lastAt),
      lastIp: user.signIns.lastIp,
    },
    festivalRoles: SELF_SERVICE_ROLES.map((name) => ({
      name,
      description: BUILT_IN_ROLES.find((r) => r.name === name)?.description ?? "",
      held: user.roles.includes(name),
    })),
    timeZone: env().FESTIVAL_TIME_ZONE,
  };
}
