/* faker: distributors (src/dist, src/sql/dist_sql.c). */

CREATE FUNCTION faker_draw(distributor jsonb, n bigint, pool bigint DEFAULT 0, seed bigint DEFAULT NULL)
    RETURNS TABLE(draw bigint, pick bigint, created boolean)
    AS 'MODULE_PATHNAME', 'faker_draw' LANGUAGE C VOLATILE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION faker_draw(jsonb, bigint, bigint, bigint) IS
    'faker: simulate n many-to-one draws over a virtual pool of pool values; pick is the index used (NULL for a null draw)';

CREATE FUNCTION faker_counts(distributor jsonb, n bigint, seed bigint DEFAULT NULL)
    RETURNS SETOF bigint
    AS 'MODULE_PATHNAME', 'faker_counts' LANGUAGE C VOLATILE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION faker_counts(jsonb, bigint, bigint) IS
    'faker: n draws of a one-to-many count distributor';
