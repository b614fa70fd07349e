import type { Metadata } from "next";
import { AccessDenied } from "@/components/access-denied";

export const metadata: Metadata = { title: "No access" };

// Rendered with status 403 when a guard calls forbidden().
export default function Forbidden() {
  return <AccessDenied />;
}
