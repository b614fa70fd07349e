// "Suggest a schedule": places the unplaced classes into the sittings, pure. Classes are taken group by
// group (discipline, then level, in the lists' order), by number within a group, so a discipline's
// levels follow each other; each class goes into the first sitting, in time order, that still has room
// for it, starting from the sitting its group's previous class went into, so a group stays together
// and carries on into the next sitting when one is full. A sitting is never filled beyond its length;
// a class that fits nowhere stays unplaced, as does a class without entries (nothing to schedule).
// Organizers adjust the result by hand.

export interface SuggestSitting {
  id: string;
  startsAt: number;
  endsAt: number;
  /** Planned seconds of the classes already in it. */
  usedSeconds: number;
}

export interface SuggestClass {
  id: string;
  code: string;
  disciplineOrder: number;
  disciplineName: string;
  levelOrder: number;
  levelName: string;
  plannedSeconds: number;
}

export interface Suggestion {
  placements: { classId: string; sittingId: string }[];
  /** Classes with entries that fit in no sitting. */
  unplaced: string[];
}

export function suggestPlacement(sittings: readonly SuggestSitting[], classes: readonly SuggestClass[]): Suggestion {
  const slots = [...sittings]
    .sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id))
    .map((s) => ({ id: s.id, free: (s.endsAt - s.startsAt) / 1000 - s.usedSeconds }));
  const ordered = classes
    .filter((c) => c.plannedSeconds > 0)
    .sort(
      (a, b) =>
        a.disciplineOrder - b.disciplineOrder ||
        a.disciplineName.localeCompare(b.disciplineName) ||
        a.levelOrder - b.levelOrder ||
        a.levelName.localeCompare(b.levelName) ||
        a.code.localeCompare(b.code),
    );
  const placements: Suggestion["placements"] = [];
  const unplaced: string[] = [];
  let group = "";
  let cursor = 0;
  for (const c of ordered) {
    const key = `${c.disciplineName}\u0000${c.levelName}`;
    if (key !== group) {
      group = key;
      cursor = 0;
    }
    // From the group's current sitting onwards, then from the start (an earlier sitting with a gap).
    let index = slots.findIndex((s, i) => i >= cursor && s.free >= c.plannedSeconds);
    if (index < 0) index = slots.findIndex((s) => s.free >= c.plannedSeconds);
    if (index < 0) {
      unplaced.push(c.id);
      continue;
    }
    slots[index].free -= c.plannedSeconds;
    placements.push({ classId: c.id, sittingId: slots[index].id });
    cursor = index;
  }
  return { placements, unplaced };
}
