-- gen_locale: faker.locale (en, de, fr) changes names, addresses, phones,
-- postcodes and companies; emails stay ASCII at example.* domains
SELECT faker_int(0, 0) AS loaded;  -- the settings exist once the library is loaded
SHOW faker.locale;
-- a fixed seed and locale give fixed values
SET faker.seed = 7;
SET faker.locale = de;
SELECT faker_name() AS name, faker_street_address() AS street, faker_postcode() AS postcode,
       faker_city() AS city, faker_phone() AS phone FROM generate_series(1, 4);
SELECT faker_email() AS email, faker_username() AS username, faker_company() AS company
FROM generate_series(1, 4);
SET faker.locale = fr;
SELECT faker_name() AS name, faker_street_address() AS street, faker_postcode() AS postcode,
       faker_city() AS city, faker_phone() AS phone FROM generate_series(1, 4);
SELECT faker_email() AS email, faker_username() AS username, faker_company() AS company
FROM generate_series(1, 4);
-- en is unchanged by the other locales
SET faker.locale = en;
SELECT faker_name() AS name, faker_street_address() AS street, faker_postcode() AS postcode,
       faker_city() AS city, faker_phone() AS phone FROM generate_series(1, 2);
-- same seed, same locale: same values
SET faker.locale = de;
SET faker.seed = 11;
CREATE TEMP TABLE a AS SELECT i, faker_name() AS n, faker_street_address() AS s FROM generate_series(1, 100) i;
SET faker.seed = 11;
SELECT count(*) AS differing FROM a
JOIN (SELECT i, faker_name() AS n, faker_street_address() AS s FROM generate_series(1, 100) i) b USING (i)
WHERE (a.n, a.s) IS DISTINCT FROM (b.n, b.s);
-- same seed, another locale: other values
SET faker.locale = fr;
SET faker.seed = 11;
SELECT count(*) > 95 AS mostly_different FROM a
JOIN (SELECT i, faker_name() AS n FROM generate_series(1, 100) i) b USING (i)
WHERE a.n <> b.n;
-- formats over 1000 values per locale: each count must be 0
SET faker.seed = 1;
SET faker.locale = de;
CREATE TEMP TABLE de AS
SELECT faker_phone() AS phone, faker_postcode() AS postcode, faker_email() AS email,
       faker_username() AS username, faker_street_address() AS street, faker_name() AS name,
       faker_company() AS company, faker_city() AS city
FROM generate_series(1, 1000);
SET faker.locale = fr;
CREATE TEMP TABLE fr AS
SELECT faker_phone() AS phone, faker_postcode() AS postcode, faker_email() AS email,
       faker_username() AS username, faker_street_address() AS street, faker_name() AS name,
       faker_company() AS company, faker_city() AS city
FROM generate_series(1, 1000);
SELECT count(*) FILTER (WHERE phone !~ '^\+49 [1-9][0-9]{1,2} [1-9][0-9]{5,7}$') AS bad_phone,
       count(*) FILTER (WHERE length(regexp_replace(phone, '\D', '', 'g')) NOT BETWEEN 11 AND 13) AS bad_phone_length,
       count(*) FILTER (WHERE postcode !~ '^[0-9]{5}$' OR postcode < '01067') AS bad_postcode,
       count(*) FILTER (WHERE email !~ '^[a-z]+[._]?[a-z]+[0-9]{1,3}@([a-z]+\.)?example\.(com|org|net)$') AS bad_email,
       count(*) FILTER (WHERE username !~ '^[a-z]+_?[a-z]+[0-9]{1,3}$') AS bad_username,
       count(*) FILTER (WHERE street !~ '^[^0-9]+ [1-9][0-9]{0,2}[abc]?$') AS bad_street,
       count(*) FILTER (WHERE company !~ ' (GmbH|AG|GmbH & Co\. KG|KG|OHG|e\.K\.|UG \(haftungsbeschränkt\)|& Söhne|und Partner)$') AS bad_company,
       count(DISTINCT name) > 900 AS varied_names, count(DISTINCT city) > 100 AS many_cities,
       count(*) FILTER (WHERE name ~ '[äöüß]') > 0 AS umlauts,
       count(*) FILTER (WHERE email ~ '(ae|oe|ue|ss)') > 0 AS transliterated
FROM de;
SELECT count(*) FILTER (WHERE phone !~ '^\+33 [1-79]( [0-9]{2}){4}$') AS bad_phone,
       count(*) FILTER (WHERE postcode !~ '^(0[1-9]|[1-8][0-9]|9[0-5])[0-9]{3}$') AS bad_postcode,
       count(*) FILTER (WHERE email !~ '^[a-z]+[._]?[a-z]+[0-9]{1,3}@([a-z]+\.)?example\.(com|org|net)$') AS bad_email,
       count(*) FILTER (WHERE username !~ '^[a-z]+_?[a-z]+[0-9]{1,3}$') AS bad_username,
       count(*) FILTER (WHERE street !~ '^[1-9][0-9]{0,2} (rue|avenue|boulevard|place|allée|impasse|chemin|quai|route) ') AS bad_street,
       count(*) FILTER (WHERE company !~ ' (SARL|SA|SAS|EURL|SNC|et Fils|& Associés)$') AS bad_company,
       count(DISTINCT name) > 900 AS varied_names, count(DISTINCT city) > 100 AS many_cities,
       count(*) FILTER (WHERE name ~ '[éèêëàâîïôç]') > 0 AS accents
FROM fr;
-- switching the locale inside one session changes faker_city() at once,
-- also for a generator a PL/pgSQL loop keeps compiled in its cached call
SET faker.seed = 3;
SET faker.locale = de;
SELECT array_agg(faker_city()) AS de_cities FROM generate_series(1, 3);
SET faker.locale = fr;
SELECT array_agg(faker_city()) AS fr_cities FROM generate_series(1, 3);
CREATE FUNCTION pg_temp.cities() RETURNS text[] LANGUAGE plpgsql AS $$
DECLARE
	r text[] := '{}';
	l text;
BEGIN
	FOREACH l IN ARRAY ARRAY['de', 'fr', 'en', 'de']
	LOOP
		PERFORM set_config('faker.locale', l, true);
		r := r || faker_city();
	END LOOP;
	RETURN r;
END
$$;
SET faker.seed = 3;
SELECT pg_temp.cities();
-- a table's columns follow the locale too (generators chosen by column name)
CREATE TABLE gen_locale_person (id serial PRIMARY KEY, first_name text, city text,
                                phone text, postcode text, email text, last_name varchar(3));
SET faker.locale = de;
SELECT created FROM faker_populate('gen_locale_person', 200, 5);
SELECT count(*) FILTER (WHERE phone !~ '^\+49 ') AS not_german_phone,
       count(*) FILTER (WHERE email !~ '^[ -~]+$') AS non_ascii_email,
       count(*) FILTER (WHERE postcode !~ '^[0-9]{5}$') AS bad_postcode,
       count(*) FILTER (WHERE length(last_name) <> 3) AS not_cut_to_3,
       count(*) FILTER (WHERE last_name IN ('Mül', 'Krü', 'Kön', 'Göt')) > 0 AS cut_by_character
FROM gen_locale_person;
DROP TABLE gen_locale_person;
-- only en, de and fr
SET faker.locale = 'it';
SET faker.locale = '';
RESET faker.locale;
SHOW faker.locale;
