-- zc_casefold: upper(col) IN (...) and lower(col) IN (...) become the
-- column's values when the listed values are already in that case (each
-- is then what the function makes of it); other lists are evaluated on
-- each row
\set SHOW_CONTEXT never
CREATE TABLE zcf_person (id serial PRIMARY KEY,
  kind char(2) CONSTRAINT zcf_person_kind CHECK (kind IS NULL OR upper(kind) = ANY (ARRAY['SC', 'VC', 'IN', 'EM'])),
  class varchar(3) CONSTRAINT zcf_person_class CHECK (lower(class) IN ('l', 'm', 'h') OR class IS NULL),
  tone text NOT NULL CONSTRAINT zcf_person_tone CHECK (upper(tone) IN ('LOW', 'HIGH')));
SELECT via, distributor FROM faker_explain('zcf_person') WHERE via LIKE 'check.%' ORDER BY via;
SELECT created FROM faker_populate('zcf_person', 400, 1) WHERE aggregate = 'zcf_person';
SELECT count(*) AS rows_made,
       count(*) FILTER (WHERE NOT (kind IS NULL OR upper(kind) IN ('SC', 'VC', 'IN', 'EM'))) AS bad_kind,
       count(*) FILTER (WHERE NOT (class IS NULL OR lower(class) IN ('l', 'm', 'h'))) AS bad_class,
       count(*) FILTER (WHERE upper(tone) NOT IN ('LOW', 'HIGH')) AS bad_tone,
       count(DISTINCT kind) AS kinds, count(DISTINCT class) AS classes, count(DISTINCT tone) AS tones
  FROM zcf_person;
-- values not in the function's case: no value is taken as it is; the
-- rows are checked (the fallback finds none) and the call fails, naming it
CREATE TABLE zcf_mixed (id serial PRIMARY KEY,
  code text NOT NULL CONSTRAINT zcf_mixed_code CHECK (upper(code) IN ('Ab', 'cd')));
SELECT via, distributor FROM faker_explain('zcf_mixed') WHERE via LIKE 'check.%';
SELECT * FROM faker_populate('zcf_mixed', 10, 1);
SELECT count(*) AS written FROM zcf_mixed;
