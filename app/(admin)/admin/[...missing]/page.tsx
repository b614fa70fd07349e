import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guards";

// Any unknown path under /admin: the 404 rendered per request, with the middleware's nonce, instead
// of the prerendered 404 HTML whose scripts that nonce policy would block (see scripts/csp-hashes.ts).
export default async function MissingAdminPage(): Promise<never> {
  await requirePermission("admin.access", "/admin");
  notFound();
}
