// How the festival shows time: instants in the festival's time zone (FESTIVAL_TIME_ZONE, default
// America/Toronto), calendar dates (stored as UTC midnight of the local date) in UTC so the day never shifts.

const instantFormats = new Map<string, Intl.DateTimeFormat>();

function instantFormat(): Intl.DateTimeFormat {
  const timeZone = process.env.FESTIVAL_TIME_ZONE || "America/Toronto";
  let format = instantFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { dateStyle: "long", timeStyle: "short", timeZone });
    instantFormats.set(timeZone, format);
  }
  return format;
}

const calendarFormat = new Intl.DateTimeFormat("en-CA", { dateStyle: "long", timeZone: "UTC" });

/** "November 27, 2026 at 12:09 p.m." in the festival's time zone. */
export function formatInstant(date: Date): string {
  return instantFormat().format(date);
}

/** A calendar date stored as UTC midnight: "March 4, 2027". */
export function formatCalendarDate(date: Date): string {
  return calendarFormat.format(date);
}
