import type { Command } from "commander";
import { getOrCreateExternalId } from "@/lib/db/settings";
import { applySandboxFix } from "@/lib/remediation/apply-sandbox-fix";
import { describeSandboxMutation } from "@/lib/remediation/sandbox-fix";
import { createAwsRuntime } from "@/lib/runtime/aws-runtime";
import { loadSandboxMutations, saveSandboxMutations } from "@/lib/runtime/sandbox-setup";
import { parseMutation, SandboxMutationError, type SandboxMutation } from "@/lib/sandbox/mutations";
import { auditCliChange, CliError, withDatabase } from "../context";

function parseMutationArgument(json: string): SandboxMutation {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new CliError(`<mutation-json> is not JSON: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  try {
    return parseMutation(value);
  } catch (error) {
    throw new CliError(error instanceof Error ? error.message : String(error), 2);
  }
}

/** `iamfit sandbox apply|list`: change the sandbox organization (fix, then collect, then see it verified). */
export function registerSandboxCommand(program: Command): void {
  const sandbox = program.command("sandbox").description("the built-in sandbox organization (demos and tests)");

  sandbox
    .command("apply")
    .description("apply a fix (or a breakage) to the sandbox organization and keep it for every iamfit process")
    .argument("<mutation-json>", `e.g. '{"type":"deactivate-access-key","accountId":"111111111111","userName":"alice","keyIndex":1}'`)
    .addHelpText(
      "after",
      `
Mutation types: deactivate-access-key, delete-root-access-key, enable-mfa, detach-user-policy,
put-account-public-access-block, put-bucket-public-access-block, revoke-security-group-ingress,
set-password-policy, deactivate-sts-region, activate-sts-region, set-global-endpoint-token-version,
set-trail-logging, add-admin-user (lib/sandbox/mutations.ts has their fields).
A running server picks the change up when it next starts; \`iamfit collect --wait\` sees it at once.
Exit status: 0 applied, 1 refused by the sandbox (it names something that does not exist) or not in sandbox mode, 2 bad usage.`,
    )
    .action(async (json: string) => {
      const mutation = parseMutationArgument(json);
      await withDatabase(async (config) => {
        const aws = await createAwsRuntime(config, { externalId: await getOrCreateExternalId(), sandboxMutations: await loadSandboxMutations() });
        if (!aws.sandbox) throw new CliError(`iamfit is using real AWS here (${aws.description}); sandbox changes apply only to the sandbox organization.`);
        try {
          await applySandboxFix({ world: aws.sandbox, loadMutations: loadSandboxMutations, saveMutations: saveSandboxMutations }, [mutation]);
        } catch (error) {
          if (error instanceof SandboxMutationError) throw new CliError(`the sandbox refused it: ${error.message}`);
          throw error;
        }
        await auditCliChange({ action: "sandbox.fix_applied", detail: { summary: describeSandboxMutation(mutation) } });
        console.log(`Applied: ${describeSandboxMutation(mutation)}.`);
      });
    });

  sandbox
    .command("list")
    .description("list the changes applied to the sandbox organization, oldest first")
    .action(async () => {
      await withDatabase(async () => {
        const mutations = await loadSandboxMutations();
        if (mutations.length === 0) console.log("No sandbox changes applied.");
        for (const [index, stored] of mutations.entries()) {
          let line: string;
          try {
            line = describeSandboxMutation(parseMutation(stored));
          } catch {
            line = `unreadable: ${JSON.stringify(stored)}`;
          }
          console.log(`${index + 1}. ${line}`);
        }
      });
    });
}
