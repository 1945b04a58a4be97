/* faker: faker_fit, the distributors' inverse (src/dist/fit.c); its third
 * argument, within, since 1.3 (faker--1.2--1.3.sql includes this part). */

CREATE FUNCTION faker_fit(relation regclass, columns text[], within text[] DEFAULT NULL) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'faker_fit' LANGUAGE C STABLE CALLED ON NULL INPUT PARALLEL SAFE;
COMMENT ON FUNCTION faker_fit(regclass, text[], text[]) IS
    'faker: measure the shape (mean, null_weight, 4 rank-group weights, skew, r2) of a table''s columns, inside the groups of within when given';
