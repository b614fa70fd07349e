// The lists a new festival starts with (issue 16): seeded at start-up into empty tables, and used by the demo.
export const STANDARD_DISCIPLINES = ["Piano", "Voice", "Strings", "Woodwinds", "Brass", "Percussion", "Guitar", "Choral", "Band", "Musical Theatre"] as const;

export const STANDARD_LEVELS = ["Pre-Junior", "Junior", "Intermediate", "Senior", "Advanced"] as const;

/** maxPerformers null: no upper limit. */
export const STANDARD_PERFORMANCE_TYPES: ReadonlyArray<{ name: string; minPerformers: number; maxPerformers: number | null }> = [
  { name: "Solo", minPerformers: 1, maxPerformers: 1 },
  { name: "Duet", minPerformers: 2, maxPerformers: 2 },
  { name: "Trio", minPerformers: 3, maxPerformers: 3 },
  { name: "Quartet", minPerformers: 4, maxPerformers: 4 },
  { name: "Quintet", minPerformers: 5, maxPerformers: 5 },
  { name: "Ensemble", minPerformers: 2, maxPerformers: null },
  { name: "Recital", minPerformers: 1, maxPerformers: 1 },
  { name: "Composition", minPerformers: 1, maxPerformers: 1 },
];
