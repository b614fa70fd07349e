import { formatDuration } from "./units";

// How the syllabus words a class's limits. Pure.

export function ageLimitText(minAge: number | null, maxAge: number | null): string {
  if (minAge !== null && maxAge !== null) return minAge === maxAge ? `${minAge} years` : `${minAge} to ${maxAge} years`;
  if (minAge !== null) return `${minAge} years and over`;
  if (maxAge !== null) return `${maxAge} years and under`;
  return "Any age";
}

export function timeLimitText(seconds: number | null): string {
  return seconds === null ? "No limit" : `${formatDuration(seconds)} minutes`;
}
