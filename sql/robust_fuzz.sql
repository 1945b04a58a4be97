-- robust_fuzz: thousands of random and mutated jsonb inputs to every
-- function taking jsonb give results or ordinary errors: never a crash and
-- never an internal error (XX000).  random() is seeded, so the cases are
-- the same on every run.
CREATE TABLE fz_parent (id serial PRIMARY KEY, name text);
CREATE TABLE fz_child (id serial PRIMARY KEY, parent_id int REFERENCES fz_parent, v varchar(8), n int);
CREATE FUNCTION fz_value(depth int) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE r float8 := random(); keys text[] := ARRAY['mean','skew','weights','null_weight','gen','values',
  'const','min','max','length','n','words','columns','references','children','via','distribution',
  'alpha','sigma','shape','spread','scale','p','unique','format','start','parent_id','v','fz_child_parent_id_fkey',
  'int','email','sequence','choice','', 'x'];
BEGIN
  IF depth > 4 OR r < 0.25 THEN
    RETURN (ARRAY['0','-1','1','2.5','1e308','-1e308','1e-308','"x"','"int"','"email"','"sequence"',
                  'null','true','false','[]','{}','"2020-01-01"','"NaN"','"Infinity"','99999999999999999999',
                  '0.7','[0.7, 0.2, 0.07, 0.03]','[0, 0]','[-1]','"%s"', '"' || repeat('é', 300) || '"'])[1 + floor(random() * 26)]::jsonb;
  ELSIF r < 0.45 THEN
    RETURN (SELECT coalesce(jsonb_agg(fz_value(depth + 1)), '[]') FROM generate_series(1, floor(random() * 5)::int));
  ELSE
    RETURN (SELECT coalesce(jsonb_object_agg(keys[1 + floor(random() * array_length(keys, 1))], fz_value(depth + 1)), '{}')
            FROM generate_series(1, floor(random() * 5)::int));
  END IF;
END $$;
CREATE TABLE fz_result (fn text, state text);
DO $$
DECLARE j jsonb; st text;
BEGIN
  PERFORM setseed(0.42);
  FOR i IN 1..1500 LOOP
    j := fz_value(0);
    IF i % 3 = 0 THEN  -- a valid spec with one key mutated
      j := (ARRAY['{"mean": 3}', '{"weights": [0.7, 0.3], "mean": 5}', '{"skew": 2, "mean": 4}',
                  '{"columns": {"v": {"gen": "word"}}}', '{"references": {"parent_id": {"mean": 2}}}',
                  '{"min": 1, "max": 4}', '{"distribution": "gamma", "mean": 2}'])[1 + i % 7]::jsonb
           || CASE WHEN i % 2 = 0 THEN jsonb_build_object('mean', fz_value(3)) ELSE '{}' END;
    END IF;
    BEGIN PERFORM count(*) FROM faker_draw(j, 50, (random() * 10)::int, i); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    INSERT INTO fz_result VALUES ('draw', st);
    BEGIN PERFORM count(*) FROM faker_counts(j, 50, i); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    INSERT INTO fz_result VALUES ('counts', st);
    BEGIN PERFORM faker_generate((ARRAY['int','numeric','float','digits','string','words','sentence','date','timestamp','choice','email'])[1 + (i % 11)], j); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    INSERT INTO fz_result VALUES ('generate', st);
    BEGIN PERFORM faker_define('fz', 'fz_child', j); PERFORM faker_populate('fz', 20, i); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    INSERT INTO fz_result VALUES ('define+populate', st);
  END LOOP;
END $$;
-- every function saw thousands of cases, errors were ordinary ones
SELECT fn, count(*) AS cases, count(*) FILTER (WHERE state = 'ok') > 0 AS some_ok,
       count(*) FILTER (WHERE state <> 'ok') > 0 AS some_errors,
       count(*) FILTER (WHERE state LIKE 'XX%') AS internal_errors
FROM fz_result GROUP BY fn ORDER BY fn;
SELECT DISTINCT state FROM fz_result WHERE state LIKE 'XX%' OR state LIKE '58%';
