-- gen_million: the text generators of open-ended columns (names, cities,
-- companies, street addresses, jobs, words) give at least a million
-- distinct values out of two million in every locale (compounds,
-- src/gen/compound.c).  A fixed seed: the counts are exact.  Values are
-- counted by their 64-bit hashes (a sort of integers is twice as fast as
-- one of strings); a collision could only lower a count.
SET work_mem = '256MB';
CREATE FUNCTION pg_temp.distinct_of(gen text, locale text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    -- reseeded for each count: the counts do not depend on the order of the calls
    PERFORM pg_catalog.set_config('faker.locale', locale, true), pg_catalog.set_config('faker.seed', '7', true);
    EXECUTE pg_catalog.format('SELECT count(DISTINCT pg_catalog.hashtextextended(faker_%s(), 0)) '
                              'FROM pg_catalog.generate_series(1, 2000000)', gen)
        INTO n;
    RETURN n;
END $$;
SELECT g AS generator, l AS locale, d >= 1000000 AS million, d AS distinct_of_2m
FROM (VALUES ('first_name'), ('last_name'), ('city'), ('company'), ('street_address')) gs(g),
     (VALUES ('en'), ('de'), ('fr')) ls(l),
     LATERAL (SELECT pg_temp.distinct_of(g, l) AS d) x
ORDER BY g, l;
-- job and word do not depend on the locale
SELECT pg_temp.distinct_of('job', 'en') AS job, pg_temp.distinct_of('word', 'en') AS word;
RESET faker.locale;
