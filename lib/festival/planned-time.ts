// How long a class takes on the schedule, one rule for the schedule and the reports (issue 17):
//   sum of the entries' piece durations + (adjudication + move time) x entries.
// The adjudication and move seconds are the class's own (FestivalClass.adjudicationSeconds and
// moveSeconds, set per class in the syllabus: a choir needs longer to move than a pianist), not season
// settings. Only entries that will perform count: submitted ones (drafts and withdrawn entries do not).
// Pure.

export interface PlannedTimeInput {
  /** The sum of the durations of every piece of the counted entries, in seconds. */
  pieceSeconds: number;
  /** How many entries perform. */
  entries: number;
  /** Per entry, from the class. */
  adjudicationSeconds: number;
  moveSeconds: number;
}

/** Entries in these statuses perform and take time on the schedule. */
export const PERFORMING_STATUSES: readonly string[] = ["submitted"];

export function isPerforming(status: string): boolean {
  return PERFORMING_STATUSES.includes(status);
}

/** The planned length of a class, in seconds. */
export function classPlannedSeconds(input: PlannedTimeInput): number {
  return input.pieceSeconds + (input.adjudicationSeconds + input.moveSeconds) * input.entries;
}
