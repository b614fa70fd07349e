import { notFound } from "next/navigation";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

// Lets the e2e suite see the 500 page in a production build. Absent (404) unless MFO_TEST_ROUTES=true.
export default function Crash() {
  if (!env().MFO_TEST_ROUTES) notFound();
  throw new Error("Deliberate failure for the error-page test");
}
