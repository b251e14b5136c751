/**
 * `npm run sandbox:endpoint -- --port 4566 [--accounts 50] [--seed 7]`
 * The sandbox organization as an AWS-compatible endpoint on loopback (lib/sandbox/http): point
 * iamfit, the AWS CLI or any SDK at it with AWS_ENDPOINT_URL and the printed base credentials,
 * and every request travels as signed HTTP and every answer as the service's XML or JSON.
 */
import { parseArgs } from "node:util";
import { createSandboxWorld, SANDBOX_BASE_CREDENTIALS } from "@/lib/sandbox";
import { startSandboxHttpServer } from "@/lib/sandbox/http/http-server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4566" },
    accounts: { type: "string", default: "0" },
    seed: { type: "string", default: "42" },
  },
});

async function main(): Promise<void> {
const world = createSandboxWorld({ seed: Number(values.seed), generatedAccounts: Number(values.accounts) });
const server = await startSandboxHttpServer(world, { port: Number(values.port) });
const accounts = world.accounts();
process.stdout.write(
  [
    `Sandbox organization of ${accounts.length} accounts at ${server.endpoint}`,
    `  AWS_ENDPOINT_URL=${server.endpoint}`,
    `  AWS_ACCESS_KEY_ID=${SANDBOX_BASE_CREDENTIALS.accessKeyId}`,
    `  AWS_SECRET_ACCESS_KEY=${SANDBOX_BASE_CREDENTIALS.secretAccessKey}`,
    `  ExternalId of every audit role: ${world.externalId}`,
    `  e.g. audit role of ${accounts[0]?.name}: ${accounts[0]?.roleArn}`,
    "Ctrl-C stops it.",
    "",
  ].join("\n"),
);
const stop = () => void server.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
}

void main();
