import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/admin/guard";

// Any unknown path under /admin: the 404 rendered per request, with the middleware's nonce, instead
// of the prerendered 404 HTML whose scripts that nonce policy would block (see scripts/csp-hashes.ts).
export default async function MissingAdminPage(): Promise<never> {
  await requireAdmin("admin.access");
  notFound();
}
