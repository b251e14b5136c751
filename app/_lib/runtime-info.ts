/**
 * What the shell shows about the process: sandbox or real AWS. Pages must still render when the
 * app was started without `npm start` (e.g. `next start` during development), so a missing
 * runtime is "unknown", not an error.
 */
import "server-only";
import { processServices } from "@/lib/runtime/process-services";

export interface RuntimeInfo {
  mode: "aws" | "sandbox";
  description: string;
}

export function runtimeInfo(): RuntimeInfo | null {
  try {
    const { aws } = processServices();
    return { mode: aws.mode, description: aws.description };
  } catch {
    return null;
  }
}
