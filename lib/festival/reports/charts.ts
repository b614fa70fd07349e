import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { festivalTimeZone } from "../dates";
import { classReportRows } from "./classes";

// The figures behind the reports overview's two charts: entries received per day (by the day they were
// submitted, in the festival's time zone, every day from the first to the last so quiet days show as
// 0), and submitted entries per discipline. Days are cut in the festival's zone here, not in SQL:
// SQLite and PostgreSQL have no common way to shift a timestamp into a named zone.

export interface ChartPoint {
  label: string;
  value: number;
}

const DAY_MS = 24 * 3600 * 1000;

export async function entriesPerDay(db: PrismaClient, seasonId: string, timeZone = festivalTimeZone()): Promise<ChartPoint[]> {
  const entries = await db.entry.findMany({ where: { seasonId, submittedAt: { not: null } }, select: { submittedAt: true } });
  // "2027-01-10" in the festival's zone (en-CA formats dates as ISO).
  const dayOf = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  const counts = new Map<string, number>();
  for (const e of entries) {
    const day = dayOf.format(e.submittedAt!);
    counts.set(day, (counts.get(day) ?? 0) + 1);
  }
  const days = [...counts.keys()].sort();
  if (days.length === 0) return [];
  const label = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
  const points: ChartPoint[] = [];
  for (let t = Date.parse(days[0]); t <= Date.parse(days.at(-1)!); t += DAY_MS) {
    const day = new Date(t).toISOString().slice(0, 10);
    points.push({ label: label.format(new Date(t)), value: counts.get(day) ?? 0 });
  }
  return points;
}

export async function entriesPerDiscipline(db: PrismaClient, seasonId: string): Promise<ChartPoint[]> {
  const { rows } = await classReportRows(db, seasonId, {});
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.discipline, (counts.get(r.discipline) ?? 0) + r.entries);
  return [...counts].map(([label, value]) => ({ label, value })).sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}
