-- Schema of the tracker database. Flyway migrations are its only source: Hibernate never generates
-- DDL (its SQLite dialect emits id columns that are not rowid aliases).
-- Timestamps are TEXT in fixed-width UTC ISO-8601 with milliseconds ('2026-01-02T03:04:05.678Z'),
-- so they read back the same in every time zone and sort as text.

CREATE TABLE project (
    id            INTEGER PRIMARY KEY,
    key           TEXT    NOT NULL UNIQUE,
    name          TEXT    NOT NULL,
    root          TEXT    UNIQUE,
    change_count  INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL
) STRICT;

-- seq is the rowid alias (stable across VACUUM), used as the full-text index's rowid.
CREATE TABLE issue (
    seq           INTEGER PRIMARY KEY,
    id            TEXT    NOT NULL UNIQUE,
    project_id    INTEGER NOT NULL REFERENCES project (id),
    title         TEXT    NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
    description   TEXT,
    status        TEXT    NOT NULL CHECK (status IN ('open', 'in_progress', 'blocked', 'deferred', 'closed')),
    priority      INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 4),
    type          TEXT    NOT NULL CHECK (type IN ('bug', 'feature', 'task', 'epic', 'chore')),
    assignee      TEXT,
    parent_id     TEXT    REFERENCES issue (id),
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL,
    closed_at     TEXT,
    close_reason  TEXT,
    deleted_at    TEXT,
    version       INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE INDEX issue_by_status ON issue (project_id, status, priority, created_at, id);
CREATE INDEX issue_by_created ON issue (project_id, created_at);
CREATE INDEX issue_by_updated ON issue (project_id, updated_at);
CREATE INDEX issue_by_assignee ON issue (project_id, assignee);
CREATE INDEX issue_by_parent ON issue (parent_id) WHERE parent_id IS NOT NULL;

CREATE TABLE label (
    issue_id  TEXT NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
    name      TEXT NOT NULL,
    PRIMARY KEY (issue_id, name)
) STRICT, WITHOUT ROWID;

CREATE INDEX label_by_name ON label (name, issue_id);

-- "issue_id depends on depends_on". Parent-child is not stored here: it is issue.parent_id.
CREATE TABLE dependency (
    issue_id    TEXT NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
    depends_on  TEXT NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
    kind        TEXT NOT NULL CHECK (kind IN ('blocks', 'related', 'discovered-from')),
    created_at  TEXT NOT NULL,
    PRIMARY KEY (issue_id, depends_on, kind),
    CHECK (issue_id <> depends_on)
) STRICT, WITHOUT ROWID;

CREATE INDEX dependency_by_target ON dependency (depends_on, kind);

CREATE TABLE comment (
    id          TEXT PRIMARY KEY,
    issue_id    TEXT NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
    author      TEXT NOT NULL,
    body        TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;

CREATE INDEX comment_by_issue ON comment (issue_id, created_at);

CREATE TABLE event (
    id         INTEGER PRIMARY KEY,
    issue_id   TEXT NOT NULL REFERENCES issue (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    field      TEXT,
    old_value  TEXT,
    new_value  TEXT,
    actor      TEXT NOT NULL,
    at         TEXT NOT NULL
) STRICT;

CREATE INDEX event_by_issue ON event (issue_id, id);

-- Full-text index over title, description and all comments of an issue; rowid = issue.seq.
CREATE VIRTUAL TABLE issue_fts USING fts5 (
    title, description, comments,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER issue_fts_after_insert AFTER INSERT ON issue BEGIN
    INSERT INTO issue_fts (rowid, title, description, comments)
    VALUES (new.seq, new.title, coalesce(new.description, ''), '');
END;

CREATE TRIGGER issue_fts_after_update AFTER UPDATE OF title, description ON issue BEGIN
    UPDATE issue_fts SET title = new.title, description = coalesce(new.description, '')
    WHERE rowid = new.seq;
END;

CREATE TRIGGER issue_fts_after_delete AFTER DELETE ON issue BEGIN
    DELETE FROM issue_fts WHERE rowid = old.seq;
END;

CREATE TRIGGER comment_fts_after_insert AFTER INSERT ON comment BEGIN
    UPDATE issue_fts
    SET comments = (SELECT group_concat(body, char(10)) FROM comment WHERE issue_id = new.issue_id)
    WHERE rowid = (SELECT seq FROM issue WHERE id = new.issue_id);
END;

CREATE TRIGGER comment_fts_after_update AFTER UPDATE OF body ON comment BEGIN
    UPDATE issue_fts
    SET comments = coalesce((SELECT group_concat(body, char(10)) FROM comment WHERE issue_id = new.issue_id), '')
    WHERE rowid = (SELECT seq FROM issue WHERE id = new.issue_id);
END;

CREATE TRIGGER comment_fts_after_delete AFTER DELETE ON comment BEGIN
    UPDATE issue_fts
    SET comments = coalesce((SELECT group_concat(body, char(10)) FROM comment WHERE issue_id = old.issue_id), '')
    WHERE rowid = (SELECT seq FROM issue WHERE id = old.issue_id);
END;
