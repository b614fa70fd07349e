// The schedule's times, in the festival's time zone (lib/festival/dates.ts): a sitting is stored as two
// UTC instants and typed and shown as a local date and wall-clock times. Pure.
import { festivalTimeZone, parseCalendarDate, parseLocalDateTime, toLocalDateTimeInput } from "./dates";

/** The festival day of an instant: "2027-04-20". */
export function dayKey(date: Date, timeZone = festivalTimeZone()): string {
  return toLocalDateTimeInput(date, timeZone).slice(0, 10);
}

/** The wall-clock time of an instant: "09:00". */
export function clockTime(date: Date, timeZone = festivalTimeZone()): string {
  return toLocalDateTimeInput(date, timeZone).slice(11, 16);
}

/** A local date and time ("2027-04-20", "09:00") as an instant; null when either is not real. */
export function sittingInstant(day: string, time: string, timeZone = festivalTimeZone()): Date | null {
  if (!parseCalendarDate(day) || !/^\d{2}:\d{2}$/.test(time.trim())) return null;
  return parseLocalDateTime(`${day.trim()}T${time.trim()}`, timeZone);
}

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

const shortDayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", timeZone: "UTC" });

/** "2027-04-20" -> "Tuesday 20 April 2027". */
export function formatDay(key: string): string {
  const date = parseCalendarDate(key);
  return date ? dayFormat.format(date) : key;
}

/** "Hall A, 20 April 09:00–12:00": how a sitting is named in lists and conflict messages. */
export function sittingLabel(venue: string, startsAt: Date, endsAt: Date, timeZone = festivalTimeZone()): string {
  const day = shortDayFormat.format(parseCalendarDate(dayKey(startsAt, timeZone))!);
  return `${venue}, ${day} ${clockTime(startsAt, timeZone)}–${clockTime(endsAt, timeZone)}`;
}

/** 5400 -> "1 h 30 min"; 300 -> "5 min" (rounded up to the minute: a schedule never plans seconds). */
export function formatPlanned(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes >= 60 ? `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, "0")} min` : `${minutes} min`;
}
