import type { SortDirection } from "./columns";

// The people report's choices, shared by its query parsing (pure) and its service. Pure.
export const PEOPLE_ROLES = ["teacher", "accompanist", "performer", "school"] as const;
export type PeopleRole = (typeof PEOPLE_ROLES)[number];
export const ROLE_LABELS: Record<PeopleRole, string> = { teacher: "Teacher", accompanist: "Accompanist", performer: "Performer", school: "School" };

export interface PeopleReportFilters {
  role: PeopleRole;
  /** A prefix of the person's (or school's) name, as the other admin searches. */
  name?: string;
  sort?: string;
  dir?: SortDirection;
}
