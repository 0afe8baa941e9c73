CREATE TABLE applied (
    ticket_id  UUID NOT NULL,
    version    BIGINT NOT NULL,
    title      TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (ticket_id, version)
);
