import "server-only";
import { requireAdmin } from "@/lib/admin/guard";
import { requestIp } from "@/lib/auth/request-ip";
import { userOperator, type Operator } from "@/lib/auth/operator";

// The guard of every organizer action on the festival (festival.manage, else 403, before the form is
// even read), for lib/forms/form-action.ts. (The services bump the syllabus version themselves, so
// /syllabus shows the change on the next request.)

export async function festivalOperator(from: string): Promise<Operator> {
  const me = await requireAdmin("festival.manage", from);
  return userOperator(me, await requestIp());
}
