import { actorOf } from "@/lib/auth/guards";
import { apiCollectionRequestSchema, toApiCollectionStarted } from "@/lib/api/collection-json";
import { apiJson, apiMutation } from "@/lib/api/route-handler";
import { recordAudit } from "@/lib/audit/record";
import { requestOriginFrom } from "@/lib/audit/request-context";
import { requestCollection } from "@/lib/collect/request-collection";
import { processServices } from "@/lib/runtime/process-services";

export const dynamic = "force-dynamic";

/** Starts a collection of some or all accounts ("Collect now" for pipelines); 202 with the run. */
export const POST = apiMutation(apiCollectionRequestSchema, "collect", async (body, request, user) => {
  const run = await requestCollection(processServices().boss, { trigger: "api", awsAccountIds: body.accounts, requestedBy: user.email });
  await recordAudit({
    action: "collection.requested",
    actor: actorOf(user),
    target: body.accounts ? { type: "account", id: body.accounts.join(",").slice(0, 2048) } : { type: "organization", id: "all" },
    detail: { runId: run.runId?.toString() ?? null, queued: run.queued.length },
    ...requestOriginFrom(request.headers),
  });
  return apiJson(toApiCollectionStarted(run), run.runId === null ? 200 : 202);
});
