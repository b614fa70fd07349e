// Only for scripts/bench/{import,schedule}.ts (the lead's files at the time of the rename to
// lib/auth/actor.ts): they import CLI_OPERATOR from here. Delete this file once they import CLI_ACTOR
// from "@/lib/auth/actor".
export { CLI_ACTOR as CLI_OPERATOR } from "./actor";
