-- The rate bucket is bookkeeping that is only true for a few seconds: it needs no WAL. Without
-- it a commit does not wait for the log flush, and the row lock that every REST call of every
-- process takes is held for a fraction of a millisecond instead of a disk flush. After a crash
-- PostgreSQL empties an unlogged table: an empty bucket is what a restarted process starts from
-- anyway, and the portal's own refusal (QUERY_LIMIT_EXCEEDED, waited out) covers the rest.
-- Prisma's schema cannot express UNLOGGED, so this migration is written by hand (and its
-- comments hold no semicolon: the migration runner splits statements on them).
ALTER TABLE "RateBucket" SET UNLOGGED;
