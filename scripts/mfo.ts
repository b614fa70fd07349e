// The `mfo` command line for the server's owner, as `flask users` / `flask roles`:
//   npm run mfo -- users create --email E [--password P] [--role R]…   (prompts for the password if absent)
//   npm run mfo -- users list [--role R]
//   npm run mfo -- users activate|deactivate|delete|set-password E
//   npm run mfo -- users add-role|remove-role E R
//   npm run mfo -- roles create NAME [--description D] [--permission P]…
//   npm run mfo -- roles list
//   npm run mfo -- roles add-permission|remove-permission NAME P
//   npm run mfo -- demo        (fills a demo festival season: lib/festival/demo.ts)
// The commands are in lib/cli/mfo.ts; this is the terminal around them (arguments, output, the hidden
// password prompt, the exit status). A refusal prints one line on stderr and exits with status 1.
import { createInterface } from "node:readline";
import { loadEnvConfig } from "@next/env";
import { runMfo, UsageError } from "@/lib/cli/mfo";

// Before any command reads the settings (lib/cli/mfo.ts loads the services when a command runs).
loadEnvConfig(process.cwd());

/** Reads a line from the terminal without echoing it (or from a pipe, as it comes). */
async function prompt(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  const hidden = process.stdin.isTTY;
  if (hidden) {
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    output._writeToOutput = (s: string) => {
      if (s.startsWith(question)) process.stderr.write(question);
    };
  }
  try {
    return await new Promise<string>((resolve, reject) => {
      rl.question(question, resolve);
      rl.once("close", () => reject(new UsageError("no password given")));
    });
  } finally {
    if (hidden) process.stderr.write("\n");
    rl.close();
  }
}

void runMfo(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  prompt,
}).then((status) => {
  process.exitCode = status;
});
