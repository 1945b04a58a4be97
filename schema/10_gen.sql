/* faker: value generators (src/gen, src/sql/gen_sql.c).
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
