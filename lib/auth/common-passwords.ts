import "server-only";
import { dictionary } from "@zxcvbn-ts/language-common";

// The zxcvbn-ts common-password list (~49,000 entries from leaked-password corpora), loaded once.
// Compared case-insensitively, so "Password" is as common as "password". With the default 15-character
// minimum only 41 of its entries are long enough to matter, so the patterns below (NIST SP 800-63B's
// "repetitive or sequential characters") do most of the work of refusing guessable long passwords.
let common: Set<string> | undefined;

export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

/**
 * "aaaaaaaaaaaaaaa", "abcabcabcabcabc", "passwordpassword": one short or common unit, repeated.
 * "123456789012345", "abcdefghijklmnop", "987654321098765": one run of consecutive characters (digits
 * wrap around, as on a keyboard's number row).
 */
export function isRepetitiveOrSequential(password: string): boolean {
  const lower = password.toLowerCase();
  const unit = /^(.+?)\1+$/su.exec(lower)?.[1];
  if (unit !== undefined && ([...unit].length <= 4 || isCommonPassword(unit))) return true;
  return isRun(lower, 1) || isRun(lower, -1);
}

function isRun(text: string, step: 1 | -1): boolean {
  const chars = [...text];
  return chars.every((c, i) => i === 0 || follows(chars[i - 1], c, step));
}

function follows(previous: string, next: string, step: 1 | -1): boolean {
  const isDigit = (c: string) => c >= "0" && c <= "9";
  if (isDigit(previous) && isDigit(next)) return (Number(previous) + step + 10) % 10 === Number(next);
  return next.codePointAt(0) === previous.codePointAt(0)! + step && /\p{L}/u.test(next);
}
