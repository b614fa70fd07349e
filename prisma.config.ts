import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";

// The CLI does not read .env when this file exists: scripts/prepare.ts passes DATABASE_URL explicitly.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js", // WASM schema engine: nothing to download
  adapter: async () =>
    new PrismaLibSQL({
      url: process.env.DATABASE_URL ?? "file:./data/mfo.db",
      authToken: process.env.DATABASE_AUTH_TOKEN,
    }),
  schema: "prisma/schema.prisma",
});
