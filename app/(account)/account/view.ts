// What GET /api/account (data.ts) sends the /account page: plain JSON, dates as ISO strings. Shared by the
// route (which builds it) and the page (which shows it), so both agree on its shape.

export interface FestivalRoleChoice {
  name: string;
  description: string;
  held: boolean;
}

export interface AccountView {
  email: string;
  name: string;
  roles: string[];
  createdAt: string;
  signIns: { count: number; currentAt: string | null; currentIp: string | null; lastAt: string | null; lastIp: string | null };
  festivalRoles: FestivalRoleChoice[];
  /** FESTIVAL_TIME_ZONE: the page shows every time in it (lib/format/time.ts). */
  timeZone: string;
}

/** A refused request: why, and where the browser should go instead (sign-in, /session-ended, /confirm-email). */
export interface AccountRefused {
  refusal: string;
  location: string;
}
