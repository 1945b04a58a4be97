/* faker 1.2 -> 1.3: the regex generator (src/gen/regex.c). */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION faker UPDATE TO '1.3'" to load this file. \quit

-- OR REPLACE: an install script built from schema/ may already have it
CREATE OR REPLACE FUNCTION faker_regex(pattern text, icase boolean DEFAULT false) RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_regex(text, boolean) IS 'faker: a random string matching the regular expression pattern (ARE syntax; icase: as for ~*)';
