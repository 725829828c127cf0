-- Proposed for packages/server together with a change to the member search query (see
-- bench/results/2026-11-25-full.md, "search"): trigram indexes turn `ILIKE '%term%'` on
-- users.name / users.email into index lookups. On its own, with the current single-statement
-- search, the planner still prefers walking the ordered members index when
-- members_account_created exists, so apply both only with the query change.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS users_name_trgm ON users USING gin (name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS users_email_trgm ON users USING gin (email gin_trgm_ops);
