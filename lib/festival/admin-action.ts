import "server-only";
import { requireAdmin } from "@/lib/admin/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { userActor, type Actor } from "@/lib/auth/actor";

// The guard of every organizer action on the festival (festival.manage, else 403, before the form is
// even read), for lib/forms/form-action.ts. (The services bump the syllabus version themselves, so
// /syllabus shows the change on the next request.)

export async function festivalActor(): Promise<Actor> {
  const me = await requireAdmin("festival.manage");
  return userActor(me, await requestIp());
}
