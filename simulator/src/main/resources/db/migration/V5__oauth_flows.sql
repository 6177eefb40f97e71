-- OAuth flows beyond password/client credentials: refresh tokens (their access tokens are revoked with them),
-- one-time authorization codes (with the PKCE challenge), and the certificates JWT bearer assertions are verified with.
ALTER TABLE access_token ADD COLUMN client_id text;
ALTER TABLE access_token ADD COLUMN refresh_token text;
CREATE INDEX access_token_refresh_token_idx ON access_token (refresh_token);

CREATE TABLE refresh_token (
    token      text PRIMARY KEY,
    user_id    text NOT NULL,
    org_id     text NOT NULL,
    client_id  text NOT NULL,
    issued_at  timestamptz NOT NULL
);

CREATE TABLE oauth_authorization_code (
    code                  text PRIMARY KEY,
    client_id             text NOT NULL,
    redirect_uri          text NOT NULL,
    code_challenge        text,
    code_challenge_method text,
    expires_at            timestamptz NOT NULL
);

-- Registered through POST /__admin/oauth/certificates; configuration, so /__admin/reset keeps them.
CREATE TABLE oauth_certificate (
    id            bigserial PRIMARY KEY,
    pem           text NOT NULL,
    subject       text NOT NULL,
    not_after     timestamptz NOT NULL,
    registered_at timestamptz NOT NULL
);
