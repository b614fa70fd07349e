import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatRelative, isTimeZone, zoneName } from "@/lib/format/time";
import { EnvError, parseEnv } from "@/lib/env";

describe("times in the festival's zone", () => {
  // 16:21 UTC on 27 November 2026 is 11:21 in Toronto (EST, UTC-5) and 17:21 in Berlin.
  const winter = new Date("2026-11-27T16:21:00Z");
  // In July Toronto keeps daylight time (EDT, UTC-4).
  const summer = new Date("2026-07-03T16:21:00Z");

  it("shows the wall-clock time and the zone's name, with daylight saving time", () => {
    expect(formatDateTime(winter, "America/Toronto")).toBe("27 Nov 2026, 11:21 EST");
    expect(formatDateTime(summer, "America/Toronto")).toBe("3 Jul 2026, 12:21 EDT");
    expect(formatDateTime(winter, "UTC")).toBe("27 Nov 2026, 16:21 UTC");
    expect(formatDateTime(winter, "Europe/Berlin")).toBe("27 Nov 2026, 17:21 GMT+1");
    expect(formatDateTime(null, "America/Toronto")).toBe("Never");
    expect(zoneName(summer, "America/Vancouver")).toBe("PDT");
  });

  it("takes the calendar day in the zone, not in UTC", () => {
    const lateEvening = new Date("2026-11-28T03:30:00Z"); // 22:30 on the 27th in Toronto
    expect(formatDate(lateEvening, "America/Toronto")).toBe("27 November 2026");
    expect(formatDate(lateEvening, "UTC")).toBe("28 November 2026");
  });

  it("says recent times relatively, and gives up after a week", () => {
    const now = new Date("2026-11-27T16:21:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    expect(formatRelative(ago(20_000), now)).toBe("just now");
    expect(formatRelative(ago(5 * 60_000), now)).toBe("5 minutes ago");
    expect(formatRelative(ago(60 * 60_000), now)).toBe("1 hour ago");
    expect(formatRelative(ago(2 * 3600_000 + 59 * 60_000), now)).toBe("2 hours ago");
    expect(formatRelative(ago(30 * 3600_000), now)).toBe("yesterday");
    expect(formatRelative(ago(3 * 86400_000), now)).toBe("3 days ago");
    expect(formatRelative(new Date(now.getTime() + 2 * 3600_000), now)).toBe("in 2 hours");
    expect(formatRelative(ago(8 * 86400_000), now)).toBeNull();
  });

  it("FESTIVAL_TIME_ZONE defaults to Toronto and must be a zone Intl knows", () => {
    expect(parseEnv({}).FESTIVAL_TIME_ZONE).toBe("America/Toronto");
    expect(parseEnv({ FESTIVAL_TIME_ZONE: "Europe/Berlin" }).FESTIVAL_TIME_ZONE).toBe("Europe/Berlin");
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(() => parseEnv({ FESTIVAL_TIME_ZONE: "Mars/Olympus_Mons" })).toThrow(EnvError);
    expect(() => parseEnv({ FESTIVAL_TIME_ZONE: "Mars/Olympus_Mons" })).toThrow(/FESTIVAL_TIME_ZONE: must be an IANA time zone/);
  });
});
