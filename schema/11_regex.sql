/* faker: the "regex" generator (src/gen/regex.c), bound like the generators
 * of 10_gen.sql; since 1.3 (faker--1.2--1.3.sql includes this part). */

CREATE FUNCTION faker_regex(pattern text, icase boolean DEFAULT false) RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_regex(text, boolean) IS 'faker: a random string matching the regular expression pattern (ARE syntax; icase: as for ~*)';
