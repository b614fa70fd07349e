import { test } from "@playwright/test";
import { organizersJourney } from "./festival-admin.journey";
import { entrantsJourney } from "./entries.journey";

// The two festival journeys decide which season is current on the shared server, so they run one after
// the other, in one file: one serial group, which the `festival` project (first in playwright.config.ts)
// starts at once on one worker while the other worker takes the rest of the suite. (As two projects, one
// depending on the other, the second waited for the whole suite and ran alone at its end.) Long journeys
// (several sign-ins and saves) on a shared 2-core machine: a generous time per test.
test.describe.configure({ mode: "serial", timeout: 480_000 });

organizersJourney();
entrantsJourney();
