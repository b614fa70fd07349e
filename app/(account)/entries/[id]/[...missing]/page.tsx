import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/guards";

// Unknown paths below an entry: a 404 rendered per request, like /entries/<anything> (see ../page.tsx).
export default async function MissingEntrySubpage(): Promise<never> {
  await requireUser();
  notFound();
}
