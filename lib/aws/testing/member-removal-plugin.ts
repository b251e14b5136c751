/**
 * Test-only: an SDK plugin that records what one operation answered and, when told to, answers
 * the same calls with chosen members left out. It sits in the initialize step (outside
 * everything else), so the collectors see the changed output exactly as `send` returns it.
 * A call is recognised by its input, so one bucket's GetBucketAcl or one region's AssumeRole
 * probe is changed and not another's.
 */
import type { Pluggable } from "@smithy/types";
import stringify from "safe-stable-stringify";
import { withoutMembers, type MemberPath } from "./sdk-optional-members";

export interface RecordedCall {
  /** Client class without "Client": "IAM", "S3Control"… */
  client: string;
  operation: string;
  /** Stable across runs: the operation and its input. */
  callKey: string;
  output: Record<string, unknown>;
}

export interface MemberRemoval {
  /** Calls of these `Client:Operation` names are recorded while `recording` is set. */
  recording?: { operations: Set<string>; calls: RecordedCall[] };
  /** Member paths to leave out, by call key. */
  remove: Map<string, MemberPath[]>;
}

function callKeyOf(client: string, operation: string, input: unknown): string {
  return `${client}:${operation} ${stringify(input ?? {})}`;
}

export function memberRemovalPlugin(state: MemberRemoval): Pluggable<any, any> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          const client = String(context.clientName ?? "").replace(/Client$/, "");
          const operation = String(context.commandName ?? "").replace(/Command$/, "");
          const callKey = callKeyOf(client, operation, args.input);
          const result = await next(args);
          const output = result.output as Record<string, unknown>;
          if (state.recording?.operations.has(`${client}:${operation}`)) {
            const { $metadata: _metadata, ...facts } = output;
            state.recording.calls.push({ client, operation, callKey, output: structuredClone(facts) });
          }
          const paths = state.remove.get(callKey);
          if (!paths || paths.length === 0) return result;
          return { ...result, output: withoutMembers(output, paths) };
        },
        { step: "initialize", priority: "high", name: "iamfitTestMemberRemoval", override: true },
      );
    },
  };
}
