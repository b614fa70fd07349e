// The public syllabus's filters, applied to the cached syllabus in memory (a season has a few hundred
// classes: filtering them costs microseconds, and one cache entry serves every query). Pure.

export interface SyllabusClass {
  id: string;
  code: string;
  number: string;
  suffix: string;
  name: string;
  discipline: string;
  level: string;
  performanceType: string;
  feeCents: number;
  minAge: number | null;
  maxAge: number | null;
  maxPerformanceSeconds: number | null;
  testPieces: string;
  description: string;
}

export interface SyllabusFilter {
  discipline?: string;
  level?: string;
  type?: string;
  q?: string;
}

/** One value per key, bounded, from a page's search params. */
export function syllabusFilterFrom(params: Record<string, string | string[] | undefined>): SyllabusFilter {
  const one = (key: string) => {
    const raw = params[key];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 100);
    return value || undefined;
  };
  return { discipline: one("discipline"), level: one("level"), type: one("type"), q: one("q") };
}

/** Number prefix ("21", "2101A") or words of the name, case- and accent-insensitive. */
export function matchesSearch(c: Pick<SyllabusClass, "code" | "name">, q: string): boolean {
  const text = q.trim();
  if (/^\d{1,4}[A-Za-z]{0,2}$/.test(text)) return c.code.toUpperCase().startsWith(text.toUpperCase());
  const fold = (s: string) => s.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  const name = fold(c.name);
  return fold(text)
    .split(/\s+/)
    .every((word) => name.includes(word));
}

export function filterSyllabus<T extends SyllabusClass>(classes: readonly T[], filter: SyllabusFilter): T[] {
  return classes.filter(
    (c) =>
      (!filter.discipline || c.discipline === filter.discipline) &&
      (!filter.level || c.level === filter.level) &&
      (!filter.type || c.performanceType === filter.type) &&
      (!filter.q || matchesSearch(c, filter.q)),
  );
}
