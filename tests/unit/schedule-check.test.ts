import { describe, expect, it } from "vitest";
import { checkSchedule, type CheckPerson, type CheckSitting } from "@/lib/festival/schedule-check";
import { classPlannedSeconds } from "@/lib/festival/planned-time";
import { suggestPlacement, type SuggestClass } from "@/lib/festival/schedule-suggest";

const H = 3_600_000;
const at = (hour: number) => Date.UTC(2027, 3, 20) + hour * H;

function sitting(id: string, from: number, to: number, people: CheckPerson[] = [], extra: Partial<CheckSitting> = {}): CheckSitting {
  return { id, label: `Room ${id}`, startsAt: at(from), endsAt: at(to), plannedSeconds: 0, adjudicator: null, people, ...extra };
}
const accompanist = (profileId: string, name = profileId): CheckPerson => ({ profileId, name, role: "accompanist" });
const performer = (profileId: string, name = profileId): CheckPerson => ({ profileId, name, role: "performer" });

describe("classPlannedSeconds", () => {
  it("is the pieces plus adjudication and move time for each entry", () => {
    expect(classPlannedSeconds({ pieceSeconds: 600, entries: 4, adjudicationSeconds: 180, moveSeconds: 60 })).toBe(600 + 4 * 240);
    expect(classPlannedSeconds({ pieceSeconds: 0, entries: 0, adjudicationSeconds: 180, moveSeconds: 60 })).toBe(0);
  });
});

describe("checkSchedule", () => {
  it("finds an accompanist in two overlapping sittings, on both, naming the other", () => {
    const conflicts = checkSchedule([sitting("a", 9, 12, [accompanist("p1", "Ada Byron")]), sitting("b", 11, 13, [accompanist("p1", "Ada Byron")])]);
    expect(conflicts.get("a")).toEqual([{ kind: "person", otherSittingId: "b", message: "Ada Byron (accompanist) is also in Room b (accompanist) at the same time" }]);
    expect(conflicts.get("b")?.[0]).toMatchObject({ kind: "person", otherSittingId: "a" });
  });

  it("finds a performer who accompanies elsewhere at the same time, and names both roles", () => {
    const conflicts = checkSchedule([sitting("a", 9, 12, [performer("p1", "Ada")]), sitting("b", 9, 12, [accompanist("p1", "Ada")])]);
    expect(conflicts.get("a")?.[0].message).toBe("Ada (performer) is also in Room b (accompanist) at the same time");
  });

  it("sees no conflict in sittings that only touch, or twice in one sitting, or for different people", () => {
    const conflicts = checkSchedule([
      sitting("a", 9, 12, [performer("p1"), accompanist("p1"), performer("p2")]),
      sitting("b", 12, 14, [performer("p1")]),
      sitting("c", 9, 12, [performer("p3")]),
    ]);
    expect(conflicts.size).toBe(0);
  });

  it("finds an overlap with a sitting that is not the next one by start time", () => {
    // a (9-17) overlaps c (15-16) though b (10-11), also theirs, starts between them.
    const conflicts = checkSchedule([sitting("a", 9, 17, [performer("p")]), sitting("b", 10, 11, [performer("p")]), sitting("c", 15, 16, [performer("p")])]);
    expect(conflicts.get("a")?.map((c) => c.otherSittingId)).toEqual(["b", "c"]);
    expect(conflicts.get("c")?.map((c) => c.otherSittingId)).toEqual(["a"]);
  });

  it("flags a sitting whose planned time is longer than it, and not one that fits exactly", () => {
    const conflicts = checkSchedule([sitting("a", 9, 10, [], { plannedSeconds: 3600 + 300 }), sitting("b", 9, 10, [], { plannedSeconds: 3600 })]);
    expect(conflicts.get("a")).toEqual([{ kind: "over_length", message: "Planned time is 5 min longer than the session" }]);
    expect(conflicts.has("b")).toBe(false);
  });

  it("finds an adjudicator in two places at once", () => {
    const judge = { id: "u1", name: "Judge Judy" };
    const conflicts = checkSchedule([sitting("a", 9, 12, [], { adjudicator: judge }), sitting("b", 10, 11, [], { adjudicator: judge }), sitting("c", 13, 14, [], { adjudicator: judge })]);
    expect(conflicts.get("a")).toEqual([{ kind: "adjudicator", otherSittingId: "b", message: "Adjudicator Judge Judy also judges Room b at the same time" }]);
    expect(conflicts.has("c")).toBe(false);
  });
});

describe("suggestPlacement", () => {
  const klass = (id: string, discipline: number, level: number, minutes: number): SuggestClass => ({
    id,
    code: id,
    disciplineOrder: discipline,
    disciplineName: `D${discipline}`,
    levelOrder: level,
    levelName: `L${level}`,
    plannedSeconds: minutes * 60,
  });
  const slot = (id: string, from: number, to: number, usedMinutes = 0) => ({ id, startsAt: at(from), endsAt: at(to), usedSeconds: usedMinutes * 60 });

  it("never overfills a sitting, keeps a group together and leaves what fits nowhere", () => {
    const result = suggestPlacement(
      [slot("late", 13, 14), slot("early", 9, 10, 30)],
      [klass("piano-jr-2", 1, 1, 20), klass("voice", 2, 1, 50), klass("piano-jr-1", 1, 1, 10), klass("huge", 3, 1, 90), klass("empty", 1, 1, 0)],
    );
    // Time order: early (30 min free), then late (60 min). Piano juniors (10 + 20) fill early; voice
    // (50) goes to late; the 90-minute class fits nowhere; a class without entries is not placed.
    expect(result.placements).toEqual([
      { classId: "piano-jr-1", sittingId: "early" },
      { classId: "piano-jr-2", sittingId: "early" },
      { classId: "voice", sittingId: "late" },
    ]);
    expect(result.unplaced).toEqual(["huge"]);
  });

  it("orders by discipline then level, and a group carries on in the next sitting", () => {
    const result = suggestPlacement([slot("s1", 9, 10), slot("s2", 10, 11)], [klass("b-senior", 1, 2, 10), klass("a1", 1, 1, 40), klass("a2", 1, 1, 40)]);
    expect(result.placements).toEqual([
      { classId: "a1", sittingId: "s1" },
      { classId: "a2", sittingId: "s2" },
      { classId: "b-senior", sittingId: "s1" },
    ]);
  });
});
