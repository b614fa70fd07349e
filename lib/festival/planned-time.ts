// How long a class takes on the schedule: the music plus, for each entry, the adjudicator's remarks and
// the change-over to the next performer. One function, shared by the classes report and the schedule,
// so the two never disagree. Pure.

/** Per entry, when a caller has no class setting (e.g. a class not saved yet): 3 minutes of remarks. */
export const ADJUDICATION_SECONDS = 180;
/** Per entry, when a caller has no class setting: 1 minute to leave the stage and take it. */
export const MOVE_SECONDS = 60;

export interface PlannedTimeSettings {
  /** The class's own adjudication time per entry (FestivalClass.adjudicationSeconds); absent: ADJUDICATION_SECONDS. */
  adjudicationSeconds?: number | null;
  /** The class's own move time per entry (FestivalClass.moveSeconds); absent: MOVE_SECONDS. */
  moveSeconds?: number | null;
}

/**
 * Sum of the pieces' durations + (adjudication + move) x entries, in seconds. A class's stored 0 is a
 * real zero (no remarks, say, for a recital); only a missing value takes the default.
 */
export function classPlannedSeconds({ pieceSeconds, entries }: { pieceSeconds: number; entries: number }, settings: PlannedTimeSettings = {}): number {
  const adjudication = settings.adjudicationSeconds ?? ADJUDICATION_SECONDS;
  const move = settings.moveSeconds ?? MOVE_SECONDS;
  return pieceSeconds + (adjudication + move) * entries;
}
