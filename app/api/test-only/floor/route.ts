import { cookies } from "next/headers";
import { env } from "@/lib/env";

// The floor `npm run bench` holds /api/account against: Next.js's route-handler machinery reading the
// session cookie and nothing else (outside the middleware's matcher, like /api/account). Absent (404)
// unless MFO_TEST_ROUTES=true, which production never sets.
export async function GET() {
  if (!env().MFO_TEST_ROUTES) return new Response("Not found", { status: 404 });
  const token = (await cookies()).get("authjs.session-token")?.value;
  return Response.json({ cookie: Boolean(token) }, { headers: { "Cache-Control": "private, no-store" } });
}
