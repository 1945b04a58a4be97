-- gen_formats: every generator's format, range and length over 2000 values
SET faker.seed = 1;
CREATE TEMP TABLE v AS
SELECT faker_email() AS email, faker_uuid() AS uuid, faker_ipv4() AS ipv4, faker_url() AS url,
       faker_postcode() AS postcode, faker_phone() AS phone, faker_username() AS username,
       faker_name() AS name, faker_first_name() AS first, faker_last_name() AS last,
       faker_company() AS company, faker_job() AS job, faker_street_address() AS street,
       faker_city() AS city, faker_country() AS country, faker_color() AS color,
       faker_digits(13) AS digits, faker_string(3, 7) AS string, faker_word() AS word,
       faker_words(4) AS words, faker_sentence(5) AS sentence, faker_paragraph(2) AS paragraph,
       faker_int(-5, 5) AS i, faker_numeric(1.5, 2.5, 3) AS num, faker_float(10, 20) AS f,
       faker_bool(0.25) AS b, faker_date('2020-01-01', '2020-12-31') AS d,
       faker_timestamp('2020-01-01', '2020-01-02') AS ts,
       faker_timestamptz('2020-01-01 00:00+00', '2020-01-01 01:00+00') AS tstz,
       faker_choice('{a,b,c}', '{1,0,1}') AS choice
FROM generate_series(1, 2000);
-- each count must be 0: rows that break the format
SELECT count(*) FILTER (WHERE email !~ '^[a-z]+[._]?[a-z]+[0-9]{1,3}@[a-z.]+\.(com|org|net)$') AS bad_email,
       count(*) FILTER (WHERE uuid::text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$') AS bad_uuid,
       count(*) FILTER (WHERE ipv4 !~ '^([0-9]{1,3}\.){3}[0-9]{1,3}$' OR ipv4::inet IS NULL) AS bad_ipv4,
       count(*) FILTER (WHERE url !~ '^https://www\.[a-z]+\.[a-z]+/[a-z]+$') AS bad_url,
       count(*) FILTER (WHERE postcode !~ '^[0-9]{5}$') AS bad_postcode,
       count(*) FILTER (WHERE phone !~ '^\+1-[2-9][0-9]{2}-[2-9][0-9]{2}-[0-9]{4}$') AS bad_phone,
       count(*) FILTER (WHERE username !~ '^[a-z]+_?[a-z]+[0-9]{1,3}$') AS bad_username,
       count(*) FILTER (WHERE name !~ '^[A-Z][a-z]+(-[A-Z][a-z]+)? [A-Z][A-Za-z]+(-[A-Z][A-Za-z]+)?$') AS bad_name,
       count(*) FILTER (WHERE digits !~ '^[0-9]{13}$') AS bad_digits,
       count(*) FILTER (WHERE length(string) NOT BETWEEN 3 AND 7 OR string !~ '^[A-Za-z0-9]+$') AS bad_string,
       count(*) FILTER (WHERE array_length(regexp_split_to_array(words, ' '), 1) <> 4) AS bad_words,
       count(*) FILTER (WHERE sentence !~ '^[A-Z][a-z]*( [a-z]+){4}\.$') AS bad_sentence,
       count(*) FILTER (WHERE paragraph !~ '^([A-Z][a-z]*( [a-z]+)+\.) [A-Z][a-z]*( [a-z]+)+\.$') AS bad_paragraph,
       count(*) FILTER (WHERE i NOT BETWEEN -5 AND 5) AS bad_int,
       count(*) FILTER (WHERE num NOT BETWEEN 1.5 AND 2.5 OR scale(num) <> 3) AS bad_numeric,
       count(*) FILTER (WHERE f < 10 OR f >= 20) AS bad_float,
       count(*) FILTER (WHERE d NOT BETWEEN '2020-01-01' AND '2020-12-31') AS bad_date,
       count(*) FILTER (WHERE ts NOT BETWEEN '2020-01-01' AND '2020-01-02') AS bad_ts,
       count(*) FILTER (WHERE tstz NOT BETWEEN '2020-01-01 00:00+00' AND '2020-01-01 01:00+00') AS bad_tstz,
       count(*) FILTER (WHERE choice NOT IN ('a', 'c')) AS bad_choice
FROM v;
-- every value of a small range is reached; word lists are varied
SELECT count(DISTINCT i) AS ints_of_11, count(DISTINCT first) > 150 AS many_first,
       count(DISTINCT last) > 150 AS many_last, count(DISTINCT city) > 150 AS many_cities,
       count(DISTINCT country) > 150 AS many_countries, count(DISTINCT email) > 1900 AS emails_mostly_unique
FROM v;
-- faker_bool(0.25) over 2000 draws: sd = sqrt(2000*.25*.75) = 19.4, so 500 +- 80 is > 4 sd
SELECT count(*) FILTER (WHERE b) BETWEEN 420 AND 580 AS bool_share_ok FROM v;
-- the spec path: same generators by name with jsonb options
SELECT length(faker_generate('digits', '{"length": 4}')) AS four_digits,
       faker_generate('choice', '{"values": ["only"]}') AS only,
       faker_generate('int', '{"min": 7, "max": 7}') AS seven,
       faker_generate('numeric', '{"min": 1, "max": 1, "scale": 0}') AS one;
