import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

// Unknown paths under /test-only (in the middleware's matcher): a 404 rendered per request, so its
// scripts carry the nonce (the prerendered 404 HTML would have them all blocked; scripts/csp-hashes.ts).
export default function MissingTestOnlyPage(): never {
  notFound();
}
