-- The views of CONTRACT.md over the Parquet files under the warehouse folder ({root}).
-- A run's files count once its row in runs says 'completed': that row, written last, is the commit.

CREATE OR REPLACE VIEW runs AS
SELECT * FROM read_parquet('{root}/runs/*.parquet', union_by_name = true);

-- Extension: the latest committed content of each source file (the manifest), and the size and
-- modification time (ns) its file had when read (null when not trusted), to skip it unread next time.
CREATE OR REPLACE VIEW source_files AS
SELECT m.source_path, m.source_sha256, m.size, m.status, m.run_id, m.file_size, m.file_mtime_ns
FROM read_parquet('{root}/manifest/*.parquet', union_by_name = true) AS m
JOIN runs AS r ON r.run_id = m.run_id AND r.status = 'completed'
QUALIFY row_number() OVER (PARTITION BY m.source_path ORDER BY r.finished_at DESC) = 1;

-- A row read from a source counts when its run committed and it came from the source's current content:
-- a changed file's new rows replace the old. (Articles and the copies set aside share this rule.)
CREATE OR REPLACE MACRO current_and_committed(path, sha256, run) AS (
    EXISTS (SELECT 1 FROM source_files AS s WHERE s.source_path = path AND s.source_sha256 = sha256)
    AND run IN (SELECT run_id FROM runs WHERE status = 'completed')
);

CREATE OR REPLACE VIEW articles AS
SELECT a.*
FROM read_parquet('{root}/articles/*.parquet', union_by_name = true) AS a
WHERE current_and_committed(a.source_path, a.source_sha256, a.run_id);

CREATE OR REPLACE VIEW article_entities AS
SELECT e.article_id, e.entity, e.entity_type, e.mentions, e.name_en, e.run_id
FROM read_parquet('{root}/article_entities/*.parquet', union_by_name = true) AS e
WHERE EXISTS (SELECT 1 FROM articles AS a WHERE a.article_id = e.article_id AND a.run_id = e.run_id);

CREATE OR REPLACE VIEW quarantine AS
SELECT q.*
FROM read_parquet('{root}/quarantine/*.parquet', union_by_name = true) AS q
WHERE q.run_id IN (SELECT run_id FROM runs WHERE status = 'completed');

-- Extension: the copies set aside because the same article was loaded from another source (or from
-- earlier in the same batch), while their file's content is current; a copy loaded since is no longer one.
CREATE OR REPLACE VIEW duplicates AS
SELECT d.*
FROM read_parquet('{root}/duplicates/*.parquet', union_by_name = true) AS d
WHERE current_and_committed(d.source_path, d.source_sha256, d.run_id)
AND NOT EXISTS (
    SELECT 1 FROM articles AS a
    WHERE a.article_id = d.article_id AND a.source_path = d.source_path AND a.position = d.position
);
