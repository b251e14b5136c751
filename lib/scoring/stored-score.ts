/**
 * The score detail stored per account and run (content-addressed, so unchanged scores cost
 * nothing). Pages read it for per-exercise and per-check counts without touching findings.
 */
import { z } from "zod";

export const storedCheckScoreSchema = z.object({
  checkId: z.string(),
  exercise: z.number().int().min(1).max(10),
  score: z.number().int().nullable(),
  passed: z.number().int(),
  failed: z.number().int(),
  unknown: z.number().int(),
  notApplicable: z.number().int(),
});

export const storedExerciseScoreSchema = z.object({
  exercise: z.number().int().min(1).max(10),
  score: z.number().int().nullable(),
  passed: z.number().int(),
  failed: z.number().int(),
  unknown: z.number().int(),
  unknownChecks: z.number().int(),
});

export const storedScoreDetailSchema = z.object({
  version: z.literal(1),
  exercises: z.array(storedExerciseScoreSchema),
  checks: z.array(storedCheckScoreSchema),
});

export type StoredCheckScore = z.infer<typeof storedCheckScoreSchema>;
export type StoredExerciseScore = z.infer<typeof storedExerciseScoreSchema>;
export type StoredScoreDetail = z.infer<typeof storedScoreDetailSchema>;
