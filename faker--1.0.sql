/* faker 1.0: core.  Parts schema/NN_*.sql are concatenated into faker--1.0.sql. */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION faker" to load this file. \quit

-- faker's own tables (definitions, pools) live in schema faker; the functions
-- go to the extension's schema (public by default) so they are callable
-- unqualified with the default search_path.
CREATE SCHEMA faker;
COMMENT ON SCHEMA faker IS 'faker: aggregate definitions and value pools';
GRANT USAGE ON SCHEMA faker TO PUBLIC;
/* faker 1.0: value generators (src/gen, src/sql/gen.c).
 *
 * All are bound to one C function that reads the generator name from the SQL
 * function name and its options from the argument names.  VOLATILE: each call
 * draws from the session stream (reseeded by SET faker.seed).  PARALLEL
 * UNSAFE: a parallel worker would draw from a stream of its own, so a seeded
 * query would no longer be reproducible.
 */

CREATE FUNCTION faker_int(min bigint DEFAULT 0, max bigint DEFAULT 1000000) RETURNS bigint
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_int(bigint, bigint) IS 'faker: a uniform integer in [min, max]';

CREATE FUNCTION faker_numeric(min numeric DEFAULT 0, max numeric DEFAULT 1000, scale int DEFAULT 2) RETURNS numeric
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_numeric(numeric, numeric, int) IS 'faker: a uniform decimal in [min, max] with scale digits after the point';

CREATE FUNCTION faker_float(min float8 DEFAULT 0, max float8 DEFAULT 1) RETURNS float8
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_float(float8, float8) IS 'faker: a uniform double precision in [min, max)';

CREATE FUNCTION faker_bool(p float8 DEFAULT 0.5) RETURNS boolean
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_bool(float8) IS 'faker: true with probability p';

CREATE FUNCTION faker_digits(length int DEFAULT 10) RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_digits(int) IS 'faker: a string of length decimal digits';

CREATE FUNCTION faker_string(min_length int DEFAULT 8, max_length int DEFAULT 16) RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_string(int, int) IS 'faker: random letters and digits, length in [min_length, max_length]';

CREATE FUNCTION faker_word() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_word() IS 'faker: a lorem ipsum word';

CREATE FUNCTION faker_words(n int DEFAULT 3) RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_words(int) IS 'faker: n lorem ipsum words separated by spaces';

CREATE FUNCTION faker_sentence(words int DEFAULT 6) RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_sentence(int) IS 'faker: a capitalised sentence of words words ending with a period';

CREATE FUNCTION faker_paragraph(sentences int DEFAULT 3) RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_paragraph(int) IS 'faker: sentences sentences of 6 to 12 words';

CREATE FUNCTION faker_first_name() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_first_name() IS 'faker: a first name';

CREATE FUNCTION faker_last_name() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_last_name() IS 'faker: a last name';

CREATE FUNCTION faker_name() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_name() IS 'faker: a first and last name';

CREATE FUNCTION faker_username() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_username() IS 'faker: a user name derived from a name, with digits';

CREATE FUNCTION faker_email() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_email() IS 'faker: an email address derived from a name, at a reserved example domain';

CREATE FUNCTION faker_phone() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_phone() IS 'faker: a phone number in the North American format +1-NXX-NXX-XXXX';

CREATE FUNCTION faker_company() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_company() IS 'faker: a company name';

CREATE FUNCTION faker_job() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_job() IS 'faker: a job title';

CREATE FUNCTION faker_street_address() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_street_address() IS 'faker: a street address: number, street, suffix';

CREATE FUNCTION faker_city() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_city() IS 'faker: a city name';

CREATE FUNCTION faker_country() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_country() IS 'faker: a country name';

CREATE FUNCTION faker_postcode() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_postcode() IS 'faker: a five-digit US ZIP code';

CREATE FUNCTION faker_url() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_url() IS 'faker: an https URL';

CREATE FUNCTION faker_ipv4() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_ipv4() IS 'faker: a dotted-quad IPv4 address';

CREATE FUNCTION faker_uuid() RETURNS uuid
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_uuid() IS 'faker: a random version 4 UUID';

CREATE FUNCTION faker_date(min date DEFAULT '1970-01-01', max date DEFAULT '2030-12-31') RETURNS date
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_date(date, date) IS 'faker: a uniform date in [min, max]';

CREATE FUNCTION faker_timestamp(min timestamp DEFAULT '1970-01-01 00:00:00', max timestamp DEFAULT '2030-12-31 23:59:59') RETURNS timestamp
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_timestamp(timestamp, timestamp) IS 'faker: a uniform timestamp in [min, max]';

CREATE FUNCTION faker_timestamptz(min timestamptz DEFAULT '1970-01-01 00:00:00+00', max timestamptz DEFAULT '2030-12-31 23:59:59+00') RETURNS timestamptz
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_timestamptz(timestamptz, timestamptz) IS 'faker: a uniform timestamptz in [min, max]';

CREATE FUNCTION faker_color() RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_color() IS 'faker: a color name';

CREATE FUNCTION faker_choice("values" text[], weights float8[] DEFAULT NULL) RETURNS text
    AS 'MODULE_PATHNAME', 'faker_gen_sql' LANGUAGE C VOLATILE PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_choice(text[], float8[]) IS 'faker: one of values, uniformly or by relative weights';

CREATE FUNCTION faker_generate(name text, options jsonb DEFAULT '{}') RETURNS text
    AS 'MODULE_PATHNAME', 'faker_generate' LANGUAGE C VOLATILE STRICT PARALLEL UNSAFE;
COMMENT ON FUNCTION faker_generate(text, jsonb) IS 'faker: one value of any generator by name, options as in a column spec, as text';
/* faker 1.0: distributors (src/dist, src/sql/dist.c). */

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

CREATE FUNCTION faker_fit(relation regclass, columns text[]) RETURNS jsonb
    AS 'MODULE_PATHNAME', 'faker_fit' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION faker_fit(regclass, text[]) IS
    'faker: measure the shape (mean, null_weight, 4 rank-group weights, skew, r2) of a table''s columns';
/* faker 1.0: aggregates, pools and population (src/model, src/sql/model.c). */

CREATE TABLE faker.aggregate (
    name      text PRIMARY KEY CHECK (name <> ''),
    relation  regclass NOT NULL,
    spec      jsonb NOT NULL DEFAULT '{}'
);
COMMENT ON TABLE faker.aggregate IS 'faker: aggregate definitions (faker_define); kept by pg_dump';
SELECT pg_catalog.pg_extension_config_dump('faker.aggregate', '');

CREATE TABLE faker.pool (
    aggregate    text PRIMARY KEY,
    relation     regclass NOT NULL,
    table_name   text NOT NULL UNIQUE,
    key_columns  text NOT NULL
);
COMMENT ON TABLE faker.pool IS 'faker: registry of the pool tables (faker."pool_...")';

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

CREATE FUNCTION faker_undefine(aggregate text) RETURNS void
    AS 'MODULE_PATHNAME', 'faker_undefine' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION faker_undefine(text) IS 'faker: remove an aggregate definition';

CREATE FUNCTION faker_populate(aggregate text, n bigint, seed bigint DEFAULT NULL)
    RETURNS TABLE(aggregate text, relation regclass, created bigint, reused bigint, nulls bigint)
    AS 'MODULE_PATHNAME', 'faker_populate' LANGUAGE C VOLATILE CALLED ON NULL INPUT;
COMMENT ON FUNCTION faker_populate(text, bigint, bigint) IS
    'faker: make n rows of an aggregate (defined, or a table), creating or reusing what they reference';

CREATE FUNCTION faker_explain(aggregate text)
    RETURNS TABLE(step int, aggregate text, relation regclass, via text, distributor jsonb)
    AS 'MODULE_PATHNAME', 'faker_explain' LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION faker_explain(text) IS
    'faker: the population plan in topological order, with the effective distributor of each reference';

CREATE FUNCTION faker_reset(aggregate text DEFAULT NULL) RETURNS void
    AS 'MODULE_PATHNAME', 'faker_reset' LANGUAGE C VOLATILE CALLED ON NULL INPUT;
COMMENT ON FUNCTION faker_reset(text) IS 'faker: forget pools (all, or one aggregate''s); table data is untouched';

CREATE FUNCTION faker.pool_size(table_name text) RETURNS bigint
    LANGUAGE plpgsql STABLE STRICT AS $$
DECLARE n bigint;
BEGIN
    EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM faker.%I', table_name) INTO n;
    RETURN n;
END $$;
COMMENT ON FUNCTION faker.pool_size(text) IS 'faker: the number of values in a pool table';

CREATE VIEW faker_pools AS
    SELECT p.aggregate, p.table_name AS pool, faker.pool_size(p.table_name) AS size
    FROM faker.pool p;
COMMENT ON VIEW faker_pools IS 'faker: the pools and their sizes';

CREATE FUNCTION faker_rows(rowtype anyelement, n bigint, seed bigint DEFAULT NULL) RETURNS SETOF anyelement
    AS 'MODULE_PATHNAME', 'faker_rows' LANGUAGE C VOLATILE CALLED ON NULL INPUT;
COMMENT ON FUNCTION faker_rows(anyelement, bigint, bigint) IS
    'faker: rows of the table of rowtype (NULL::book) built as faker_populate would, returned instead of inserted; parents they need are created';

CREATE FUNCTION faker_pipe(steps jsonb, n bigint, seed bigint DEFAULT NULL) RETURNS SETOF jsonb
    AS 'MODULE_PATHNAME', 'faker_pipe' LANGUAGE C VOLATILE CALLED ON NULL INPUT;
COMMENT ON FUNCTION faker_pipe(jsonb, bigint, bigint) IS
    'faker: n iterations of a pipe; each row holds the key chosen or created at each step';
