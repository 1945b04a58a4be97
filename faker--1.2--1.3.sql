/* faker 1.2 -> 1.3: faker's state belongs to the extension's owner.
 *
 * Pools become members of the extension, keyed by the table's OID and
 * written only by faker's code as the owner; definitions record who made
 * them; calls serialise on rows of faker.lock.  Old pools are dropped (the
 * next call adopts the tables' rows again).  And the regex generator
 * (src/gen/regex.c).
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION faker UPDATE TO '1.3'" to load this file. \quit

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

CREATE TABLE faker.pool (
    relation     oid PRIMARY KEY,
    aggregate    text NOT NULL,
    table_name   text NOT NULL UNIQUE,
    key_columns  text NOT NULL,
    relfilenode  oid NOT NULL,
    size         bigint NOT NULL DEFAULT 0
);
COMMENT ON TABLE faker.pool IS 'faker: registry of the pool tables faker."pool_<table oid>" (written by faker only)';

CREATE TABLE faker.lock (
    relation  oid PRIMARY KEY,
    version   bigint NOT NULL DEFAULT 0
);
COMMENT ON TABLE faker.lock IS 'faker: one row per table, updated by every call that touches it (serialises calls)';

ALTER TABLE faker.aggregate ADD COLUMN owner name NOT NULL DEFAULT CURRENT_USER;
GRANT SELECT ON faker.aggregate TO PUBLIC;

CREATE VIEW faker_pools AS
    SELECT p.aggregate, p.table_name AS pool, p.size, p.relation::regclass AS relation
    FROM faker.pool p;
COMMENT ON VIEW faker_pools IS 'faker: the pools and their sizes';
GRANT SELECT ON faker_pools TO PUBLIC;

CREATE FUNCTION faker_regex(pattern text, icase boolean DEFAULT false) RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_regex(text, boolean) IS 'faker: a random string matching the regular expression pattern (ARE syntax; icase: as for ~*)';
