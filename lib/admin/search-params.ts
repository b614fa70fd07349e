// Reading the admin pages' query strings: one value per key, pages bounded, unknown values ignored.
export type SearchParams = Record<string, string | string[] | undefined>;

export function param(params: SearchParams, key: string): string | undefined {
  const raw = params[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value ? value.slice(0, 200) : undefined;
}

export function pageParam(params: SearchParams): number {
  const n = Number(param(params, "page"));
  return Number.isInteger(n) && n >= 1 && n <= 1_000_000 ? n : 1;
}

/** The same query with another page (or other changes): for pagination and sort links. */
export function withParams(path: string, params: Record<string, string | undefined>, changes: Record<string, string | undefined>): string {
  const merged = { ...params, ...changes };
  const query = new URLSearchParams(Object.entries(merged).filter((e): e is [string, string] => Boolean(e[1])));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}
