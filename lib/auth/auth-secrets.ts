// The deployment's secrets, newest first: AUTH_SECRET, then AUTH_SECRET_1..3, older ones still accepted
// while rotating (as Auth.js itself does). What is made now uses the first; what is read tries them all.
// Edge-safe (middleware.ts reads session cookies with them).
export function authSecrets(): string[] {
  return [process.env.AUTH_SECRET, process.env.AUTH_SECRET_1, process.env.AUTH_SECRET_2, process.env.AUTH_SECRET_3].filter(
    (s): s is string => Boolean(s),
  );
}
