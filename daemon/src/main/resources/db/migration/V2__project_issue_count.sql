-- The number of issues (tombstones included) each project has ever held, kept by a trigger so that
-- every insert path counts, including ones that bypass the service. Id length grows with it; reading
-- it replaces a count(*) over the project's issues on every create.
ALTER TABLE project ADD COLUMN issue_count INTEGER NOT NULL DEFAULT 0;

UPDATE project SET issue_count = (SELECT count(*) FROM issue WHERE issue.project_id = project.id);

CREATE TRIGGER project_issue_count_after_insert AFTER INSERT ON issue BEGIN
    UPDATE project SET issue_count = issue_count + 1 WHERE id = new.project_id;
END;
