import { formatDate, formatDateTime, formatRelative } from "@/lib/format/time";

interface Props {
  date: Date | string | null | undefined;
  /** The festival's zone: env().FESTIVAL_TIME_ZONE on the server, or what the server sent a client component. */
  timeZone: string;
  /** "relative": "2 hours ago" when recent (exact time on hover and for screen readers), else the exact time. */
  style?: "date" | "dateTime" | "relative";
  /** The reference for relative times. In a client component pass it only after mounting (never during
   *  a server render that gets hydrated): the server's "now" and the browser's would disagree. */
  now?: Date;
  /** Shown for a missing time. */
  never?: string;
}

/** One date or time as a <time> element, in the festival's time zone (lib/format/time.ts). */
export function TimeText({ date, timeZone, style = "dateTime", now, never = "Never" }: Props) {
  if (!date) return <>{never}</>;
  const at = typeof date === "string" ? new Date(date) : date;
  const iso = at.toISOString();
  if (style === "date") return <time dateTime={iso}>{formatDate(at, timeZone)}</time>;
  const exact = formatDateTime(at, timeZone);
  const recent = style === "relative" ? formatRelative(at, now ?? new Date()) : null;
  if (!recent) return <time dateTime={iso}>{exact}</time>;
  return (
    <time dateTime={iso} title={exact}>
      {recent}
      <span className="visually-hidden"> ({exact})</span>
    </time>
  );
}
