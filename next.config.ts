import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Guards call forbidden() so that a signed-in user without the right permission gets a real 403.
  experimental: { authInterrupts: true },
  // The libSQL client loads a native binding: keep it out of the server bundle.
  serverExternalPackages: ["@libsql/client", "libsql", "@prisma/adapter-libsql"],
};

export default nextConfig;
