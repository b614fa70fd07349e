// One admin's demotion of another, run in its own process by roles.test.ts: two of these race on one
// SQLite file the way two server processes would (in one process the adapter queues transactions).
// Usage: tsx --conditions=react-server demote-worker.ts <db url> <actor id> <subject id> <revoke|deactivate|delete> <ready file> <go file>
import { existsSync, writeFileSync } from "node:fs";
import { createPrismaClient } from "@/lib/db";
import { loadUserAccess } from "@/lib/users/access";
import { RuleError, userActor } from "@/lib/auth/actor";
import { deleteUser, revokeRole, setActive } from "@/lib/users/admin";

async function main() {
  const [url, actorId, subjectId, kind, readyFile, goFile] = process.argv.slice(2);
  const db = createPrismaClient(url);
  const actor = userActor((await loadUserAccess(db, actorId))!, null);
  const demote = { revoke: () => revokeRole(db, actor, subjectId, "admin"), deactivate: () => setActive(db, actor, subjectId, false), delete: () => deleteUser(db, actor, subjectId) }[kind]!;
  writeFileSync(readyFile, "");
  while (!existsSync(goFile)) await new Promise((r) => setTimeout(r, 2));
  const outcome = await demote().then(
    () => ({ ok: true }),
    (error: unknown) => ({ ok: false, rule: error instanceof RuleError, message: error instanceof Error ? error.message : String(error) }),
  );
  console.log(JSON.stringify(outcome));
  await db.$disconnect();
}

void main();
