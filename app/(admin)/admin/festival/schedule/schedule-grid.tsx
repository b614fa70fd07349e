import type { ScheduleSitting } from "@/lib/festival/schedule-data";
import { clockTime, formatPlanned } from "@/lib/festival/schedule-time";
import styles from "./schedule.module.css";

// One festival day as a time grid: venues across, quarter hours down, each session a cell spanning its
// time, so a gap or an overfull session shows at a glance. A server-rendered table: readable without
// JavaScript and by screen readers (each cell says its venue, time, fill and conflicts in words).

const SLOT_MINUTES = 15;
const minutes = (d: Date) => {
  const [h, m] = clockTime(d).split(":").map(Number);
  return h * 60 + m;
};

export function ScheduleGrid({ sittings, venues, conflicted }: { sittings: ScheduleSitting[]; venues: { id: string; name: string }[]; conflicted: Set<string> }) {
  if (!sittings.length) return null;
  const columns = venues.filter((v) => sittings.some((s) => s.venueId === v.id));
  const first = Math.floor(Math.min(...sittings.map((s) => minutes(s.startsAt))) / 60) * 60;
  // A session past midnight ends the grid at midnight.
  const last = Math.ceil(Math.max(...sittings.map((s) => Math.max(minutes(s.endsAt), minutes(s.startsAt) + SLOT_MINUTES))) / 60) * 60;
  const rows = Array.from({ length: Math.max(1, (Math.min(last, 24 * 60) - first) / SLOT_MINUTES) }, (_, i) => first + i * SLOT_MINUTES);
  // Per venue, which session starts in which row, and which rows a session already covers.
  const starts = new Map<string, ScheduleSitting[]>();
  const covered = new Set<string>();
  for (const v of columns) {
    let coveredUntil = -1;
    let lastKey = "";
    for (const s of sittings.filter((x) => x.venueId === v.id)) {
      const from = minutes(s.startsAt);
      const row = Math.max(first, from - (from % SLOT_MINUTES));
      // A session overlapping the previous one at the same venue is shown in that one's cell.
      const key = row < coveredUntil ? lastKey : `${v.id} ${row}`;
      lastKey = key;
      starts.set(key, [...(starts.get(key) ?? []), s]);
      const end = Math.max(row + SLOT_MINUTES, Math.min(minutes(s.endsAt) || 24 * 60, 24 * 60));
      for (let m = row + SLOT_MINUTES; m < end; m += SLOT_MINUTES) covered.add(`${v.id} ${m}`);
      coveredUntil = Math.max(coveredUntil, end);
    }
  }
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return (
    <div className="table-wrap">
      <table className={styles.grid}>
        <caption className="visually-hidden">Sessions by venue and time</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            {columns.map((v) => (
              <th key={v.id} scope="col">
                {v.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m}>
              <th scope="row" className={styles.time}>
                {m % 60 === 0 ? hhmm(m) : <span className="visually-hidden">{hhmm(m)}</span>}
              </th>
              {columns.map((v) => {
                const key = `${v.id} ${m}`;
                const here = starts.get(key);
                if (here) {
                  const end = Math.max(...here.map((x) => Math.min(minutes(x.endsAt) || 24 * 60, 24 * 60)));
                  const span = Math.max(1, Math.ceil((end - m) / SLOT_MINUTES));
                  const bad = here.some((x) => conflicted.has(x.id));
                  return (
                    <td key={v.id} rowSpan={Math.min(span, rows.length - rows.indexOf(m))} className={bad ? `${styles.session} ${styles.bad}` : styles.session}>
                      {here.map((x) => {
                        const length = (x.endsAt.getTime() - x.startsAt.getTime()) / 1000;
                        const fill = Math.round((100 * x.plannedSeconds) / length);
                        return (
                          <a key={x.id} href={`#sitting-${x.id}`} className={styles.cell}>
                            {clockTime(x.startsAt)}–{clockTime(x.endsAt)}
                            {x.name ? ` ${x.name}` : ""}: {x.classes.length} {x.classes.length === 1 ? "class" : "classes"}, {formatPlanned(x.plannedSeconds)} planned ({fill} %)
                            {conflicted.has(x.id) ? ", has conflicts" : ""}
                            <span className={styles.bar} aria-hidden="true">
                              <span style={{ width: `${Math.min(fill, 100)}%` }} />
                            </span>
                          </a>
                        );
                      })}
                    </td>
                  );
                }
                if (covered.has(key)) return null;
                return <td key={v.id} className={styles.gap} />;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
