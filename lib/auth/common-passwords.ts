import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// The zxcvbn-ts common-password list (~49,000 entries from leaked-password corpora), loaded once.
// Compared case-insensitively, so "Password" is as common as "password".
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}
