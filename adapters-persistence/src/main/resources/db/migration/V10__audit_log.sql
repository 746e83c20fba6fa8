-- The audit log (issue 8): every admin action with who, when, what and the fields before and after,
-- written in the same transaction as the action. Rows are never updated. Actions on no tenant in
-- particular (dead letters, unroutable changes) belong to the platform organisation.

CREATE TABLE audit_log (
    organization_id uuid         NOT NULL REFERENCES organizations (id),
    seq             bigint       GENERATED ALWAYS AS IDENTITY,
    id              uuid         NOT NULL UNIQUE,
    at              timestamptz  NOT NULL,
    actor           varchar(64)  NOT NULL,
    action          varchar(50)  NOT NULL,
    resource_kind   varchar(30)  NOT NULL,
    resource_id     varchar(100) NOT NULL,
    before          jsonb        NOT NULL,
    after           jsonb        NOT NULL,
    PRIMARY KEY (organization_id, seq)
);

-- Newest first within an organisation, and by actor or resource, which is how admins ask.
CREATE INDEX audit_log_by_time ON audit_log (organization_id, at DESC, seq DESC);
CREATE INDEX audit_log_by_actor ON audit_log (organization_id, actor, at DESC);
CREATE INDEX audit_log_by_resource ON audit_log (organization_id, resource_kind, resource_id, at DESC);
