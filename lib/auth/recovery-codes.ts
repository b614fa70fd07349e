import "server-only";
import { createHash, randomInt } from "node:crypto";
import { RECOVERY_ALPHABET, RECOVERY_LENGTH } from "./second-factor-rules";

/** A new recovery code, shown as "abcde-fghjk"; about 49 bits of randomness. */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < RECOVERY_LENGTH; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** Stored instead of the code: random and throttled, so a fast hash is enough (as for mailed tokens). */
export function recoveryCodeHash(code: string): string {
  const compact = code.replace(/[\s-]/g, "").toLowerCase();
  return createHash("sha256").update(`recovery:${compact}`, "utf8").digest("base64url");
}

