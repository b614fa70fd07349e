import { z } from "zod";
import { ROLE_DESCRIPTION_MAX_LENGTH, ROLE_NAME_MAX_LENGTH } from "./limits";

/** Lower-case words joined by hyphens or underscores: "stage-crew". Used by the console and the CLI. */
export const roleNameSchema = z
  .string({ error: "Enter a role name" })
  .trim()
  .min(1, "Enter a role name")
  .max(ROLE_NAME_MAX_LENGTH, `A role name has at most ${ROLE_NAME_MAX_LENGTH} characters`)
  .regex(/^[a-z][a-z0-9_-]*$/, "Use lower-case letters, digits, - and _, starting with a letter");

export const roleDescriptionSchema = z
  .string()
  .trim()
  .max(ROLE_DESCRIPTION_MAX_LENGTH, `A description has at most ${ROLE_DESCRIPTION_MAX_LENGTH} characters`)
  .default("");

export const roleFormSchema = z.object({ name: roleNameSchema, description: roleDescriptionSchema });
