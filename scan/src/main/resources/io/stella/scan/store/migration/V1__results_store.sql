-- The results store of registry-wide scans. Portable SQL for SQLite and PostgreSQL: the two placeholders hold the
-- types that differ (the generated run id, and bytes). Times are epoch milliseconds (UTC); tags are JSON text.

CREATE TABLE runs (
    id           ${id_type},
    registry     VARCHAR(500) NOT NULL,
    mode         VARCHAR(100) NOT NULL,
    started_at   BIGINT       NOT NULL,
    finished_at  BIGINT,
    resumes      INTEGER      NOT NULL,
    total_images INTEGER,
    succeeded    INTEGER,
    failed       INTEGER,
    skipped      INTEGER
);

CREATE INDEX runs_by_registry ON runs (registry, mode, id);

CREATE TABLE run_images (
    run_id          BIGINT        NOT NULL REFERENCES runs (id),
    image_key       VARCHAR(2000) NOT NULL,
    repository      VARCHAR(1000) NOT NULL,
    tags            TEXT          NOT NULL,
    digest          VARCHAR(200),
    platform        VARCHAR(200),
    created         BIGINT,
    status          VARCHAR(16)   NOT NULL,
    failure_code    VARCHAR(100),
    failure_message TEXT,
    skip_reason     TEXT,
    critical_count  INTEGER,
    high_count      INTEGER,
    medium_count    INTEGER,
    low_count       INTEGER,
    unknown_count   INTEGER,
    findings        ${bytes_type},
    pull_millis     BIGINT        NOT NULL,
    analyze_millis  BIGINT        NOT NULL,
    match_millis    BIGINT        NOT NULL,
    finished_at     BIGINT        NOT NULL,
    PRIMARY KEY (run_id, image_key)
);

CREATE INDEX run_images_by_digest ON run_images (repository, digest);

CREATE TABLE inventories (
    digest           VARCHAR(200) NOT NULL,
    analyzer_version VARCHAR(200) NOT NULL,
    data             ${bytes_type} NOT NULL,
    stored_at        BIGINT       NOT NULL,
    PRIMARY KEY (digest, analyzer_version)
);

CREATE TABLE layer_fragments (
    digest           VARCHAR(200) NOT NULL,
    analyzer_version VARCHAR(200) NOT NULL,
    data             ${bytes_type} NOT NULL,
    stored_at        BIGINT       NOT NULL,
    PRIMARY KEY (digest, analyzer_version)
);

CREATE TABLE scan_locks (
    registry     VARCHAR(500) NOT NULL PRIMARY KEY,
    host         VARCHAR(255) NOT NULL,
    pid          BIGINT       NOT NULL,
    run_id       BIGINT       NOT NULL,
    since_at     BIGINT       NOT NULL,
    heartbeat_at BIGINT       NOT NULL,
    token        VARCHAR(64)  NOT NULL
);
