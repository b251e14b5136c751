/** ChecklistItemView factory for tests of ordering, filters and exports. */
import type { ChecklistItemView } from "../checklist-view";

let counter = 0;

export function itemView(fields: Partial<ChecklistItemView> = {}): ChecklistItemView {
  counter += 1;
  const resourceName = fields.resourceName ?? `user-${counter}`;
  return {
    id: String(counter),
    awsAccountId: "123456789012",
    accountName: "Prod",
    checkId: "users.console-mfa",
    exercise: 2,
    resourceId: `arn:aws:iam::123456789012:user/${resourceName}`,
    resourceType: "user",
    resourceName,
    region: null,
    severity: "high",
    reason: `${resourceName} has a console password and no MFA`,
    currentStatus: "fail",
    evidence: { user: resourceName },
    state: "open",
    reopenMark: null,
    stateChangedAt: "2026-11-20T10:00:00.000Z",
    assignee: null,
    dueOn: null,
    riskReason: null,
    riskExpiresOn: null,
    createdAt: "2026-11-20T10:00:00.000Z",
    checkResources: 10,
    history: [],
    ...fields,
  };
}
