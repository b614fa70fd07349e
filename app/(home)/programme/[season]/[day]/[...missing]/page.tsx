import { notFound } from "next/navigation";

export const dynamic = "force-dynamic";

// Unknown paths below a programme day (in the middleware's matcher): a 404 rendered per request, so its
// scripts carry the nonce (the prerendered 404 HTML would have them all blocked; scripts/csp-hashes.ts).
export default function MissingProgrammePage(): never {
  notFound();
}
