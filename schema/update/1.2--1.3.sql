/* faker 1.2 -> 1.3: faker's state belongs to the extension's owner.
 *
 * Pools become members of the extension, keyed by the table's OID and
 * written only by faker's code as the owner; definitions record who made
 * them; calls serialise on rows of faker.lock.  Old pools are dropped (the
 * next call adopts the tables' rows again).  And the regex generator
 * (src/gen/regex.c), faker_fit inside groups (within), profiles
 * (faker_profile, faker_populate_profile, faker_compare) and the
 * "quantiles" generator.
 *
 * The Makefile builds faker--1.2--1.3.sql from this file: every line
 * "-- include: schema/NN_part.sql" is replaced by that install-script part,
 * which holds the objects 1.3 added or replaced as they are in 1.3.  Here
 * stand only the statements an update needs and a fresh install does not
 * (docs/design.md, "Versions").
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION faker UPDATE TO '1.3'" to load this file. \quit

-- the old pools go (tables, registry, view); 41_populate.sql makes them anew
DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT p.table_name FROM faker.pool p LOOP
        EXECUTE pg_catalog.format('DROP TABLE IF EXISTS faker.%I', t);
    END LOOP;
END $$;
DROP VIEW faker_pools;
DROP FUNCTION faker.pool_size(text);
DROP TABLE faker.pool;

-- definitions record who made them (40_model.sql creates the table so)
ALTER TABLE faker.aggregate ADD COLUMN owner name NOT NULL DEFAULT CURRENT_USER;
GRANT SELECT ON faker.aggregate TO PUBLIC;

-- faker_fit, faker_populate and faker_undefine gain arguments with
-- defaults.  An overload next to the old function would make every call
-- with the old arguments ambiguous, so the old ones are dropped and
-- replaced (a user view calling one blocks the update with an error rather
-- than being changed silently).
DROP FUNCTION faker_fit(regclass, text[]);
DROP FUNCTION faker_populate(text, bigint, bigint);
DROP FUNCTION faker_undefine(text);

-- faker_reset also forgets counters (the comment as in 40_model.sql)
COMMENT ON FUNCTION faker_reset(text) IS 'faker: forget pools, use counts and sequence counters (all, or one aggregate''s); table data is untouched';

-- include: schema/11_regex.sql
-- include: schema/21_fit.sql
-- include: schema/41_populate.sql
-- include: schema/60_profile.sql
