// Piece durations: entered as "m:ss", stored as seconds. Pure.

/** "3:05" -> 185; "12:00" -> 720; null when it is not m:ss (or mm:ss) with seconds under 60. */
export function parseDuration(text: string): number | null {
  const match = /^\s*(\d{1,2}):([0-5]\d)\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 185 -> "3:05". */
export function formatDuration(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}
