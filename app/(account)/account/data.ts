import "server-only";
import { cookies, headers } from "next/headers";
import { setSessionHint } from "@/lib/session-hint/cookie";
import { accountDataAnswer } from "./data-answer";

// GET /api/account through Next (app/api/account/route.ts re-exports this). Under `npm start` the custom
// server answers it before Next, with the same answer (front-answer.ts); this route serves it elsewhere
// (Vercel, `next start`) and whenever the server's copy is missing or turned off.
export async function GET() {
  const jar = await cookies();
  const answer = await accountDataAnswer(jar, await headers());
  if (answer.sessionHint) await setSessionHint(answer.sessionHint);
  return Response.json(answer.body, { status: answer.status, headers: answer.headers });
}
