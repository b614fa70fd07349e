import { createHmac } from "node:crypto";
import bcrypt from "bcryptjs";
import { BENCH_PASSWORD } from "./server";

/** BENCH_PASSWORD hashed the way lib/auth/password.ts does (pre-hash, bcrypt cost 12), once per run. */
export function benchHash(): Promise<string> {
  return bcrypt.hash(createHmac("sha256", "mfo.password.v1").update(BENCH_PASSWORD.normalize("NFKC")).digest("base64"), 12);
}
