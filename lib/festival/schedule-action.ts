import "server-only";
import type { FormState } from "@/components/forms/form-state";
import { festivalFinish } from "./admin-action";

// The end of every schedule action (app/(admin)/admin/festival/schedule/actions.ts), after its guard:
// run the change; a refusal goes back to the form; success leaves a flash and returns to the schedule
// page. (The services bump the public programme's version, so the next visitor sees the change.)

export const SCHEDULE_PATH = "/admin/festival/schedule";

export const schedulePage = (seasonId: string) => `${SCHEDULE_PATH}?season=${encodeURIComponent(seasonId)}`;

export function scheduleFinish<K extends string>(values: Partial<Record<K, string>>, change: () => Promise<unknown>, flash: string | (() => string), redirectTo: string): Promise<FormState<K>> {
  return festivalFinish(
    values,
    change, // the services bump the programme's version (lib/cache/versions.ts) in their transactions
    () => ({ flash: typeof flash === "string" ? flash : flash(), redirectTo }),
  );
}
