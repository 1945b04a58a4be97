/* faker: the SQL functions over criteria, faker_query_* (src/criteria, src/sql/query_sql.c); since 1.2. */

CREATE FUNCTION faker_query_parse(criteria jsonb) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'faker_query_parse' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION faker_query_parse(jsonb) IS
    'faker: criteria parsed and normalised (syntax errors carry the JSON path)';

CREATE FUNCTION faker_query_merge(a jsonb, b jsonb, relation regclass) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'faker_query_merge' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION faker_query_merge(jsonb, jsonb, regclass) IS
    'faker: two row criteria on relation ANDed as population merges them; a conflict is an error';

CREATE FUNCTION faker_query_match(criteria jsonb, value anyelement) RETURNS boolean
    AS 'MODULE_PATHNAME', 'faker_query_match' LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION faker_query_match(jsonb, anyelement) IS
    'faker: does a table row (row criteria) or a value (value criteria) satisfy the criteria, evaluated in C';

CREATE FUNCTION faker_query_sql(criteria jsonb, relation regclass, alias text DEFAULT 't',
                                OUT predicate text, OUT params text[])
    AS 'MODULE_PATHNAME', 'faker_query_sql' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION faker_query_sql(jsonb, regclass, text) IS
    'faker: the parameterised SQL predicate faker reads pools with, and its parameters';

CREATE FUNCTION faker_query_rows(relation regclass, criteria jsonb) RETURNS SETOF tid
    AS 'MODULE_PATHNAME', 'faker_query_rows' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION faker_query_rows(regclass, jsonb) IS
    'faker: ctids of the rows of relation the SQL translation of the criteria selects';
