/**
 * Test-only: an SDK plugin that records what one operation answered and, when told to, answers
 * the same calls with chosen members left out. It sits in the build step, where the request
 * names its endpoint, and changes the output on its way back up to `send`. A call is
 * recognised by its region and input, so one bucket's GetBucketAcl or one region's
 * DescribePolicies is changed and not another's.
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

function callKeyOf(client: string, operation: string, region: string, input: unknown): string {
  return `${client}:${operation} ${region} ${stringify(input ?? {})}`;
}

/** The region in an endpoint host ("ec2.eu-west-1.amazonaws.com"); us-east-1 for global ones. */
function regionOfHost(hostname: string): string {
  return /(?:^|\.)((?:[a-z]{2}|us-gov)-[a-z]+-\d+)\./.exec(hostname)?.[1] ?? "us-east-1";
}

export function memberRemovalPlugin(state: MemberRemoval): Pluggable<any, any> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          const client = String(context.clientName ?? "").replace(/Client$/, "");
          const operation = String(context.commandName ?? "").replace(/Command$/, "");
          const hostname = (args.request as { hostname?: string } | undefined)?.hostname ?? "";
          const callKey = callKeyOf(client, operation, regionOfHost(hostname), args.input);
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
        { step: "build", priority: "high", name: "iamfitTestMemberRemoval", override: true },
      );
    },
  };
}
