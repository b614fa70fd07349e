// Pure password rules shared by validation (which may run anywhere) and hashing (server only).

/** NFKC, as NIST SP 800-63B-4 asks, so the same password typed on two keyboards verifies. */
export function normalizePassword(password: string): string {
  return password.normalize("NFKC");
}

/** Length in Unicode code points, not UTF-16 units: an emoji counts as one character. */
export function passwordLength(password: string): number {
  return [...password].length;
}
