// Every date and time the app shows goes through here, in the festival's time zone (FESTIVAL_TIME_ZONE,
// lib/env.ts), never the server's or the browser's, so the same instant reads the same everywhere.
// Pure and isomorphic: server components pass env().FESTIVAL_TIME_ZONE, client components the zone the
// server sent them. Months are spelled out, so "03/04" is never ambiguous.

const DAY_MS = 24 * 60 * 60 * 1000;

/** Times at most this old (or this far ahead) read better relatively: "2 hours ago", "yesterday". */
export const RELATIVE_WITHIN_MS = 7 * DAY_MS;

/** Whether `timeZone` is an IANA zone name this runtime knows (Intl throws a RangeError otherwise). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Intl formatters are costly to build: one per zone and kind, reused.
const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: "date" | "dateTime" | "zone", timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let found = cache.get(key);
  if (!found) {
    found =
      kind === "date"
        ? new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone })
        : kind === "dateTime"
          ? new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone })
          : // en-US names zones the way people there say them ("EST", "EDT"); en-GB would write "GMT-5".
            new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "short" });
    cache.set(key, found);
  }
  return found;
}

/** The zone's short name at that instant: "EST" or "EDT" for America/Toronto, "UTC", "GMT+1". */
export function zoneName(date: Date, timeZone: string): string {
  return formatter("zone", timeZone).formatToParts(date).find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

/** "27 November 2026": the calendar day in the festival's zone. */
export function formatDate(date: Date, timeZone: string): string {
  return formatter("date", timeZone).format(date);
}

/** "27 Nov 2026, 11:21 EST", or "Never" for a missing time. */
export function formatDateTime(date: Date | null | undefined, timeZone: string): string {
  return date ? `${formatter("dateTime", timeZone).format(date)} ${zoneName(date, timeZone)}` : "Never";
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", DAY_MS],
  ["hour", 60 * 60 * 1000],
  ["minute", 60 * 1000],
];

/**
 * "just now", "5 minutes ago", "2 hours ago", "yesterday", "in 3 days": the time from `now`, in the
 * largest whole unit. Null beyond RELATIVE_WITHIN_MS, where the exact time reads better.
 */
export function formatRelative(date: Date, now: Date): string | null {
  const diff = date.getTime() - now.getTime();
  const size = Math.abs(diff);
  if (size > RELATIVE_WITHIN_MS) return null;
  if (size < 60 * 1000) return "just now";
  for (const [unit, ms] of UNITS) {
    // Days by calendar distance would need the zone; whole 24-hour spans are close enough for "ago".
    if (size >= ms) return relative.format(Math.trunc(diff / ms), unit);
  }
  return "just now";
}
