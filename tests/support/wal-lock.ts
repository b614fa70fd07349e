import { spawn } from "node:child_process";
import { once } from "node:events";

// Another process holding a SQLite file's WAL locks, as a backup tool or a stuck maintenance job
// would: the realistic way to take a database away from a running server. SQLite's own exclusive
// locking cannot do it (BEGIN EXCLUSIVE with locking_mode=EXCLUSIVE fails at once while the server has
// the file open, and in WAL mode plain writers never block readers), and renaming or deleting the
// file does not reach a connection that is already open. So: POSIX locks on the "-shm" file, where
// SQLite keeps its WAL locks (bytes 120–127: write, checkpoint, recover, read marks 0–4), taken by
// perl (always on Debian), since Node cannot call fcntl.
// Seen here: readers fail with SQLITE_PROTOCOL ("locking protocol") after about 10 s of retries;
// with only the write lock held, writers fail with SQLITE_BUSY after the 5 s busy timeout.
const PERL = `
use Fcntl qw(F_SETLK F_WRLCK SEEK_SET O_RDWR);
sysopen(my $fh, $ARGV[0], O_RDWR) or die "open $ARGV[0]: $!";
my $lock = pack("s s x4 q q l x4", F_WRLCK, SEEK_SET, $ARGV[1], $ARGV[2], 0);
fcntl($fh, F_SETLK, $lock) or die "lock: $!";
$| = 1; print "locked\\n";
if (defined $ARGV[3]) { select(undef, undef, undef, $ARGV[3]); } else { <STDIN>; }
`;

const WAL_LOCKS = { all: [120, 8], writer: [120, 1] } as const;

/**
 * Locks the WAL of `dbFile` (a path) until the returned function is called, or, with `releaseAfterMs`,
 * until that much time has passed: the other process lets go by itself, which is what a test needs when
 * the libSQL driver blocks this process's event loop while it waits for the lock.
 */
export async function holdWalLocks(
  dbFile: string,
  which: keyof typeof WAL_LOCKS = "all",
  releaseAfterMs?: number,
): Promise<() => Promise<void>> {
  const [start, length] = WAL_LOCKS[which];
  const args = ["-e", PERL, `${dbFile}-shm`, String(start), String(length), ...(releaseAfterMs === undefined ? [] : [String(releaseAfterMs / 1000)])];
  const child = spawn("perl", args, { stdio: ["pipe", "pipe", "pipe"] });
  child.stdin.on("error", () => {}); // it may have let go and exited already
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const [ready] = await Promise.race([once(child.stdout, "data"), once(child, "exit")]);
  if (!String(ready).includes("locked")) throw new Error(`could not lock ${dbFile}-shm: ${stderr.trim()}`);
  return async () => {
    if (child.exitCode !== null) return;
    const exited = once(child, "exit");
    child.stdin.end();
    await exited;
  };
}
