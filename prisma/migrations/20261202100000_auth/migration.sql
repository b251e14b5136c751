-- Sign-in and sessions (issue 7): the tables Better Auth reads and writes (lib/auth/auth.ts maps
-- its models user, session, account, verification, twoFactor and rateLimit onto them), plus the
-- per-email failure record behind the sign-in lockout.

CREATE TABLE auth_user (
  id                  text PRIMARY KEY,
  name                text NOT NULL,
  -- Stored lower-case (Better Auth and lib/db/auth-users.ts lower-case every email they write).
  email               text NOT NULL,
  email_verified      boolean NOT NULL DEFAULT false,
  image               text,
  -- viewer | editor | admin (lib/auth/roles.ts); the admin plugin's role field.
  role                text NOT NULL DEFAULT 'viewer',
  -- Disabled users ("banned" in Better Auth's admin plugin) cannot sign in.
  banned              boolean NOT NULL DEFAULT false,
  ban_reason          text,
  ban_expires         timestamptz(3),
  two_factor_enabled  boolean NOT NULL DEFAULT false,
  last_sign_in_at     timestamptz(3),
  created_at          timestamptz(3) NOT NULL DEFAULT now(),
  updated_at          timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT auth_user_role_check CHECK (role IN ('viewer', 'editor', 'admin'))
);
CREATE UNIQUE INDEX auth_user_email_key ON auth_user (email);

CREATE TABLE auth_session (
  id               text PRIMARY KEY,
  user_id          text NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE ON UPDATE CASCADE,
  token            text NOT NULL,
  expires_at       timestamptz(3) NOT NULL,
  ip_address       text,
  user_agent       text,
  impersonated_by  text,
  created_at       timestamptz(3) NOT NULL DEFAULT now(),
  updated_at       timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX auth_session_token_key ON auth_session (token);
CREATE INDEX auth_session_user_idx ON auth_session (user_id);

-- One row per way a user signs in: provider "credential" holds the password hash, an SSO
-- provider holds the identity provider's subject.
CREATE TABLE auth_account (
  id                        text PRIMARY KEY,
  user_id                   text NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE ON UPDATE CASCADE,
  account_id                text NOT NULL,
  provider_id               text NOT NULL,
  access_token              text,
  refresh_token             text,
  id_token                  text,
  access_token_expires_at   timestamptz(3),
  refresh_token_expires_at  timestamptz(3),
  scope                     text,
  password                  text,
  created_at                timestamptz(3) NOT NULL DEFAULT now(),
  updated_at                timestamptz(3) NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX auth_account_provider_account_key ON auth_account (provider_id, account_id);
CREATE INDEX auth_account_user_idx ON auth_account (user_id);

CREATE TABLE auth_verification (
  id          text PRIMARY KEY,
  identifier  text NOT NULL,
  value       text NOT NULL,
  expires_at  timestamptz(3) NOT NULL,
  created_at  timestamptz(3) NOT NULL DEFAULT now(),
  updated_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX auth_verification_identifier_idx ON auth_verification (identifier);

-- A user's TOTP secret and backup codes, both encrypted with the auth secret.
CREATE TABLE auth_two_factor (
  id                         text PRIMARY KEY,
  user_id                    text NOT NULL REFERENCES auth_user (id) ON DELETE CASCADE ON UPDATE CASCADE,
  secret                     text NOT NULL,
  backup_codes               text NOT NULL,
  -- false between "enable" and the first correct code (enrolment not confirmed yet).
  verified                   boolean NOT NULL DEFAULT true,
  failed_verification_count  integer NOT NULL DEFAULT 0,
  locked_until               timestamptz(3)
);
CREATE INDEX auth_two_factor_user_idx ON auth_two_factor (user_id);
CREATE INDEX auth_two_factor_secret_idx ON auth_two_factor (secret);

-- Better Auth's per-IP, per-path request counters, in the database so that several web
-- processes share them.
CREATE TABLE auth_rate_limit (
  id            text PRIMARY KEY,
  key           text NOT NULL,
  count         integer NOT NULL,
  -- Milliseconds since the epoch, as Better Auth stores it.
  last_request  bigint NOT NULL
);
CREATE UNIQUE INDEX auth_rate_limit_key_key ON auth_rate_limit (key);

-- Failed sign-ins per email (wrong password or wrong code), for the lockout: 5 within 15
-- minutes refuse that email for 15 minutes (lib/auth/lockout.ts). A success clears them.
CREATE TABLE auth_sign_in_failure (
  id         bigserial PRIMARY KEY,
  email      text NOT NULL,
  reason     text NOT NULL,
  failed_at  timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX auth_sign_in_failure_email_idx ON auth_sign_in_failure (email, failed_at DESC);
