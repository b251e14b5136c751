/** The body of every /api/v1 error response. */
import { z } from "zod";

export const API_ERROR_CODES = ["invalid_parameter", "not_found", "unauthorized", "forbidden", "internal_error"] as const;

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES),
      message: z.string(),
      parameter: z.string().optional().describe("The query parameter that was rejected"),
    }),
  });

export type ApiError = z.infer<typeof apiErrorSchema>;
