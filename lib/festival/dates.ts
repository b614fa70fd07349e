// The festival's two kinds of time, one place each. Instants (entries open/close) are stored in UTC and
// shown, and typed, in the festival's time zone (FESTIVAL_TIME_ZONE, default America/Toronto); calendar
// dates (festival days, the age cut-off, birth dates) are stored as UTC midnight of the local date and
// formatted in UTC, so they never shift by a day. Pure: used by the forms' schemas and the pages.

const DEFAULT_TIME_ZONE = "America/Toronto";

export function festivalTimeZone(): string {
  return process.env.FESTIVAL_TIME_ZONE || DEFAULT_TIME_ZONE;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = make()));
  return f;
}

/** The one formatter of instants: "15 Jan 2027, 09:00 EST" in the festival's time zone. */
export function formatInstant(date: Date, timeZone = festivalTimeZone()): string {
  return formatter(`instant:${timeZone}`, () =>
    new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone, timeZoneName: "short" }),
  ).format(date);
}

/** A calendar date stored as UTC midnight: "20 April 2027". */
export function formatCalendarDate(date: Date): string {
  return formatter("date", () => new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" })).format(date);
}

/** The wall-clock fields of an instant in a time zone. */
function wallClock(date: Date, timeZone: string) {
  const parts = formatter(`parts:${timeZone}`, () =>
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }),
  ).formatToParts(date);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

function offsetMs(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * "2027-01-15T09:00" (an <input type="datetime-local">) read in the festival's time zone, as a UTC
 * instant; null when it is not a real date and time. A time skipped by a DST change moves forward.
 */
export function parseLocalDateTime(value: string, timeZone = festivalTimeZone()): Date | null {
  const m = LOCAL_DATE_TIME.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wall);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  // The offset at the guessed instant, then at the corrected one (they differ near a DST change). When
  // the second does not round-trip, the wall time fell in the skipped hour: keep the first (later) one.
  const first = wall - offsetMs(wall, timeZone);
  const offset = offsetMs(first, timeZone);
  const second = wall - offset;
  return new Date(offsetMs(second, timeZone) === offset ? second : first);
}

/** An instant as the value of an <input type="datetime-local"> in the festival's time zone. */
export function toLocalDateTimeInput(date: Date, timeZone = festivalTimeZone()): string {
  const w = wallClock(date, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** "2027-04-20" as UTC midnight; null when it is not a real date. */
export function parseCalendarDate(value: string): Date | null {
  const m = CALENDAR_DATE.exec(value.trim());
  if (!m) return null;
  const [year, month, day] = m.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** A calendar date as the value of an <input type="date">. */
export function toDateInput(date: Date): string {
  return date.toISOString().slice(0, 10);
}
