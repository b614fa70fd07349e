import "server-only";
import { forbidden } from "next/navigation";
import { requirePermission, type GuardOptions } from "@/lib/auth/guards";
import type { CurrentUser } from "@/lib/auth/sessions";
import { can, type Permission } from "@/lib/auth/permissions";

/**
 * The first call of every admin page and server action, before it reads anything: `admin.access` (the
 * console itself) and the permission of the page or action, both from the database. The (admin) layout
 * is no guard: the App Router renders a page alongside its layout (its rows can stream before the
 * layout's 403) and a client navigation (`RSC: 1`) may render the page without the layout at all; and
 * the middleware only checks that a session cookie is there. tests/unit/admin-guarded.test.ts keeps
 * every page and action calling this first.
 */
export async function requireAdmin(permission: Permission, options: GuardOptions = {}): Promise<CurrentUser> {
  const user = await requirePermission("admin.access", options);
  if (!can(user, permission)) forbidden();
  return user;
}
