import { requirePermission } from "@/lib/auth/guards";

// The server's own check: a signed-in user without admin.access gets the 403 page (app/forbidden.tsx).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requirePermission("admin.access", "/admin");
  return children;
}
