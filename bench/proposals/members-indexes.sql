-- Proposed for packages/server (a new migration). Measure its effect without changing the server:
--   pnpm bench --apply-sql bench/proposals/members-indexes.sql
--
-- Unfiltered and multi-status member lists (all members, deep pages, and `status = ANY($n)`,
-- which the (account_id, status, created_at, id) index cannot return in order): keyset order
-- straight from the index instead of sorting every member of the account on every page.
CREATE INDEX IF NOT EXISTS members_account_created ON members (account_id, created_at DESC, id DESC);
