/* faker: aggregates and the population engine (src/model,
 * src/sql/model_sql.c); faker_populate and the pools are in 41_populate.sql. */

-- faker's state belongs to the extension's owner and is written only by
-- faker's code, as that owner (src/security.h); roles read definitions and
-- faker_pools, nothing else.
CREATE TABLE faker.aggregate (
    name      text PRIMARY KEY CHECK (name <> ''),
    relation  regclass NOT NULL,
    spec      jsonb NOT NULL DEFAULT '{}',
    owner     name NOT NULL DEFAULT CURRENT_USER
);
COMMENT ON TABLE faker.aggregate IS 'faker: aggregate definitions (faker_define); kept by pg_dump';
SELECT pg_catalog.pg_extension_config_dump('faker.aggregate', '');
GRANT SELECT ON faker.aggregate TO PUBLIC;

CREATE TABLE faker.sequence (
    scope  text PRIMARY KEY,
    next   bigint NOT NULL
);
COMMENT ON TABLE faker.sequence IS 'faker: counters of {"gen": "sequence"} columns, per scope';
SELECT pg_catalog.pg_extension_config_dump('faker.sequence', '');

CREATE FUNCTION faker_define(aggregate text, relation regclass, spec jsonb DEFAULT '{}') RETURNS void
    AS 'MODULE_PATHNAME', 'faker_define' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION faker_define(text, regclass, jsonb) IS
    'faker: create or replace an aggregate; the spec is validated against the table now';

CREATE FUNCTION faker_explain(aggregate text)
    RETURNS TABLE(step int, aggregate text, relation regclass, via text, distributor jsonb)
    AS 'MODULE_PATHNAME', 'faker_explain' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION faker_explain(text) IS
    'faker: the population plan in topological order, with the effective distributor of each reference';

CREATE FUNCTION faker_reset(aggregate text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'faker_reset' LANGUAGE C VOLATILE CALLED ON NULL INPUT;
COMMENT ON FUNCTION faker_reset(text) IS 'faker: forget pools, use counts and sequence counters (all, or one aggregate''s); table data is untouched';

CREATE FUNCTION faker_rows(rowtype anyelement, n bigint, seed bigint DEFAULT NULL) RETURNS SETOF anyelement
    AS 'MODULE_PATHNAME', 'faker_rows' LANGUAGE C VOLATILE CALLED ON NULL INPUT;
COMMENT ON FUNCTION faker_rows(anyelement, bigint, bigint) IS
    'faker: rows of the table of rowtype (NULL::book) built as faker_populate would, returned instead of inserted; parents they need are created';

CREATE FUNCTION faker_pipe(steps jsonb, n bigint, seed bigint DEFAULT NULL) RETURNS SETOF jsonb
    AS 'MODULE_PATHNAME', 'faker_pipe' LANGUAGE C VOLATILE CALLED ON NULL INPUT;
COMMENT ON FUNCTION faker_pipe(jsonb, bigint, bigint) IS
    'faker: n iterations of a pipe; each row holds the key chosen or created at each step';
