-- gen_million: the text generators of open-ended columns (names, cities,
-- companies, street addresses, jobs, words) can make a million distinct
-- values in every locale (compounds, src/gen/compound.c): a unique column
-- of each fills a million rows (faker_rows, each value drawn again until it
-- is new).  Independent draws stay realistic: most are the plain lists'
-- common values (85% of names, 60% of cities and companies), so 200,000
-- draws give far fewer distinct values than rows.  A fixed seed: the
-- counts are exact.  Values are counted by their 64-bit hashes (a sort of
-- integers is twice as fast as one of strings); a collision could only
-- lower a count.
SET work_mem = '256MB';
SET faker.progress = off;
CREATE TABLE million (v text);
CREATE FUNCTION pg_temp.distinct_of(gen text, locale text, is_unique boolean, n int) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    d bigint;
BEGIN
    PERFORM pg_catalog.set_config('faker.locale', locale, true);
    PERFORM faker_define('million', 'million', pg_catalog.jsonb_build_object('columns',
        pg_catalog.jsonb_build_object('v', pg_catalog.jsonb_build_object('gen', gen, 'unique', is_unique))));
    SELECT count(DISTINCT pg_catalog.hashtextextended(v, 0)) INTO d FROM faker_rows(NULL::million, n, 7);
    RETURN d;
END $$;
SELECT g AS generator, l AS locale, pg_temp.distinct_of(g, l, true, 1000000) AS unique_of_1m,
       pg_temp.distinct_of(g, l, false, 200000) AS distinct_of_200k
FROM (VALUES ('first_name'), ('last_name'), ('city'), ('company'), ('street_address')) gs(g),
     (VALUES ('en'), ('de'), ('fr')) ls(l)
ORDER BY g, l;
-- job and word do not depend on the locale
SELECT g AS generator, pg_temp.distinct_of(g, 'en', true, 1000000) AS unique_of_1m,
       pg_temp.distinct_of(g, 'en', false, 200000) AS distinct_of_200k
FROM (VALUES ('job'), ('word')) gs(g) ORDER BY 1;
SELECT faker_undefine('million');
DROP TABLE million;
RESET faker.locale;
