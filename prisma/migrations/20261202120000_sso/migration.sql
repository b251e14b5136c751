-- Single sign-on through one OpenID Connect provider (issue 7): what an admin enters at
-- /settings/sso, one row per installation. The client secret is stored encrypted with the auth
-- secret (lib/auth/sso-secret.ts) and is never shown or returned again. Users who sign in through
-- SSO are ordinary auth_user rows with an auth_account of provider_id 'sso'.

CREATE TABLE sso_settings (
  id                       text PRIMARY KEY DEFAULT 'default',
  enabled                  boolean NOT NULL DEFAULT false,
  -- Shown on the sign-in button: "Sign in with <display_name>".
  display_name             text NOT NULL,
  issuer                   text NOT NULL,
  client_id                text NOT NULL,
  client_secret_encrypted  text NOT NULL,
  -- From the provider's discovery document when the settings were saved.
  token_endpoint_auth      text NOT NULL DEFAULT 'client_secret_basic',
  scopes                   text[] NOT NULL DEFAULT '{openid,email,profile}',
  -- Who may sign in (lib/auth/sso-policy.ts): lower-case domains, groups as the IdP sends them.
  allowed_domains          text[] NOT NULL DEFAULT '{}',
  allowed_groups           text[] NOT NULL DEFAULT '{}',
  groups_claim             text NOT NULL DEFAULT 'groups',
  -- [{ "group": "...", "role": "viewer" | "editor" | "admin" }]
  role_mappings            jsonb NOT NULL DEFAULT '[]',
  default_role             text NOT NULL DEFAULT 'deny',
  updated_at               timestamptz(3) NOT NULL DEFAULT now(),
  updated_by               text,
  CONSTRAINT sso_settings_one_row CHECK (id = 'default'),
  CONSTRAINT sso_settings_default_role_check CHECK (default_role IN ('viewer', 'editor', 'admin', 'deny')),
  CONSTRAINT sso_settings_token_endpoint_auth_check CHECK (token_endpoint_auth IN ('client_secret_basic', 'client_secret_post'))
);
