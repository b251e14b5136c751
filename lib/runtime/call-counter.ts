import type { Pluggable } from "@smithy/types";

/**
 * Counts every attempt an SDK client sends (retries included: AWS rate limits count attempts).
 * Added after the retry middleware in the finalizeRequest step, so each attempt passes through it.
 */
export function callCounterPlugin(): { plugin: Pluggable<any, any>; count: () => number } {
  let calls = 0;
  return {
    count: () => calls,
    plugin: {
      applyToStack(stack) {
        stack.add(
          (next) => async (args) => {
            calls++;
            return next(args);
          },
          { step: "finalizeRequest", priority: "low", name: "iamfitCallCounter", override: true },
        );
      },
    },
  };
}
