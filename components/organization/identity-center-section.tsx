import Link from "next/link";
import { ErrorCode } from "@/components/accounts/error-code";
import { Notice } from "@/components/ui/notice";
import { formatUtc, RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import {
  SESSION_LIMIT_WORDS,
  type AccountName,
  type AssignedPrincipal,
  type IdentityCenterInstanceView,
  type IdentityCenterOverview,
  type PermissionSetAdmin,
  type PermissionSetView,
} from "@/lib/identity-center/overview";
import { IdentityCenterUnreadNotice } from "./identity-center-unread";

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

function AccountLabel({ account }: { account: AccountName }) {
  const name = account.name ?? account.awsAccountId;
  return (
    <>
      {account.linked ? (
        <Link href={`/accounts/${account.awsAccountId}`} className="font-medium break-words">
          {name}
        </Link>
      ) : (
        <span className="font-medium break-words">{name}</span>
      )}
      {account.name ? <span className="ml-1 font-mono text-xs muted">{account.awsAccountId}</span> : null}
    </>
  );
}

function PrincipalWords({ principal }: { principal: AssignedPrincipal }) {
  return principal.type === "GROUP" ? (
    <>
      group <strong className="font-medium">{principal.name}</strong> <span className="muted">({plural(principal.members ?? 0, "person", "people")})</span>
    </>
  ) : (
    <>
      user <strong className="font-medium">{principal.name}</strong> <span className="muted">(directly)</span>
    </>
  );
}

const ADMIN_BADGE: Record<PermissionSetAdmin["kind"], { status: string; label: (admin: PermissionSetAdmin) => string }> = {
  admin: { status: "failed", label: (admin) => `Administrator in ${plural("accounts" in admin ? admin.accounts : 0, "account")}` },
  admin_on_its_face: { status: "failed", label: () => "Grants administrator rights" },
  undetermined: { status: "partial", label: () => "Not known" },
  not_admin: { status: "succeeded", label: () => "Not administrator" },
  not_judged: { status: "never", label: () => "Not judged yet" },
};

function AdminCell({ admin }: { admin: PermissionSetAdmin }) {
  const badge = ADMIN_BADGE[admin.kind];
  const note =
    admin.kind === "undetermined"
      ? `A policy could not be read in ${plural(admin.accounts, "account")}.`
      : admin.kind === "not_admin"
        ? `Judged in ${plural(admin.accounts, "account")} with each account's own policies.`
        : admin.kind === "not_judged"
          ? "No account it is assigned to has been judged yet."
          : admin.kind === "admin_on_its_face"
            ? "Its policies allow every action on every resource."
            : null;
  return (
    <>
      <StatusBadge status={badge.status} label={badge.label(admin)} />
      {note ? <div className="mt-1 text-xs muted">{note}</div> : null}
    </>
  );
}

function PoliciesList({ set }: { set: PermissionSetView }) {
  const lines = [
    ...set.awsManagedPolicies.map((name) => `AWS managed policy ${name}`),
    ...set.customerManagedPolicies.map((name) => `Customer managed policy ${name} (in each account)`),
    ...(set.hasInlinePolicy ? ["Inline policy"] : []),
    ...(set.boundary ? [`Permissions boundary: ${set.boundary}`] : []),
  ];
  if (lines.length === 0) return <div className="text-xs muted">No policy: grants nothing</div>;
  return (
    <ul className="mt-1 space-y-0.5 text-xs muted">
      {lines.map((line) => (
        <li key={line} className="break-words">
          {line}
        </li>
      ))}
    </ul>
  );
}

function SessionCell({ set }: { set: PermissionSetView }) {
  return (
    <>
      <div className="whitespace-nowrap">
        {set.session}
        {set.sessionDefault ? <span className="muted"> (AWS default)</span> : null}
      </div>
      {set.sessionTooLong ? <StatusBadge status="partial" label={`Longer than ${SESSION_LIMIT_WORDS}`} /> : null}
      {set.sessionTooLong === null ? <div className="text-xs muted">Not a duration iamfit reads</div> : null}
    </>
  );
}

function AssignedCell({ set }: { set: PermissionSetView }) {
  if (set.accounts.length === 0) return <span className="muted">Not assigned</span>;
  const summary = `${plural(set.accounts.length, "account")} · ${plural(set.groupCount, "group")} · ${plural(set.userCount, "user")} directly`;
  return (
    <details className="group">
      <summary className="cursor-pointer">
        {summary}
        <span className="sr-only"> for permission set {set.name}</span>
      </summary>
      <ul
        className="mt-2 max-h-80 space-y-2 overflow-y-auto pr-2"
        aria-label={`Accounts where ${set.name} is assigned`}
        tabIndex={set.accounts.length > 8 ? 0 : undefined}
      >
        {set.accounts.map((account) => (
          <li key={account.awsAccountId}>
            <AccountLabel account={account} />
            <ul className="ml-4 list-disc text-sm">
              {account.principals.map((principal) => (
                <li key={`${principal.type}:${principal.name}`}>
                  <PrincipalWords principal={principal} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** The column's name above a cell on a phone, where the header row is hidden; screen readers still have the headers. */
function CellLabel({ children }: { children: string }) {
  return (
    <div aria-hidden="true" className="mb-1 text-xs font-semibold tracking-wide text-zinc-600 uppercase sm:hidden dark:text-zinc-400">
      {children}
    </div>
  );
}

function InstanceView({ instance, now }: { instance: IdentityCenterInstanceView; now: Date }) {
  const role =
    instance.holderIsManagement === null ? "" : instance.holderIsManagement ? ", the management account," : ", the delegated administrator,";
  return (
    <div className="space-y-3">
      <p className="text-sm">
        Held by <AccountLabel account={instance.holder} />
        {role} in {instance.region}. {plural(instance.people, "person", "people")}, {plural(instance.groups, "group")} and{" "}
        {plural(instance.permissionSets.length, "permission set")}; read <RelativeTime date={instance.readAt} now={now} />.
      </p>
      {instance.latestProblem ? (
        <Notice tone="warning" title="The latest collection could not read it again">
          <p>
            {instance.holder.name ?? instance.holder.awsAccountId} answered <ErrorCode code={instance.latestProblem.code} />
            {instance.latestProblem.api ? (
              <>
                {" "}
                at <code>{instance.latestProblem.api}</code>
              </>
            ) : null}
            ; what is shown is as of {formatUtc(instance.readAt)}.
          </p>
        </Notice>
      ) : null}
      {instance.permissionSets.length === 0 ? (
        <p className="py-6 text-center text-sm muted">This instance has no permission sets: no one gets access to an account through it.</p>
      ) : (
        <div className="overflow-x-auto">
          {/* On a phone each permission set stacks into a card: four columns would scroll sideways. */}
          <table className="data-table max-sm:block">
            <caption className="sr-only">
              Permission sets of IAM Identity Center, their policies, session length, administrator rights and where they are assigned
            </caption>
            <thead className="max-sm:sr-only">
              <tr>
                <th scope="col">Permission set and policies</th>
                <th scope="col">Session</th>
                <th scope="col">Administrator rights</th>
                <th scope="col">Assigned to</th>
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {instance.permissionSets.map((set) => (
                <tr key={set.permissionSetArn} className="group align-top max-sm:block max-sm:border-b max-sm:border-zinc-200 max-sm:py-2 dark:max-sm:border-zinc-800" data-permission-set={set.name}>
                  <th
                    scope="row"
                    className="min-w-48 border-zinc-100 bg-transparent text-left text-sm font-normal tracking-normal whitespace-normal text-inherit normal-case group-hover:bg-zinc-50 max-sm:block max-sm:border-0 dark:border-zinc-800/70 dark:bg-transparent dark:group-hover:bg-zinc-800/40"
                  >
                    <div className="font-semibold break-words">{set.name}</div>
                    <PoliciesList set={set} />
                  </th>
                  <td className="min-w-28 max-sm:block max-sm:border-0">
                    <CellLabel>Session</CellLabel>
                    <SessionCell set={set} />
                  </td>
                  <td className="min-w-40 max-sm:block max-sm:border-0">
                    <CellLabel>Administrator rights</CellLabel>
                    <AdminCell admin={set.admin} />
                  </td>
                  <td className="min-w-56 max-sm:block max-sm:border-0">
                    <CellLabel>Assigned to</CellLabel>
                    <AssignedCell set={set} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** The organization's IAM Identity Center: where it is held, its permission sets and where they are assigned. */
export function IdentityCenterSection({ overview, now }: { overview: IdentityCenterOverview; now: Date }) {
  return (
    <section aria-labelledby="identity-center-heading" className="card mt-6 space-y-3 p-4">
      <div>
        <h2 id="identity-center-heading" className="text-base font-semibold">
          IAM Identity Center
        </h2>
        <p className="text-sm muted">
          People who sign in through IAM Identity Center get into accounts through permission sets. Sessions longer than {SESSION_LIMIT_WORDS} and
          sets with administrator rights are what exercises 3 and 7 judge in each account.
        </p>
      </div>
      {overview.state === "read" ? (
        overview.instances.map((instance) => <InstanceView key={instance.instanceArn} instance={instance} now={now} />)
      ) : overview.state === "unread" ? (
        <IdentityCenterUnreadNotice why={overview.why} />
      ) : (
        <p className="text-sm muted">Once accounts are linked and collected, the permission sets and where they are assigned appear here.</p>
      )}
    </section>
  );
}
