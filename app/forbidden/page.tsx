import type { Metadata } from "next";
import { AccessDenied } from "@/components/access-denied";

export const metadata: Metadata = { title: "No access" };

// Where the middleware rewrites /admin for signed-in users without admin.access (status 403 is set there).
export default function ForbiddenPage() {
  return <AccessDenied />;
}
