// One normal form for the names we match on (profiles, schools, pieces): an import's "ADA  Lovelace"
// and a form's "Ada Lovelace" are one person; "Für Elise" and "Fur Elise" one piece. Pure.

/** Lower-case, accents stripped, punctuation to spaces, whitespace collapsed and trimmed. */
export function normaliseName(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** "2101A" -> { number: "2101", suffix: "A" }; null when it is not 4 digits + an optional suffix. */
export function parseClassCode(code: string): { number: string; suffix: string } | null {
  const match = /^\s*(\d{4})\s*([A-Za-z]{0,2})\s*$/.exec(code);
  return match ? { number: match[1], suffix: match[2].toUpperCase() } : null;
}

export function classCode(festivalClass: { number: string; suffix: string }): string {
  return festivalClass.number + festivalClass.suffix;
}
