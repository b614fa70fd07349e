// @ts-check
// Loaded by Node itself, without a TypeScript step: it imports only plain JavaScript modules.
import { STATIC_PAGE_CSP } from "./lib/security/baseline-csp.mjs";
import { MAX_ACTION_BODY_BYTES } from "./lib/validation/body-limit.mjs";

const production = process.env.NODE_ENV === "production";

// Sent with every response; middleware.ts replaces the CSP with a nonce-based one on the pages it sees.
// The CSP here is the 'unsafe-inline' fallback: `npm run build`'s postbuild step (scripts/csp-hashes.ts)
// swaps it, in the built routes-manifest.json, for one listing the hashes of the prerendered pages' scripts.
const securityHeaders = [
  { key: "Content-Security-Policy", value: STATIC_PAGE_CSP },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()",
  },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // Guards call forbidden() so that a signed-in user without the right permission gets a real 403.
    authInterrupts: true,
    // Forms here carry a few short fields; anything much larger is refused before it is parsed.
    serverActions: { bodySizeLimit: MAX_ACTION_BODY_BYTES },
  },
  // The libSQL client loads a native binding: keep it out of the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
