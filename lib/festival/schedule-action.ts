import "server-only";

// Where every schedule action (app/(admin)/admin/festival/schedule/actions.ts) returns after a change.
// (The services bump the public programme's version, so the next visitor sees the change.)

export const SCHEDULE_PATH = "/admin/festival/schedule";

export const schedulePage = (seasonId: string) => `${SCHEDULE_PATH}?season=${encodeURIComponent(seasonId)}`;
