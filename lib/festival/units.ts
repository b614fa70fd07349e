// Money and durations as organizers type and read them; stored as integer cents and seconds. Pure.

const CURRENCY = new Intl.NumberFormat("en-CA", { style: "currency", currency: "CAD" });

/** 1250 -> "$12.50". */
export function formatCents(cents: number): string {
  return CURRENCY.format(cents / 100);
}

/** "12", "12.5", "12.50", "$12.50" -> 1250; null when it is not an amount with at most 2 decimals. */
export function parseCents(value: string): number | null {
  const m = /^\$?\s*(\d{1,7})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 1250 -> "12.50" (a form's value). */
export function centsInput(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** "5" (minutes), "5:30", "0:45" -> seconds; null otherwise. */
export function parseDuration(value: string): number | null {
  const m = /^(\d{1,3})(?::([0-5]\d))?$/.exec(value.trim());
  return m ? Number(m[1]) * 60 + Number(m[2] ?? 0) : null;
}

/** 330 -> "5:30". */
export function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/** A stored class as the strings its edit form starts with (the inverse of classFormSchema). */
export function classFormValues(c: {
  number: string;
  suffix: string;
  name: string;
  disciplineId: string;
  levelId: string;
  performanceTypeId: string;
  feeCents: number;
  minAge: number | null;
  maxAge: number | null;
  maxPerformanceSeconds: number | null;
  adjudicationSeconds: number;
  moveSeconds: number;
  testPieces: string;
  description: string;
}) {
  const optional = (n: number | null) => (n === null ? "" : String(n));
  return {
    number: c.number,
    suffix: c.suffix,
    name: c.name,
    disciplineId: c.disciplineId,
    levelId: c.levelId,
    performanceTypeId: c.performanceTypeId,
    fee: centsInput(c.feeCents),
    minAge: optional(c.minAge),
    maxAge: optional(c.maxAge),
    maxPerformanceTime: c.maxPerformanceSeconds === null ? "" : formatDuration(c.maxPerformanceSeconds),
    adjudicationTime: formatDuration(c.adjudicationSeconds),
    moveTime: formatDuration(c.moveSeconds),
    testPieces: c.testPieces,
    description: c.description,
  };
}
