-- A project's issues in id order, straight from an index: the sync export reads every issue of a
-- project ordered by id, and without this index SQLite sorted all of their rows (descriptions and
-- comments included) in a temporary B-tree first. For 10,000 issues that sort was about half of the
-- export's query time.
CREATE INDEX issue_by_project_id ON issue (project_id, id);
