import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";

// /entries/<anything> that is not one of the entry pages: a 404 rendered per request (the guard reads
// the session), so its scripts carry the middleware's nonce; scripts/csp-hashes.ts checks every matched
// prefix has one. An entry is shown and changed at /entries/<id>/edit, which checks it is the caller's.
export default async function MissingEntryPage(): Promise<never> {
  await requireUser();
  notFound();
}
