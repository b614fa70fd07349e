import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";

// Any unknown path under /account. Without this page Next would serve its prerendered 404 HTML there,
// under the middleware's nonce policy, which blocks every script of it (that HTML has no nonce).
// Rendered per request (the guard reads the session), the 404 carries the nonce like any page here.
// scripts/csp-hashes.ts fails the build when a matched prefix has no such catch-all.
export default async function MissingAccountPage(): Promise<never> {
  await requireUser();
  notFound();
}
