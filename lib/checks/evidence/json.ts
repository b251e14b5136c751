/** JSON as stored evidence holds it: AWS documents (policy statements) kept as AWS wrote them. */
import { z } from "zod";
import type { JsonValue } from "../types";

export const jsonValueSchema: z.ZodType<JsonValue> = z.json();
