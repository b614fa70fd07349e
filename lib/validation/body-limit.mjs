// @ts-check
// Plain JavaScript because Node loads next.config.mjs itself (no TypeScript step) and it imports this;
// everything else imports it through lib/validation/limits.ts.

/** Server-action request bodies (next.config.mjs serverActions.bodySizeLimit, middleware.ts 413). */
export const MAX_ACTION_BODY_BYTES = 256 * 1024;
