/* faker: filling tables (src/model/call.c, store.c, shard.c): faker_populate,
 * the state its calls keep (pools, owned by the extension's owner and
 * written by faker's code only; a row per table in faker.lock that calls
 * serialise on) and faker_undefine, which can forget that state.  All of it
 * as replaced in 1.3 (faker--1.2--1.3.sql includes this part). */

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

CREATE VIEW faker_pools AS
    SELECT p.aggregate, p.table_name AS pool, p.size, p.relation::regclass AS relation
    FROM faker.pool p;
COMMENT ON VIEW faker_pools IS 'faker: the pools and their sizes';
GRANT SELECT ON faker_pools TO PUBLIC;

CREATE FUNCTION faker_populate(aggregate text, n bigint, seed bigint DEFAULT NULL,
                               shard int DEFAULT NULL, shards int DEFAULT NULL)
    RETURNS TABLE(aggregate text, relation regclass, created bigint, reused bigint, nulls bigint)
    AS 'MODULE_PATHNAME', 'faker_populate' LANGUAGE C VOLATILE CALLED ON NULL INPUT;
COMMENT ON FUNCTION faker_populate(text, bigint, bigint, int, int) IS
    'faker: make n rows of an aggregate (defined, or a table), creating or reusing what they reference; shard k of shards m makes its part of one fill';

CREATE FUNCTION faker_undefine(aggregate text, forget boolean DEFAULT false) RETURNS void
    AS 'MODULE_PATHNAME', 'faker_undefine' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION faker_undefine(text, boolean) IS
    'faker: remove an aggregate definition; with forget, its table''s pools and its sequence counters too';
