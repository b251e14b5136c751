"use client";

import { useActionState, useEffect, useId, useState, type ReactNode } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { LabelledField, type LabelledControlProps } from "@/components/ui/labelled-field";
import { Notice } from "@/components/ui/notice";
import { SubmitButton } from "@/components/ui/submit-button";
import type { SsoFormField, SsoFormState } from "@/lib/auth/sso-settings";

export type SsoSettingsAction = (previous: SsoFormState, formData: FormData) => Promise<SsoFormState>;

/**
 * /settings/sso: the identity provider (with "Test discovery"), who may sign in, and which role
 * their groups give. The client secret field is write-only: it starts empty, and empty keeps the
 * stored secret.
 */
export function SsoSettingsForm({ action, initial, redirectUri }: { action: SsoSettingsAction; initial: SsoFormState; redirectUri: string }) {
  const [state, formAction] = useActionState(action, initial);
  const id = useId();
  const values = state.values;
  // Kept in this page only, so "Test discovery" (which resets the form) does not clear it; gone once saved.
  const [clientSecret, setClientSecret] = useState("");
  useEffect(() => {
    if (state.saved) setClientSecret("");
  }, [state]);

  const field = (name: SsoFormField, label: string, control: (props: LabelledControlProps) => ReactNode, hint?: ReactNode) => (
    <LabelledField idPrefix={id} name={name} label={label} error={state.fieldErrors[name]} hint={hint} control={control} />
  );

  return (
    // After each answer React resets the fields to their defaults, which are the answer's values.
    <form action={formAction} noValidate className="space-y-6">
      {state.error ? (
        <Notice tone="error" role="alert">
          {state.error}
        </Notice>
      ) : null}

      <section aria-labelledby={`${id}-provider`} className="card space-y-4 p-5">
        <div>
          <h2 id={`${id}-provider`} className="text-base font-semibold">
            Identity provider
          </h2>
          <p className="mt-1 text-sm muted">Any OpenID Connect provider: Okta, Microsoft Entra ID, Google Workspace, Keycloak, Authentik, Auth0…</p>
        </div>

        <Notice tone="info" title="Register iamfit at your identity provider first">
          <p>As a web application using the authorization code flow with PKCE, with this redirect URI:</p>
          <p className="flex flex-wrap items-center gap-2">
            <code className="rounded bg-white/70 px-1.5 py-0.5 font-mono text-xs break-all dark:bg-black/30">{redirectUri}</code>
            <CopyButton text={redirectUri} label="Copy redirect URI" />
          </p>
          <p>
            Scopes: <code className="font-mono text-xs">openid email profile</code>, and <code className="font-mono text-xs">groups</code> where the
            provider has it. Then copy its issuer URL, client id and client secret below.
          </p>
        </Notice>

        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="enabled" defaultChecked={values.enabled} className="mt-0.5 size-4" />
          <span>
            <span className="font-medium">Offer single sign-on on the sign-in page</span>
            <span className="block text-xs muted">Off keeps the settings but refuses every SSO sign-in. Password sign-in stays available either way.</span>
          </span>
        </label>

        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          {field(
            "displayName",
            "Provider name",
            (props) => <input {...props} type="text" defaultValue={values.displayName} placeholder="Okta" className="input mt-1" />,
            "The button says “Sign in with <name>”.",
          )}
          {field(
            "issuer",
            "Issuer URL",
            (props) => (
              <div className="mt-1 flex gap-2">
                <input {...props} type="url" defaultValue={values.issuer} placeholder="https://login.example.com/realms/main" className="input font-mono" />
                <SubmitButton name="intent" value="test" variant="secondary" pendingLabel="Testing…">
                  Test discovery
                </SubmitButton>
              </div>
            ),
            <>
              iamfit reads <span className="font-mono">&lt;issuer&gt;/.well-known/openid-configuration</span>.
            </>,
          )}
          {field("clientId", "Client id", (props) => <input {...props} type="text" defaultValue={values.clientId} autoComplete="off" className="input mt-1 font-mono" />)}
          {field(
            "clientSecret",
            "Client secret",
            (props) => (
              <input
                {...props}
                type="password"
                value={clientSecret}
                onChange={(event) => setClientSecret(event.target.value)}
                autoComplete="new-password"
                placeholder={state.hasSecret ? "•••••••• stored" : ""}
                className="input mt-1 font-mono"
              />
            ),
            state.hasSecret ? "Stored encrypted and never shown again. Leave empty to keep it; type a new one to replace it." : "Stored encrypted; it is never shown again.",
          )}
        </div>

        {state.discovery ? (
          state.discovery.ok ? (
            <Notice tone="success" role="status" title="Discovery works">
              <ul className="space-y-0.5 font-mono text-xs break-all">
                {state.discovery.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </Notice>
          ) : (
            <Notice tone="error" role="alert" title="Discovery failed">
              <p>{state.discovery.message}</p>
            </Notice>
          )
        ) : null}
      </section>

      <section aria-labelledby={`${id}-who`} className="card space-y-4 p-5">
        <div>
          <h2 id={`${id}-who`} className="text-base font-semibold">
            Who may sign in
          </h2>
          <p className="mt-1 text-sm muted">
            Fill in one list or both; with both, a person needs an allowed domain and an allowed group. Addresses the provider marks as not
            verified are refused.
          </p>
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          {field(
            "allowedDomains",
            "Allowed email domains",
            (props) => <textarea {...props} rows={4} defaultValue={values.allowedDomains} placeholder="example.com" className="input mt-1 font-mono" />,
            "One a line. A subdomain (eu.example.com) needs its own line.",
          )}
          {field(
            "allowedGroups",
            "Allowed groups",
            (props) => <textarea {...props} rows={4} defaultValue={values.allowedGroups} placeholder="iamfit-users" className="input mt-1 font-mono" />,
            "One a line, exactly as the provider sends them.",
          )}
          {field(
            "groupsClaim",
            "Groups claim",
            (props) => <input {...props} type="text" defaultValue={values.groupsClaim} placeholder="groups" className="input mt-1 font-mono" />,
            "The ID token or UserInfo claim holding the groups: groups unless your provider names it otherwise (e.g. realm_access.roles).",
          )}
        </div>
      </section>

      <section aria-labelledby={`${id}-roles`} className="card space-y-4 p-5">
        <div>
          <h2 id={`${id}-roles`} className="text-base font-semibold">
            Roles
          </h2>
          <p className="mt-1 text-sm muted">
            Someone in several mapped groups gets the highest of their roles. Roles are set again at every sign-in, so removing someone from a
            group at the provider lowers their role the next time they sign in.
          </p>
        </div>
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          {field(
            "adminGroups",
            "Admin groups",
            (props) => <textarea {...props} rows={3} defaultValue={values.adminGroups} placeholder="iamfit-admins" className="input mt-1 font-mono" />,
            "Link accounts, settings, users, SSO.",
          )}
          {field(
            "editorGroups",
            "Editor groups",
            (props) => <textarea {...props} rows={3} defaultValue={values.editorGroups} placeholder="iamfit-editors" className="input mt-1 font-mono" />,
            "Also work checklists and collect.",
          )}
          {field(
            "viewerGroups",
            "Viewer groups",
            (props) => <textarea {...props} rows={3} defaultValue={values.viewerGroups} placeholder="iamfit-viewers" className="input mt-1 font-mono" />,
            "Browse everything.",
          )}
        </div>
        <div className="max-w-sm">
          {field(
            "defaultRole",
            "Allowed people in no mapped group",
            (props) => (
              // Keyed: React's reset after an action returns a select to its first default, not the answer's.
              <select key={values.defaultRole} {...props} defaultValue={values.defaultRole} className="input mt-1">
                <option value="deny">Refuse sign-in</option>
                <option value="viewer">Sign in as viewer</option>
                <option value="editor">Sign in as editor</option>
                <option value="admin">Sign in as admin</option>
              </select>
            ),
          )}
        </div>
      </section>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton name="intent" value="save" pendingLabel="Checking the provider and saving…">
          Save single sign-on settings
        </SubmitButton>
        {state.saved ? (
          <Notice tone="success" role="status" className="py-1.5">
            {state.saved}
          </Notice>
        ) : null}
      </div>
    </form>
  );
}

