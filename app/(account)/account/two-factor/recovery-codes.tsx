"use client";

/** The recovery codes, shown once (they exist in clear only in the action's answer), and as a text file. */
export function RecoveryCodes({ codes, file }: { codes: string[]; file: string }) {
  return (
    <div className="stack" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">Your recovery codes</h2>
      <p>
        Each signs you in once if you lose your phone. Save them now: they are not shown again.
      </p>
      <ul className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a className="button" href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`} download="festival-recovery-codes.txt">
          Download as a text file
        </a>
      </p>
    </div>
  );
}
