// The schedule's conflict checks, pure functions over loaded data (lib/festival/schedule-data.ts loads
// it; the admin page, the bench and the tests call these):
// - a person (performer or accompanist, by profile) in two sittings that overlap in time, at the same
//   venue or another: they cannot be in both;
// - a sitting whose planned time (lib/festival/planned-time.ts) is longer than the sitting;
// - an adjudicator in two sittings that overlap.
// Being twice in one sitting is no conflict: the classes follow each other. Sittings that touch
// (one ends at 11:00, the next starts at 11:00) do not overlap.

import { formatPlanned } from "./schedule-time";

export interface CheckPerson {
  profileId: string;
  name: string;
  role: "performer" | "accompanist";
}

export interface CheckSitting {
  id: string;
  /** How the other sitting is named in a message: "Hall A, 20 April 09:00–12:00". */
  label: string;
  startsAt: number;
  endsAt: number;
  plannedSeconds: number;
  adjudicator: { id: string; name: string } | null;
  /** Everyone performing or accompanying in the sitting's classes (duplicates allowed). */
  people: readonly CheckPerson[];
}

export type ConflictKind = "person" | "over_length" | "adjudicator";

export interface Conflict {
  kind: ConflictKind;
  message: string;
  /** The other sitting involved, for "person" and "adjudicator". */
  otherSittingId?: string;
}

const overlap = (a: CheckSitting, b: CheckSitting) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * For each group of sittings sharing a key (a person, an adjudicator), every overlapping pair. Sorted by
 * start, each sitting is compared only with the later ones that start before it ends.
 */
function overlappingPairs(groups: Map<string, CheckSitting[]>, report: (key: string, a: CheckSitting, b: CheckSitting) => void) {
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.startsAt - b.startsAt);
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j].startsAt < sorted[i].endsAt; j++) {
        if (overlap(sorted[i], sorted[j])) report(key, sorted[i], sorted[j]);
      }
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}


/** Every conflict of the schedule, by sitting id (a sitting without conflicts has no key). */
export function checkSchedule(sittings: readonly CheckSitting[]): Map<string, Conflict[]> {
  const out = new Map<string, Conflict[]>();

  for (const s of sittings) {
    const length = (s.endsAt - s.startsAt) / 1000;
    if (s.plannedSeconds > length) {
      push(out, s.id, { kind: "over_length", message: `Planned time is ${formatPlanned(s.plannedSeconds - length)} longer than the session` });
    }
  }

  // A person once per sitting, with the roles they have there.
  const byPerson = new Map<string, CheckSitting[]>();
  const roles = new Map<string, { name: string; roles: Set<string> }>();
  for (const s of sittings) {
    const seen = new Set<string>();
    for (const p of s.people) {
      const key = `${s.id}\u0000${p.profileId}`;
      const known = roles.get(key);
      if (known) known.roles.add(p.role);
      else roles.set(key, { name: p.name, roles: new Set([p.role]) });
      if (!seen.has(p.profileId)) {
        seen.add(p.profileId);
        push(byPerson, p.profileId, s);
      }
    }
  }
  const as = (sitting: CheckSitting, profileId: string) => [...roles.get(`${sitting.id}\u0000${profileId}`)!.roles].sort().reverse().join(" and ");
  overlappingPairs(byPerson, (profileId, a, b) => {
    const name = roles.get(`${a.id}\u0000${profileId}`)!.name;
    push(out, a.id, { kind: "person", otherSittingId: b.id, message: `${name} (${as(a, profileId)}) is also in ${b.label} (${as(b, profileId)}) at the same time` });
    push(out, b.id, { kind: "person", otherSittingId: a.id, message: `${name} (${as(b, profileId)}) is also in ${a.label} (${as(a, profileId)}) at the same time` });
  });

  const byAdjudicator = new Map<string, CheckSitting[]>();
  for (const s of sittings) if (s.adjudicator) push(byAdjudicator, s.adjudicator.id, s);
  overlappingPairs(byAdjudicator, (_id, a, b) => {
    const name = a.adjudicator!.name;
    push(out, a.id, { kind: "adjudicator", otherSittingId: b.id, message: `Adjudicator ${name} also judges ${b.label} at the same time` });
    push(out, b.id, { kind: "adjudicator", otherSittingId: a.id, message: `Adjudicator ${name} also judges ${a.label} at the same time` });
  });
  return out;
}
