/* faker 1.2 -> 1.3: faker_fit inside groups (within); profiles (faker_profile,
 * faker_populate_profile, faker_compare) and the "quantiles" generator. */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION faker UPDATE TO '1.3'" to load this file. \quit

-- faker_fit gains a third argument with a default.  An overload next to the
-- two-argument function would make every two-argument call ambiguous, so the
-- old one is dropped and replaced (a user view calling it blocks the update
-- with an error rather than being changed silently).  IF EXISTS / OR REPLACE:
-- the install script assembled from schema/ may already declare the new one.
DROP FUNCTION IF EXISTS faker_fit(regclass, text[]);
CREATE OR REPLACE FUNCTION faker_fit(relation regclass, columns text[], within text[] DEFAULT NULL) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'faker_fit' LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION faker_fit(regclass, text[], text[]) IS
    'faker: measure the shape (mean, null_weight, 4 rank-group weights, skew, r2) of a table''s columns, inside the groups of within when given';

