import "server-only";
import { updateTag } from "next/cache";
import type { FormState } from "@/components/forms/form-state";
import { festivalFinish } from "./admin-action";
import { PROGRAMME_TAG } from "./programme";

// The end of every schedule action (app/(admin)/admin/festival/schedule/actions.ts), after its guard:
// run the change; a refusal goes back to the form; success expires the public programme's cache (the
// next visitor sees the change), leaves a flash and returns to the schedule page.

export const SCHEDULE_PATH = "/admin/festival/schedule";

export const schedulePage = (seasonId: string) => `${SCHEDULE_PATH}?season=${encodeURIComponent(seasonId)}`;

export function scheduleFinish<K extends string>(values: Partial<Record<K, string>>, change: () => Promise<unknown>, flash: string | (() => string), redirectTo: string): Promise<FormState<K>> {
  return festivalFinish(
    values,
    async () => {
      await change();
      updateTag(PROGRAMME_TAG);
    },
    () => ({ flash: typeof flash === "string" ? flash : flash(), redirectTo }),
  );
}
