CREATE TABLE users (
    id            UUID PRIMARY KEY,
    email         TEXT        NOT NULL,
    password_hash TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Emails are compared case-insensitively; this index is what makes concurrent sign-ups of one
-- address safe: only one insert can win, the others fail with a unique violation.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
