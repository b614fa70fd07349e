// Cell values of a registration-form export, read leniently but never guessed: each parser returns
// null when the text is not what it expects, and the import reports that cell. Pure.
import { parseCalendarDate, parseLocalDateTime } from "../dates";
import { parseCents, parseDuration } from "../units";

/** "2014-03-09", "3/9/2014" (Google Forms' month/day/year), an XLSX date cell ("2014-03-09"). */
export function parseBirthDate(text: string): Date | null {
  const t = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})(?: 00:00:00)?$/.exec(t);
  if (iso) return parseCalendarDate(iso[1]);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (us) return parseCalendarDate(`${us[3]}-${us[1].padStart(2, "0")}-${us[2].padStart(2, "0")}`);
  return null;
}

/** A form's timestamp ("3/14/2027 10:22:13", "2027-03-14 10:22:13"), in the festival's time zone. */
export function parseTimestamp(text: string): Date | null {
  const t = text.trim();
  const iso = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})(?::\d{2})?$/.exec(t);
  if (iso) return parseLocalDateTime(`${iso[1]}T${iso[2].padStart(2, "0")}:${iso[3]}`);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[ ,]+(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(t);
  if (us) return parseLocalDateTime(`${us[3]}-${us[1].padStart(2, "0")}-${us[2].padStart(2, "0")}T${us[4].padStart(2, "0")}:${us[5]}`);
  const day = parseBirthDate(t);
  return day;
}

/** Minutes as a form asks for them: "4", "4.5", "3:30" (and "3 min"), as seconds. */
export function parseMinutes(text: string): number | null {
  const t = text.trim().replace(/\s*(min(ute)?s?|')$/i, "");
  const decimal = /^(\d{1,3})[.,](\d{1,2})$/.exec(t);
  if (decimal) return Math.round(Number(`${decimal[1]}.${decimal[2]}`) * 60);
  return parseDuration(t);
}

/** A fee or amount: "25", "$25.00", "25,50" (a comma for decimals). */
export function parseAmount(text: string): number | null {
  return parseCents(text.trim().replace(/^(\d+),(\d{1,2})$/, "$1.$2"));
}

/** The paid column: yes/no (TRUE/FALSE, x, paid) or an amount. Null when unreadable. */
export function parsePaid(text: string): { all: boolean } | { cents: number } | null {
  const t = text.trim().toLowerCase();
  if (["", "no", "n", "false", "0", "unpaid", "not paid"].includes(t)) return { cents: 0 };
  if (["yes", "y", "true", "x", "paid", "✓"].includes(t)) return { all: true };
  const cents = parseAmount(t);
  return cents === null ? null : { cents };
}

/** "Ann Lee & Bo Chen", "Ann Lee; Bo Chen", "Ann Lee and Bo Chen", one per line: the names, trimmed. */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:[;&/\n]|,|\band\b)\s*/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Birth dates listed like the names they belong to. */
export function splitDates(text: string): string[] {
  return text
    .split(/\s*[;&\n,]\s*|\s+and\s+/i)
    .map((s) => s.trim())
    .filter(Boolean);
}
