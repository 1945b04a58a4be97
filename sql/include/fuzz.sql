-- sql/include/fuzz.sql: the hostile-input generator and its run, shared by
-- sql/robust_fuzz.sql and sql/robust_fuzz2.sql (which differ by fuzz.seed,
-- the setseed of their random streams).  See sql/robust_fuzz.sql.
SET faker.progress = off;
SET faker.seed = 7;
CREATE SCHEMA fz;     -- dropped at the end: the next file starts afresh
SET search_path = fz, public;
-- outcomes are SQLSTATEs (fz_log): warnings, e.g. of random specs asking more
-- distinct values than their generator makes (src/model/spaces.c), are not
SET client_min_messages = error;
SET fuzz.sane = off;   -- on: the generators below make mostly valid input
CREATE TYPE fz_kind AS ENUM ('a', 'b', 'c');
CREATE TABLE fz_parent (id serial PRIMARY KEY, name text);
CREATE TABLE fz_child (id serial PRIMARY KEY, parent_id int REFERENCES fz_parent, v varchar(8), n int);
CREATE TABLE fz_org (tenant int, id int, active bool NOT NULL DEFAULT true, label varchar(10),
                     PRIMARY KEY (tenant, id));
CREATE TABLE fz_item (id serial PRIMARY KEY, i int, t text, vc varchar(12), num numeric(8,2), d date,
  ts timestamptz, b bool, arr int[], tarr text[], j jsonb, k fz_kind,
  parent_id int REFERENCES fz_parent, tenant int, org_id int,
  FOREIGN KEY (tenant, org_id) REFERENCES fz_org);
CREATE TABLE fz_line (id serial PRIMARY KEY, item_id int NOT NULL REFERENCES fz_item, qty int, note text);
INSERT INTO fz_parent (name) VALUES ('one'), ('two'), (NULL);
INSERT INTO fz_org VALUES (1, 1, true, 'x'), (1, 2, false, NULL), (2, 1, true, 'yy');
INSERT INTO fz_item (i, t, vc, num, d, ts, b, arr, tarr, j, k, parent_id, tenant, org_id) VALUES
  (1, 'a', 'abc', 1.5, '2020-01-01', '2020-01-01 10:00+00', true, '{1,2}', '{x,y}', '{"a": 1}', 'a', 1, 1, 1),
  (-5, 'zzz', NULL, 999999.99, '1999-12-31', NULL, false, '{}', NULL, '[]', 'b', 2, 1, 2),
  (NULL, NULL, 'q', NULL, NULL, '2030-01-01 00:00+00', NULL, NULL, '{}', NULL, NULL, NULL, NULL, NULL),
  (2147483647, 'é', 'x y', -0.01, '0001-01-01', '1970-01-01 00:00+00', true, '{NULL,3}', '{""}', '"s"', 'c', 3, 2, 1);
INSERT INTO fz_line (item_id, qty, note) VALUES (1, 2, 'n'), (1, NULL, NULL), (2, 5, 'm');
CREATE TEMP TABLE fuzz_log (fn text, state text, input text);
CREATE TEMP TABLE fuzz_const (k text PRIMARY KEY, v jsonb);

-- helpers: a random element, a random scalar, random garbage
CREATE FUNCTION fz_pick(a anyarray) RETURNS anyelement LANGUAGE sql AS
  $$ SELECT a[1 + floor(random() * array_length(a, 1))::int] $$;
CREATE FUNCTION fz_log(fn text, st text, input text) RETURNS void LANGUAGE sql AS
  $$ INSERT INTO fuzz_log VALUES (fn, st, CASE WHEN st LIKE 'XX%' OR st LIKE '58%' THEN input END) $$;
CREATE FUNCTION fz_scalar() RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE r float8 := random();
BEGIN
  IF r < 0.3 THEN  -- small integers
    RETURN to_jsonb(floor(random() * 21)::int - 10);
  ELSIF r < 0.4 THEN
    RETURN to_jsonb(fz_pick(ARRAY['a','b','c','x','abc','zzz','one','two','é','', 'true','d']));
  END IF;
  RETURN fz_pick(ARRAY['0','-0','-1','1','2.5','1e308','-1e308','1e-308','-1e-308','4.9e-324',
    '99999999999999999999','-99999999999999999999','2147483647','2147483648','-2147483649',
    '9223372036854775807','9223372036854775808','0.000000000000000000001','1000001','32768',
    '"x"','"int"','"NaN"','"Infinity"','"-Infinity"','"2020-01-01"','"2020-02-30"','"0001-01-01"',
    '"294277-01-01"','"infinity"','"2020-01-01 10:00+00"','"2020-01-01T25:00"','"epoch"','"%s"','"%s %s %d"',
    '"{1,2}"','"{}"','"[1,2]"','"a,b"','"\\\\"','"\u00e9"','"\u2028"','"\ud83d\ude00"',
    'null','true','false','[]','{}','[1]','[1, 2, 3]','["a", "b"]','[null]','[[1]]','{"a": 1}',
    '[0.7, 0.2, 0.07, 0.03]','[0, 0]','[-1]','[1e308, 1e308]',
    '"' || repeat('é', 300) || '"','"' || repeat('x', 5000) || '"'])::jsonb;
END $$;
CREATE FUNCTION fz_value(depth int) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE r float8 := random(); keys text[] := ARRAY['mean','skew','weights','null_weight','gen','values',
  'const','min','max','length','n','words','columns','references','children','via','distribution',
  'alpha','sigma','shape','spread','scale','p','unique','format','start','parent_id','v','fz_child_parent_id_fkey',
  'int','email','sequence','choice','', 'x','require','pattern','points','icase','$eq','$gt','$rel','$or'];
BEGIN
  IF depth > 4 OR r < 0.25 THEN
    RETURN fz_scalar();
  ELSIF r < 0.45 THEN
    RETURN (SELECT coalesce(jsonb_agg(fz_value(depth + 1)), '[]') FROM generate_series(1, floor(random() * 5)::int));
  ELSE
    RETURN (SELECT coalesce(jsonb_object_agg(fz_pick(keys), fz_value(depth + 1)), '{}')
            FROM generate_series(1, floor(random() * 5)::int));
  END IF;
END $$;
-- a random change somewhere in a jsonb value: a value replaced, a key
-- deleted, renamed or added, an element dropped or added, a number scaled
CREATE FUNCTION fz_mutate(j jsonb, p float8) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE r float8; k text; v jsonb; out jsonb;
BEGIN
  r := random();
  IF r < p THEN RETURN fz_value(3); END IF;
  CASE jsonb_typeof(j)
  WHEN 'object' THEN
    out := '{}';
    FOR k, v IN SELECT * FROM jsonb_each(j) LOOP
      r := random();
      IF r < p THEN CONTINUE;                                             -- dropped
      ELSIF r < 2 * p THEN out := out || jsonb_build_object(k || fz_pick(ARRAY['x','_','s','']), v);
      ELSE out := out || jsonb_build_object(k, fz_mutate(v, p));
      END IF;
    END LOOP;
    IF random() < p THEN
      out := out || jsonb_build_object(fz_pick(ARRAY['colour','mean','rows','spec','schema','name','gen','require',
        'points','weights','values','null_weight','tables','fit','scale','schemas','columns','references','']), fz_value(3));
    END IF;
    RETURN out;
  WHEN 'array' THEN
    out := '[]';
    FOR v IN SELECT * FROM jsonb_array_elements(j) LOOP
      r := random();
      IF r < p THEN CONTINUE;
      ELSIF r < 2 * p THEN out := out || jsonb_build_array(v, fz_scalar());
      ELSE out := out || jsonb_build_array(fz_mutate(v, p));
      END IF;
    END LOOP;
    RETURN out;
  WHEN 'number' THEN
    IF random() < 3 * p THEN
      RETURN fz_pick(ARRAY[to_jsonb(-(j::numeric)), to_jsonb(j::numeric * 1e300), to_jsonb(j::numeric + 0.5),
                           '0'::jsonb, to_jsonb(j::numeric * 1e-300), '-1'::jsonb, '1e308'::jsonb]);
    END IF;
    RETURN j;
  ELSE
    IF random() < 3 * p THEN RETURN fz_scalar(); END IF;
    RETURN j;
  END CASE;
END $$;

-- criteria: random trees over the columns of a table (value criteria on
-- one column, row criteria on a row), operands typed for the column most
-- of the time
CREATE FUNCTION fz_cols(tbl text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE tbl WHEN 'fz_item' THEN ARRAY['id','i','t','vc','num','d','ts','b','arr','tarr','j','k','parent_id','tenant','org_id']
                  WHEN 'fz_org' THEN ARRAY['tenant','id','active','label']
                  WHEN 'fz_parent' THEN ARRAY['id','name']
                  WHEN 'fz_line' THEN ARRAY['id','item_id','qty','note']
                  ELSE ARRAY['id','parent_id','v','n'] END $$;
CREATE FUNCTION fz_fks(tbl text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE tbl WHEN 'fz_item' THEN ARRAY['parent_id','fz_item_parent_id_fkey','fz_item_tenant_org_id_fkey','org_id','tenant']
                  WHEN 'fz_line' THEN ARRAY['item_id','fz_line_item_id_fkey']
                  WHEN 'fz_child' THEN ARRAY['parent_id']
                  ELSE ARRAY['id','nosuch_fkey'] END $$;
CREATE FUNCTION fz_fk_target(tbl text, fk text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN fk IN ('parent_id', 'fz_item_parent_id_fkey') THEN 'fz_parent'
              WHEN fk IN ('fz_item_tenant_org_id_fkey', 'org_id', 'tenant') THEN 'fz_org'
              WHEN fk IN ('item_id', 'fz_line_item_id_fkey') THEN 'fz_item'
              ELSE tbl END $$;
CREATE FUNCTION fz_operand(col text, tbl text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE r float8 := random();
BEGIN
  IF current_setting('fuzz.sane') = 'on' THEN
    IF r < 0.05 THEN RETURN jsonb_build_object('$field', col); END IF;
    IF r < 0.08 AND tbl = 'fz_item' THEN RETURN jsonb_build_object('$field',
      fz_pick(ARRAY['parent_id.id', 'org_id.id', 'fz_item_tenant_org_id_fkey.tenant', 'id', 'i'])); END IF;
    IF r < 0.1 THEN RETURN 'null'; END IF;
    r := 0.9;
  END IF;
  IF r < 0.08 THEN   -- another column of the row, or of a parent, or garbage
    RETURN jsonb_build_object('$field', fz_pick(fz_cols(tbl) || ARRAY['parent_id.name','fz_item_tenant_org_id_fkey.label',
      'org_id.active','tenant.id','item_id.d','nosuch','parent_id.nosuch','', '.', 'a.b.c']));
  ELSIF r < 0.14 THEN
    RETURN jsonb_build_object('$step', fz_pick(ARRAY['s0.id','s1.id','s0.tenant','s1.parent_id','s2.id','s0','nosuch.id','s0.nosuch','']));
  ELSIF r < 0.17 THEN
    RETURN jsonb_build_object(fz_pick(ARRAY['$field','$step','$gt','$x','a']), fz_scalar());
  ELSIF r < 0.5 THEN
    RETURN fz_scalar();
  END IF;
  -- typed for the column
  RETURN CASE
    WHEN col IN ('id','i','parent_id','tenant','org_id','item_id','qty','n') THEN to_jsonb(floor(random() * 8)::int - 2)
    WHEN col IN ('num') THEN to_jsonb(round((random() * 2000 - 1000)::numeric, 3))
    WHEN col IN ('d') THEN to_jsonb(('2000-01-01'::date + floor(random() * 12000)::int)::text)
    WHEN col IN ('ts') THEN to_jsonb(('2000-01-01 00:00+00'::timestamptz + random() * interval '30 years')::text)
    WHEN col IN ('b','active') THEN to_jsonb(random() < 0.5)
    WHEN col IN ('arr') THEN fz_pick(ARRAY['[1, 2]','[]','[3]','1','[null]','"{1,2}"'])::jsonb
    WHEN col IN ('tarr') THEN fz_pick(ARRAY['["x", "y"]','[]','["x"]','"x"','[""]'])::jsonb
    WHEN col IN ('j') THEN fz_pick(ARRAY['{"a": 1}','[]','"s"','{}','1','null'])::jsonb
    WHEN col IN ('k') THEN to_jsonb(fz_pick(ARRAY['a','b','c','d','']))
    ELSE to_jsonb(fz_pick(ARRAY['a','abc','x y','one','two','yy','x','','zzz','q']))
  END;
END $$;
CREATE FUNCTION fz_vcrit(col text, tbl text, depth int) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE r float8 := random(); op text; a jsonb; f text;
BEGIN
  IF current_setting('fuzz.sane') = 'on' THEN
    IF depth > 3 OR r < 0.25 THEN RETURN fz_operand(col, tbl); END IF;
    op := CASE WHEN col IN ('arr', 'tarr') AND random() < 0.7 THEN fz_pick(ARRAY['$any', '$all', '$len', '$is_null'])
               WHEN col IN ('parent_id', 'org_id', 'item_id') AND random() < 0.3 THEN '$rel'
               ELSE fz_pick(ARRAY['$eq','$ne','$gt','$gte','$lt','$lte','$in','$is_null','$not','$or','$and']) END;
    a := CASE
      WHEN op = '$in' THEN (SELECT jsonb_agg(fz_operand(col, tbl)) FROM generate_series(1, 1 + floor(random() * 4)::int))
      WHEN op = '$is_null' THEN to_jsonb(random() < 0.5)
      WHEN op IN ('$not') THEN fz_vcrit(col, tbl, depth + 1)
      WHEN op IN ('$any', '$all') THEN fz_vcrit(CASE col WHEN 'arr' THEN 'i' ELSE 't' END, tbl, depth + 1)
      WHEN op = '$len' THEN fz_vcrit('i', tbl, depth + 1)
      WHEN op IN ('$or', '$and') THEN (SELECT jsonb_agg(fz_vcrit(col, tbl, depth + 1)) FROM generate_series(1, 1 + floor(random() * 3)::int))
      WHEN op = '$rel' THEN fz_rcrit(fz_fk_target(tbl, col), depth + 1)
      ELSE fz_operand(col, tbl) END;
    IF random() < 0.15 AND op IN ('$gt', '$gte') THEN
      RETURN jsonb_build_object(op, a, fz_pick(ARRAY['$lt', '$lte', '$ne']), fz_operand(col, tbl));
    END IF;
    RETURN jsonb_build_object(op, a);
  END IF;
  IF depth > 4 OR r < 0.2 THEN RETURN fz_operand(col, tbl); END IF;
  op := fz_pick(ARRAY['$eq','$ne','$gt','$gte','$lt','$lte','$eq','$gt','$lt','$in','$in','$is_null','$not','$or','$and',
                      '$any','$all','$len','$rel','$field','$step','$regex','$GT','']);
  a := CASE
    WHEN op IN ('$in') THEN (SELECT coalesce(jsonb_agg(fz_operand(col, tbl)), '[]') FROM generate_series(1, floor(random() * 5)::int))
    WHEN op IN ('$is_null') THEN CASE WHEN random() < 0.85 THEN to_jsonb(random() < 0.5) ELSE fz_scalar() END
    WHEN op IN ('$not','$any','$all','$len') THEN fz_vcrit(col, tbl, depth + 1)
    WHEN op IN ('$or','$and') THEN
      CASE WHEN random() < 0.9 THEN (SELECT coalesce(jsonb_agg(fz_vcrit(col, tbl, depth + 1)), '[]') FROM generate_series(1, floor(random() * 4)::int))
           ELSE fz_vcrit(col, tbl, depth + 1) END
    WHEN op IN ('$rel') THEN fz_rcrit(fz_fk_target(tbl, col), depth + 1)
    WHEN op IN ('$field') THEN to_jsonb(fz_pick(fz_cols(tbl) || ARRAY['parent_id.name','nosuch']))
    WHEN op IN ('$step') THEN to_jsonb(fz_pick(ARRAY['s0.id','s1.tenant','nosuch.id']))
    ELSE fz_operand(col, tbl)
  END;
  IF random() < 0.15 THEN  -- two operators at one level (AND), or an operator mixed with a field
    f := fz_pick(ARRAY['$gt','$lt','$ne','$in','$lte', 'i', 't']);
    RETURN jsonb_build_object(op, a) || jsonb_build_object(f, CASE WHEN f = '$in' THEN jsonb_build_array(fz_operand(col, tbl)) ELSE fz_operand(col, tbl) END);
  END IF;
  RETURN jsonb_build_object(op, a);
END $$;
CREATE FUNCTION fz_rcrit(tbl text, depth int) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE r float8 := random(); out jsonb := '{}'; c text;
BEGIN
  IF depth > 4 THEN RETURN jsonb_build_object(fz_pick(fz_cols(tbl)), fz_operand('', tbl)); END IF;
  IF current_setting('fuzz.sane') = 'on' THEN
    IF r < 0.08 THEN
      RETURN jsonb_build_object(fz_pick(ARRAY['$or', '$and']),
        (SELECT jsonb_agg(fz_rcrit(tbl, depth + 1)) FROM generate_series(1, 1 + floor(random() * 3)::int)));
    ELSIF r < 0.12 THEN
      RETURN jsonb_build_object('$not', fz_rcrit(tbl, depth + 1));
    END IF;
    FOR n IN 1..1 + floor(random() * 3)::int LOOP
      IF random() < 0.15 AND depth < 3 THEN
        c := fz_pick(fz_fks(tbl));
        out := out || jsonb_build_object(c, jsonb_build_object('$rel', fz_rcrit(fz_fk_target(tbl, c), depth + 1)));
      ELSE
        c := fz_pick(fz_cols(tbl));
        out := out || jsonb_build_object(c, fz_vcrit(c, tbl, depth + 1));
      END IF;
    END LOOP;
    RETURN out;
  END IF;
  IF r < 0.1 THEN
    RETURN jsonb_build_object(fz_pick(ARRAY['$or','$and','$or']),
      (SELECT coalesce(jsonb_agg(fz_rcrit(tbl, depth + 1)), '[]') FROM generate_series(1, floor(random() * 4)::int)));
  ELSIF r < 0.14 THEN
    RETURN jsonb_build_object('$not', fz_rcrit(tbl, depth + 1));
  ELSIF r < 0.16 THEN
    RETURN fz_value(3);
  END IF;
  FOR n IN 1..1 + floor(random() * 3)::int LOOP
    r := random();
    IF r < 0.2 THEN
      c := fz_pick(fz_fks(tbl));
      out := out || jsonb_build_object(c, jsonb_build_object('$rel', fz_rcrit(fz_fk_target(tbl, c), depth + 1)));
    ELSE
      c := CASE WHEN r < 0.95 THEN fz_pick(fz_cols(tbl)) ELSE fz_pick(ARRAY['nosuch','', 'I', 'name', 'label', '$x']) END;
      out := out || jsonb_build_object(c, fz_vcrit(c, tbl, depth + 1));
    END IF;
  END LOOP;
  RETURN out;
END $$;

-- regex patterns: real ones, mutated
CREATE FUNCTION fz_pattern() RETURNS text LANGUAGE plpgsql AS $$
DECLARE p text; r float8; pos int; ch text;
BEGIN
  p := fz_pick(ARRAY['^[a-z_]+$', '^\d{5}(-\d{4})?$', '^[A-Z]{2}[0-9]{2}[A-Z0-9]{1,30}$',
    '^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,}$', '^[a-z0-9]+(?:-[a-z0-9]+)*$', '^(draft|published|archived)$',
    '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', '^\+?[1-9]\d{1,14}$', '^#[0-9a-fA-F]{6}$',
    '^https?://[a-z0-9.-]+\.[a-z]{2,6}(/[a-z0-9_-]*)*$', '^(\d{1,3}\.){3}\d{1,3}$', '^[[:alpha:]][[:alnum:]_]{2,15}$',
    '^[^@\s]+@[^@\s]+$', '^\w+$', '^\s*\S+\s*$', '^.{8,64}$', '^(?:[01]\d|2[0-3]):[0-5]\d$', '^[]\[^-]+$',
    '^\(\d{3}\) \d{3}-\d{4}$', '^[а-яё]+$', '(?i)^[a-f]+$', '***=a.b', '***:^\x41\u00e9+$', '\A[ab]*?c+?\Z',
    '^(a|b|c){2,4}x?$', 'a|b|', '(|)', '[[:digit:][:punct:]]{3}', '[^\x00-\x7f]', '\t\n\r\f\v', 'x{0}', '(a*)*b',
    '((a+)+)+', '(?:(?:(?:x)))', '[a-]', '[\d-z]', '[z-a]', '\y', '(a)\1', '(?=a)', 'a**', '{1}', '[[:nosuch:]]']);
  FOR n IN 0..floor(random() * 4)::int LOOP
    r := random();
    pos := 1 + floor(random() * (length(p) + 1))::int;
    ch := fz_pick(ARRAY['(',')','[',']','{','}','|','*','+','?','\','^','$','.','-',',','0','9','a','Z',':','=','!','é',
                        '{1,100000}','{0,3}','{25}','{256}','{1000}','{2,1}','{,3}','{3,}','*?','+?','??','(?:','(?i)',
                        '[:alpha:]','[[:alpha:]]','\d','\w','\S','\x','\u','\uFFFF','\x{41}','\0','\b','\B','\m','\Z',
                        '***:','***=','(a+)+','((x{255}){255}){255}','(x{255}){255}','[^]','[]','()','(|a)*']);
    IF r < 0.45 THEN p := substr(p, 1, pos - 1) || ch || substr(p, pos);                  -- insert
    ELSIF r < 0.7 THEN p := substr(p, 1, pos - 1) || substr(p, pos + 1);                   -- delete
    ELSIF r < 0.8 THEN p := '(' || p || ')' || fz_pick(ARRAY['{1,100000}','{256}','{2,1}','*','+','{2,3}','{0,4}','?']);
    ELSIF r < 0.9 AND length(p) < 200 THEN p := p || p;
    ELSE p := substr(p, 1, pos - 1) || fz_pick(ARRAY['(', ')', '[', ']']) || substr(p, pos + 1);   -- unbalance
    END IF;
  END LOOP;
  RETURN p;
END $$;

-- distributors, generator options, column specs, specs, pipes
CREATE FUNCTION fz_num() RETURNS jsonb LANGUAGE plpgsql AS $$
BEGIN
  IF random() < 0.5 THEN RETURN to_jsonb(round((random() * 10)::numeric, 2)); END IF;
  RETURN fz_pick(ARRAY['0','-0','1','2','0.5','1e308','-1e308','1e-308','4.9e-324','1000000','1000001','-1',
    '99999999999999999999','9223372036854775807','1.0000000000000002','0.9999999999999999','"2"','null','[]','true']::jsonb[]);
END $$;
-- a distributor: plausible (kind many: a reference or a step; count:
-- children) with one extreme value now and then, or anything
CREATE FUNCTION fz_sane_dist(kind text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE out jsonb; r float8 := random();
BEGIN
  out := jsonb_build_object('mean', 1 + floor(random() * 10)::int);
  IF r < 0.3 THEN out := out || jsonb_build_object('skew', round((1 + random() * 3)::numeric, 2));
  ELSIF r < 0.5 THEN out := out || jsonb_build_object('weights', fz_pick(ARRAY['[0.7, 0.2, 0.07, 0.03]', '[1, 1]', '[5, 0, 1]', '[1e-308, 1]'])::jsonb);
  ELSIF r < 0.6 AND kind = 'count' THEN out := jsonb_build_object('distribution',
    fz_pick(ARRAY['exponential','pareto','lognormal','gamma','weibull','uniform']), 'mean', round((random() * 3)::numeric, 2));
  ELSIF r < 0.7 AND kind = 'count' THEN out := jsonb_build_object('min', floor(random() * 3)::int, 'max', 2 + floor(random() * 3)::int);
  END IF;
  IF random() < 0.3 AND kind = 'many' THEN out := out || jsonb_build_object('null_weight', fz_pick(ARRAY[0, 0.1, 0.5, 1])); END IF;
  IF random() < 0.2 THEN
    out := out || jsonb_build_object(CASE WHEN current_setting('fuzz.sane') = 'on' THEN fz_pick(ARRAY['mean','skew','null_weight'])
                                          ELSE fz_pick(ARRAY['mean','skew','null_weight','alpha','sigma','shape','spread']) END, fz_num());
  END IF;
  RETURN out;
END $$;
CREATE FUNCTION fz_dist() RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE out jsonb := '{}'; key text; r float8;
BEGIN
  IF random() < 0.5 THEN RETURN fz_sane_dist(fz_pick(ARRAY['many', 'count'])); END IF;
  FOR n IN 1..floor(random() * 4)::int LOOP
    key := fz_pick(ARRAY['mean','mean','skew','weights','null_weight','min','max','distribution','alpha','sigma','shape',
                         'spread','colour','require']);
    r := random();
    out := out || jsonb_build_object(key, CASE
      WHEN key = 'weights' AND r < 0.02 THEN (SELECT v FROM fuzz_const WHERE k = 'huge')
      WHEN key = 'weights' AND r < 0.5 THEN
        (SELECT coalesce(jsonb_agg(fz_num()), '[]') FROM generate_series(1, floor(random() * 6)::int))
      WHEN key = 'weights' THEN fz_pick(ARRAY['[0.7, 0.2, 0.07, 0.03]', '[1e308, 1e308]', '[1e-308, 0]', '[-0, 1]', '[0]',
        '[]', '"x"', '[1e308, -1e308]', '[4.9e-324, 4.9e-324]'])::jsonb
      WHEN key = 'distribution' THEN to_jsonb(fz_pick(ARRAY['exponential','pareto','lognormal','gamma','weibull','uniform','poisson','']))
      WHEN key = 'null_weight' THEN fz_pick(ARRAY['0','0.1','0.5','1','-0','1.0000001','-1e-308','1e-308','"NaN"','"0.5"'])::jsonb
      ELSE fz_num() END);
  END LOOP;
  RETURN out;
END $$;
CREATE FUNCTION fz_points() RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE r float8 := random(); n int := fz_pick(ARRAY[0, 1, 2, 3, 5, 21, 21, 1001, 1002]);
BEGIN
  IF r < 0.4 THEN   -- sorted numbers
    RETURN (SELECT coalesce(jsonb_agg(x ORDER BY x), '[]') FROM (SELECT round((random() * 100)::numeric, 2) AS x FROM generate_series(1, n)) s);
  ELSIF r < 0.6 THEN  -- timestamps
    RETURN (SELECT coalesce(jsonb_agg(x::text ORDER BY x), '[]') FROM (SELECT '2020-01-01 00:00+00'::timestamptz + random() * interval '1 year' AS x FROM generate_series(1, n)) s);
  ELSIF r < 0.75 THEN  -- unsorted or mixed
    RETURN (SELECT coalesce(jsonb_agg(CASE WHEN random() < 0.8 THEN to_jsonb(random() * 10) ELSE fz_scalar() END), '[]') FROM generate_series(1, n));
  ELSE
    RETURN fz_pick(ARRAY['[1e308, 1e308]','[-1e308, 1e308]','[0, 0]','[1, 1, 1]','[1e-308, 4.9e-324]','"x"','{}','null',
      '["2020-01-01", "2019-01-01"]','["x", "y"]','[1, "2020-01-01"]','["294276-12-31 23:59:59+00", "infinity"]',
      '[-0, 0]','[0, 1e308]'])::jsonb;
  END IF;
END $$;
CREATE FUNCTION fz_gen_options(gen text, col text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE out jsonb := jsonb_build_object('gen', gen); opts text[]; k text;
BEGIN
  opts := CASE gen
    WHEN 'int' THEN ARRAY['min','max'] WHEN 'numeric' THEN ARRAY['min','max','scale'] WHEN 'float' THEN ARRAY['min','max']
    WHEN 'bool' THEN ARRAY['p'] WHEN 'digits' THEN ARRAY['length'] WHEN 'string' THEN ARRAY['min_length','max_length']
    WHEN 'word' THEN ARRAY['n'] WHEN 'words' THEN ARRAY['n'] WHEN 'sentence' THEN ARRAY['words']
    WHEN 'paragraph' THEN ARRAY['sentences'] WHEN 'date' THEN ARRAY['min','max'] WHEN 'timestamp' THEN ARRAY['min','max']
    WHEN 'timestamptz' THEN ARRAY['min','max'] WHEN 'choice' THEN ARRAY['values','weights','values']
    WHEN 'regex' THEN ARRAY['pattern','pattern','icase'] WHEN 'quantiles' THEN ARRAY['points','points','scale']
    WHEN 'sequence' THEN ARRAY['format','start','scope'] ELSE ARRAY['min','n'] END;
  FOR n IN 0..floor(random() * 4)::int LOOP
    k := CASE WHEN random() < 0.9 THEN fz_pick(opts)
              ELSE fz_pick(ARRAY['mean','skew','weights','null_weight','unique','require','colour','values','const']) END;
    out := out || jsonb_build_object(k, CASE
      WHEN k = 'pattern' THEN CASE WHEN random() < 0.9 THEN to_jsonb(fz_pattern()) ELSE fz_scalar() END
      WHEN k = 'points' THEN fz_points()
      WHEN k = 'values' THEN (SELECT coalesce(jsonb_agg(fz_operand(col, 'fz_item')), '[]') FROM generate_series(1, floor(random() * 5)::int))
      WHEN k IN ('weights') THEN fz_pick(ARRAY['[1, 1]','[0.7, 0.2, 0.07, 0.03]','[0, 0]','[1]','[]','[-1, 2]','[1e308, 1e308]'])::jsonb
      WHEN k IN ('icase','unique') THEN fz_pick(ARRAY['true','false','1','"yes"'])::jsonb
      WHEN k = 'require' THEN fz_vcrit(col, 'fz_item', 1)
      WHEN k = 'format' THEN fz_pick(ARRAY['"T %s"','"%s"','"none"','"%s%s"','"%d"','"%%s"','"%"','""','1'])::jsonb
      WHEN k = 'scope' THEN fz_pick(ARRAY['"fz"','""','"a.b"','1','null'])::jsonb
      WHEN k IN ('min','max') AND gen IN ('date','timestamp','timestamptz') THEN
        CASE WHEN random() < 0.7 THEN to_jsonb(('1900-01-01'::date + floor(random() * 60000)::int)::text) ELSE fz_scalar() END
      WHEN k IN ('min','max') AND random() < 0.6 THEN to_jsonb(floor(random() * 2000)::int - 1000)
      WHEN k IN ('mean','skew','null_weight','p','length','n','words','sentences','min_length','max_length','scale','start') AND random() < 0.6
        THEN to_jsonb(floor(random() * 12)::int - 1)
      ELSE fz_num() END);
  END LOOP;
  RETURN out;
END $$;
CREATE FUNCTION fz_generator() RETURNS text LANGUAGE sql AS $$
  SELECT fz_pick(ARRAY['int','numeric','float','bool','digits','string','word','words','sentence','paragraph',
    'first_name','last_name','name','username','email','phone','company','job','street_address','city','country',
    'postcode','color','url','ipv4','uuid','date','timestamp','timestamptz','choice','regex','regex','quantiles',
    'quantiles','sequence','nosuch','','INT','Regex']) $$;
CREATE FUNCTION fz_colspec(col text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE r float8 := random(); out jsonb;
BEGIN
  IF r < 0.7 THEN out := fz_gen_options(fz_generator(), col);
  ELSIF r < 0.8 THEN out := jsonb_build_object('values',
      (SELECT coalesce(jsonb_agg(fz_operand(col, 'fz_item')), '[]') FROM generate_series(1, floor(random() * 5)::int)));
  ELSIF r < 0.88 THEN out := jsonb_build_object('const', fz_operand(col, 'fz_item'));
  ELSE out := fz_value(2);
  END IF;
  IF jsonb_typeof(out) = 'object' THEN
    IF random() < 0.35 THEN out := out || jsonb_build_object('require', fz_vcrit(col, 'fz_item', 0)); END IF;
    IF random() < 0.15 THEN out := out || jsonb_build_object('null_weight', fz_pick(ARRAY['0.1','0','1','0.5','-1','2'])::jsonb); END IF;
    IF random() < 0.15 THEN out := out || fz_dist(); END IF;
    IF random() < 0.05 THEN out := out || '{"unique": true}'; END IF;
  END IF;
  RETURN out;
END $$;
-- a column spec that fits the column's type, the odd value aside
CREATE FUNCTION fz_sane_colspec(col text) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE out jsonb; r float8 := random(); a int := floor(random() * 100)::int - 20;
  g text := fz_pick(ARRAY['digits','string','word','words','sentence','paragraph','first_name','last_name','name','username',
    'email','phone','company','job','street_address','city','country','postcode','color','url','ipv4','uuid','choice','sequence']);
BEGIN
  out := CASE
    WHEN col = 'i' AND r < 0.4 THEN jsonb_build_object('gen', 'int', 'min', a, 'max', a + floor(random() * 50)::int)
    WHEN col IN ('i', 'num') AND r < 0.7 THEN jsonb_build_object('gen', 'quantiles', 'points', fz_points())
      || CASE WHEN random() < 0.5 THEN jsonb_build_object('scale', floor(random() * 4)::int) ELSE '{}' END
    WHEN col = 'i' THEN jsonb_build_object('values', jsonb_build_array(a, a + 1, a * 2))
    WHEN col = 'num' THEN jsonb_build_object('gen', fz_pick(ARRAY['numeric', 'float', 'int']), 'min', a, 'max', a + 10)
    WHEN col IN ('t', 'vc') AND r < 0.4 THEN jsonb_build_object('gen', 'regex', 'pattern', fz_pick(ARRAY[fz_pattern(),
      '^[a-z]{1,5}$', '^\d{3}-[A-Z]$', '(ab|cd)+x?', '^[[:alpha:]]+$']))
    WHEN col IN ('t', 'vc') THEN fz_gen_options(g, col)
    WHEN col = 'd' AND r < 0.6 THEN jsonb_build_object('gen', 'date', 'min', ('1990-01-01'::date + a * 30)::text, 'max', ('1990-01-01'::date + a * 40 + 30)::text)
    WHEN col IN ('d', 'ts') AND r < 0.8 THEN jsonb_build_object('gen', 'quantiles', 'points', fz_points())
    WHEN col = 'ts' THEN jsonb_build_object('gen', fz_pick(ARRAY['timestamptz', 'timestamp', 'date']), 'min', '2000-01-01', 'max', '2001-01-01')
    WHEN col = 'b' THEN jsonb_build_object('gen', 'bool', 'p', round(random()::numeric, 2))
    WHEN col = 'k' THEN jsonb_build_object('values', '["a", "b", "c"]'::jsonb, 'weights', fz_pick(ARRAY['[1, 2, 3]', '[0, 0, 1]', '[1, 1]'])::jsonb)
    WHEN col = 'arr' THEN jsonb_build_object('const', fz_pick(ARRAY['{1,2}', '{}', '{NULL}', NULL]))
    WHEN col = 'tarr' THEN jsonb_build_object('const', fz_pick(ARRAY['{a,"b c"}', '{}', '{""}']))
    WHEN col = 'j' THEN jsonb_build_object('const', fz_pick(ARRAY['{"a": 1}', '[]', '"s"', '1']))
    ELSE jsonb_build_object('const', fz_operand(col, 'fz_item'))
  END;
  IF random() < 0.4 THEN out := out || jsonb_build_object('require', fz_vcrit(col, 'fz_item', 2)); END IF;
  IF random() < 0.1 THEN out := out || jsonb_build_object('null_weight', 0.2); END IF;
  IF random() < 0.1 THEN out := out || jsonb_build_object('mean', 2, 'skew', 2); END IF;
  RETURN out;
END $$;
CREATE FUNCTION fz_spec(sane bool) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE cols jsonb := '{}'; refs jsonb := '{}'; kids jsonb := '{}'; out jsonb := '{}'; c text; d jsonb;
BEGIN
  FOR n IN 1..floor(random() * 4)::int LOOP
    c := CASE WHEN random() < 0.93 THEN fz_pick(ARRAY['i','t','vc','num','d','ts','b','arr','tarr','j','k','id'])
              ELSE fz_pick(ARRAY['nosuch','parent_id','tenant','']) END;
    cols := cols || jsonb_build_object(c, CASE WHEN sane THEN fz_sane_colspec(c) ELSE fz_colspec(c) END);
  END LOOP;
  IF random() < 0.5 THEN
    FOR n IN 1..1 + floor(random() * 2)::int LOOP
      c := CASE WHEN sane THEN fz_pick(ARRAY['parent_id', 'fz_item_tenant_org_id_fkey', 'org_id'])
                ELSE fz_pick(fz_fks('fz_item') || ARRAY['nosuch']) END;
      d := CASE WHEN sane OR random() < 0.6 THEN fz_sane_dist('many') ELSE fz_dist() END;
      IF random() < 0.4 THEN
        d := d || jsonb_build_object('require', CASE WHEN random() < 0.8
          THEN jsonb_build_object('$rel', fz_rcrit(fz_fk_target('fz_item', c), 1)) ELSE fz_rcrit(fz_fk_target('fz_item', c), 1) END);
      END IF;
      refs := refs || jsonb_build_object(c, d);
    END LOOP;
    out := out || jsonb_build_object('references', refs);
  END IF;
  IF random() < 0.25 THEN
    d := CASE WHEN sane OR random() < 0.6 THEN fz_sane_dist('count') ELSE fz_dist() END || CASE WHEN sane OR random() < 0.9 THEN jsonb_build_object('via',
      CASE WHEN sane THEN 'fz_line_item_id_fkey' ELSE fz_pick(ARRAY['fz_line_item_id_fkey','item_id','nosuch','fz_item_parent_id_fkey']) END)
      ELSE '{}' END;
    IF random() < 0.7 THEN d := d || '{"mean": 1}'; END IF;   -- few children: keep populates small
    kids := jsonb_build_object(CASE WHEN sane THEN 'fz_line' ELSE fz_pick(ARRAY['fz_line','fz_line','fz_parent','nosuch']) END, d);
    out := out || jsonb_build_object('children', kids);
  END IF;
  IF random() < 0.9 THEN out := out || jsonb_build_object('columns', cols); END IF;
  IF random() < 0.05 AND NOT sane THEN out := out || jsonb_build_object(fz_pick(ARRAY['colour','require','column']), fz_value(3)); END IF;
  IF sane AND random() < 0.1 THEN out := fz_mutate(out, 0.03);
  ELSIF NOT sane AND random() < 0.2 THEN out := fz_mutate(out, 0.1);
  END IF;
  RETURN out;
END $$;
CREATE FUNCTION fz_steps() RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE out jsonb := '[]'; st jsonb; agg text; sane bool := current_setting('fuzz.sane') = 'on';
BEGIN
  FOR n IN 0..floor(random() * 4)::int LOOP
    agg := CASE WHEN sane THEN fz_pick(ARRAY['fz_item','fz_parent','fz_org','fz_line','fz_parent'])
                ELSE fz_pick(ARRAY['fz_item','fz_parent','fz_org','fz_line','fz_parent','nosuch']) END;
    st := jsonb_build_object('name', CASE WHEN sane OR random() < 0.9 THEN 's' || n ELSE fz_pick(ARRAY['s0','','x']) END,
                             'aggregate', agg) || CASE WHEN sane OR random() < 0.7 THEN fz_sane_dist('many') ELSE fz_dist() END;
    IF random() < 0.5 THEN st := st || jsonb_build_object('require', fz_rcrit(agg, 1)); END IF;
    IF random() < 0.3 AND n > 0 THEN   -- a key of an earlier step
      st := st || jsonb_build_object('require', jsonb_build_object(fz_pick(fz_cols(agg)),
        jsonb_build_object('$step', fz_pick(ARRAY['s0.id','s0.tenant','s' || (n - 1) || '.id','s' || n || '.id','s0.name']))));
    END IF;
    out := out || jsonb_build_array(st);
  END LOOP;
  IF random() < 0.15 AND NOT sane THEN out := fz_mutate(out, 0.1); END IF;
  RETURN out;
END $$;
CREATE FUNCTION fz_profile_options() RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE out jsonb := '{}'; k text;
BEGIN
  FOR n IN 1..floor(random() * 4)::int LOOP
    k := fz_pick(ARRAY['values','sample','tables','exclude','colour']);
    out := out || jsonb_build_object(k, CASE
      WHEN k = 'values' THEN fz_pick(ARRAY['true','false','"no"','null','1'])::jsonb
      WHEN k = 'sample' THEN fz_pick(ARRAY['0.5','1','0','-0','1e-308','2','null','"x"','1e308'])::jsonb
      WHEN k IN ('tables','exclude') THEN fz_pick(ARRAY['["fz_%"]','["fz_item"]','["fz.fz_org", "fz_parent"]','[]',
        '["nope"]','"fz_item"','[1]','["%"]','["fz\\_%"]','[null]','["fz.%"]'])::jsonb
      ELSE fz_value(3) END);
  END LOOP;
  IF NOT out ? 'tables' AND random() < 0.8 THEN out := out || '{"tables": ["fz_%"]}'; END IF;
  RETURN out;
END $$;
-- a profile may name huge row counts: every "rows" is cut to 20
CREATE FUNCTION fz_cap_rows(p jsonb) RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE k text; v jsonb; out jsonb;
BEGIN
  IF jsonb_typeof(p) <> 'object' OR jsonb_typeof(p->'tables') <> 'object' THEN RETURN p; END IF;
  out := '{}';
  FOR k, v IN SELECT * FROM jsonb_each(p->'tables') LOOP
    IF jsonb_typeof(v) = 'object' AND jsonb_typeof(v->'rows') = 'number' AND (v->>'rows')::numeric > 20 THEN
      v := v || '{"rows": 20}';
    END IF;
    out := out || jsonb_build_object(k, v);
  END LOOP;
  RETURN p || jsonb_build_object('tables', out);
END $$;

INSERT INTO fuzz_const VALUES
  ('huge', (SELECT jsonb_agg(CASE WHEN g % 3 = 0 THEN 1e308 ELSE g END) FROM generate_series(1, 100000) g)),
  ('profile', faker_profile('{fz_parent,fz_org,fz_item,fz_line}')),
  ('profile_novalues', faker_profile('{fz_parent,fz_org,fz_item,fz_line}', '{"values": false}'));

-- the share of the cases each function gets
CREATE TEMP TABLE fuzz_plan (fn text PRIMARY KEY, share float8);
INSERT INTO fuzz_plan VALUES ('query_parse', 14), ('query_match', 8), ('query_match_value', 6), ('query_sql', 11),
  ('query_rows', 4), ('query_merge', 7), ('regex', 15), ('generate', 11), ('draw', 8), ('counts', 8),
  ('define', 3.5), ('define+populate', 1.2), ('pipe', 1.4), ('profile', 0.4), ('populate_profile', 0.6), ('compare', 1.2);
CREATE FUNCTION fz_n(f text) RETURNS int LANGUAGE sql AS $$
  SELECT greatest(1, round(coalesce(nullif(current_setting('fuzz.cases', true), ''), '50000')::float8
                           * share / (SELECT sum(share) FROM fuzz_plan)))::int FROM fuzz_plan WHERE fn = f $$;

-- criteria
DO $$
DECLARE j jsonb; j2 jsonb; st text; tbl text; it fz_item; rid int;
BEGIN
  PERFORM setseed(current_setting('fuzz.seed')::float8 + 0.00);
  FOR i IN 1..fz_n('query_parse') LOOP
    PERFORM set_config('fuzz.sane', CASE WHEN i % 2 = 0 THEN 'on' ELSE 'off' END, false);
    j := CASE WHEN random() < 0.7 THEN fz_rcrit(fz_pick(ARRAY['fz_item','fz_org','fz_parent']), 0)
              WHEN random() < 0.8 THEN fz_vcrit('i', 'fz_item', 0) ELSE fz_mutate(fz_rcrit('fz_item', 0), 0.2) END;
    BEGIN PERFORM faker_query_parse(j); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('query_parse', st, j::text);
  END LOOP;
  FOR i IN 1..fz_n('query_match') LOOP
    PERFORM set_config('fuzz.sane', CASE WHEN i % 2 = 0 THEN 'on' ELSE 'off' END, false);
    j := fz_rcrit('fz_item', 0);
    rid := 1 + i % 4;
    SELECT * INTO it FROM fz_item WHERE id = rid;
    BEGIN PERFORM faker_query_match(j, it); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('query_match', st, j::text || ' row ' || it.id);
  END LOOP;
  FOR i IN 1..fz_n('query_match_value') LOOP
    PERFORM set_config('fuzz.sane', CASE WHEN i % 2 = 0 THEN 'on' ELSE 'off' END, false);
    j := fz_vcrit(fz_pick(ARRAY['i','t','d','arr','num','b','tarr','ts']), 'fz_item', 0);
    BEGIN
      CASE i % 8
        WHEN 0 THEN PERFORM faker_query_match(j, 5);
        WHEN 1 THEN PERFORM faker_query_match(j, 'abc'::text);
        WHEN 2 THEN PERFORM faker_query_match(j, '2020-01-01'::date);
        WHEN 3 THEN PERFORM faker_query_match(j, ARRAY[1, NULL, 3]);
        WHEN 4 THEN PERFORM faker_query_match(j, 1.5::numeric);
        WHEN 5 THEN PERFORM faker_query_match(j, true);
        WHEN 6 THEN PERFORM faker_query_match(j, NULL::int);
        ELSE PERFORM faker_query_match(j, '2020-01-01 10:00+00'::timestamptz);
      END CASE;
      st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('query_match_value', st, j::text || ' value #' || i % 8);
  END LOOP;
  FOR i IN 1..fz_n('query_sql') LOOP
    PERFORM set_config('fuzz.sane', CASE WHEN i % 2 = 0 THEN 'on' ELSE 'off' END, false);
    tbl := fz_pick(ARRAY['fz_item','fz_item','fz_org','fz_parent','fz_line']);
    j := fz_rcrit(tbl, 0);
    BEGIN PERFORM faker_query_sql(j, tbl::regclass, fz_pick(ARRAY['t','t','x','','"q"','select'])); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('query_sql', st, j::text || ' on ' || tbl);
  END LOOP;
  FOR i IN 1..fz_n('query_rows') LOOP
    PERFORM set_config('fuzz.sane', CASE WHEN i % 2 = 0 THEN 'on' ELSE 'off' END, false);
    tbl := fz_pick(ARRAY['fz_item','fz_item','fz_org','fz_line']);
    j := fz_rcrit(tbl, 0);
    BEGIN PERFORM count(*) FROM faker_query_rows(tbl::regclass, j); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('query_rows', st, j::text || ' on ' || tbl);
  END LOOP;
  FOR i IN 1..fz_n('query_merge') LOOP
    PERFORM set_config('fuzz.sane', CASE WHEN i % 2 = 0 THEN 'on' ELSE 'off' END, false);
    tbl := fz_pick(ARRAY['fz_item','fz_item','fz_org']);
    j := fz_rcrit(tbl, 0);
    j2 := CASE WHEN random() < 0.5 THEN fz_mutate(j, 0.2) ELSE fz_rcrit(tbl, 0) END;
    BEGIN PERFORM faker_query_merge(j, j2, tbl::regclass); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('query_merge', st, j::text || ' + ' || j2::text || ' on ' || tbl);
  END LOOP;
END $$;

-- value generators, distributors
SET fuzz.sane = off;
DO $$
DECLARE j jsonb; st text; p text; g text;
BEGIN
  PERFORM setseed(current_setting('fuzz.seed')::float8 + 0.01);
  FOR i IN 1..fz_n('regex') LOOP
    p := fz_pattern();
    BEGIN PERFORM faker_regex(p, i % 5 = 0); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('regex', st, p);
  END LOOP;
  FOR i IN 1..fz_n('generate') LOOP
    g := fz_generator();
    j := CASE WHEN random() < 0.8 THEN fz_gen_options(g, 't') - 'gen' ELSE fz_value(0) END;
    BEGIN PERFORM faker_generate(g, j); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('generate', st, g || ' ' || j::text);
  END LOOP;
  FOR i IN 1..fz_n('draw') LOOP
    j := CASE WHEN random() < 0.3 THEN fz_sane_dist('many') WHEN random() < 0.8 THEN fz_dist() ELSE fz_value(0) END;
    BEGIN PERFORM count(*) FROM faker_draw(j, fz_pick(ARRAY[0, 1, 20, 50, -1]), fz_pick(ARRAY[0, 0, 5, 1000, 1000000000000, -1]), i); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('draw', st, j::text);
  END LOOP;
  FOR i IN 1..fz_n('counts') LOOP
    j := CASE WHEN random() < 0.3 THEN fz_sane_dist('count') WHEN random() < 0.8 THEN fz_dist() ELSE fz_value(0) END;
    BEGIN PERFORM count(*) FROM faker_counts(j, fz_pick(ARRAY[0, 1, 20, 50, -1]), i); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('counts', st, j::text);
  END LOOP;
END $$;

-- specs, populates, pipes (a success raises FZ000: rolled back, counted as ok)
DO $$
DECLARE j jsonb; st text;
BEGIN
  PERFORM setseed(current_setting('fuzz.seed')::float8 + 0.02);
  FOR i IN 1..fz_n('define') LOOP
    PERFORM set_config('fuzz.sane', CASE WHEN i % 2 = 0 THEN 'on' ELSE 'off' END, false);
    j := CASE WHEN i % 10 = 0 THEN fz_value(0) ELSE fz_spec(i % 3 = 0) END;
    BEGIN PERFORM faker_define('fz', fz_pick(ARRAY['fz_item','fz_item','fz_item','fz_child'])::regclass, j);
      RAISE EXCEPTION USING ERRCODE = 'FZ000';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('define', CASE st WHEN 'FZ000' THEN 'ok' ELSE st END, j::text);
  END LOOP;
  FOR i IN 1..fz_n('define+populate') LOOP
    PERFORM set_config('fuzz.sane', CASE WHEN i % 4 <> 0 THEN 'on' ELSE 'off' END, false);
    j := fz_spec(i % 4 <> 0);
    BEGIN PERFORM faker_define('fz', 'fz_item', j); PERFORM faker_populate('fz', 1 + i % 20, i);
      RAISE EXCEPTION USING ERRCODE = 'FZ000';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('define+populate', CASE st WHEN 'FZ000' THEN 'ok' ELSE st END, j::text);
  END LOOP;
  FOR i IN 1..fz_n('pipe') LOOP
    PERFORM set_config('fuzz.sane', CASE WHEN i % 2 = 0 THEN 'on' ELSE 'off' END, false);
    j := fz_steps();
    BEGIN PERFORM count(*) FROM faker_pipe(j, fz_pick(ARRAY[1, 3, 5, 10, 0, -1]), i);
      RAISE EXCEPTION USING ERRCODE = 'FZ000';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('pipe', CASE st WHEN 'FZ000' THEN 'ok' ELSE st END, j::text);
  END LOOP;
END $$;

-- profiles: options, and real profiles mutated
SET fuzz.sane = off;
DO $$
DECLARE j jsonb; real jsonb; st text; rels regclass[];
BEGIN
  PERFORM setseed(current_setting('fuzz.seed')::float8 + 0.03);
  FOR i IN 1..fz_n('profile') LOOP
    j := CASE WHEN random() < 0.85 THEN fz_profile_options() ELSE fz_value(0) END;
    rels := CASE floor(random() * 6)::int WHEN 0 THEN '{fz_item}' WHEN 1 THEN '{fz_parent,fz_org,fz_item,fz_line}'
              WHEN 2 THEN '{fz_org}' WHEN 3 THEN '{}' WHEN 4 THEN '{fz_line,fz_line}' END;
    IF rels IS NULL AND NOT coalesce(j ? 'tables', false) THEN rels := '{fz_parent}'; END IF;
    BEGIN PERFORM faker_profile(rels, j); st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('profile', st, coalesce(rels::text, 'NULL') || ' ' || j::text);
  END LOOP;
  FOR i IN 1..fz_n('populate_profile') LOOP
    st := fz_pick(ARRAY['profile', 'profile', 'profile_novalues']);
    real := (SELECT v FROM fuzz_const WHERE k = st);
    j := fz_cap_rows(fz_mutate(real, fz_pick(ARRAY[0.005, 0.02, 0.05, 0.1])) || CASE WHEN random() < 0.2
           THEN jsonb_build_object('schemas', fz_pick(ARRAY['{"fz": "fz"}', '{"fz": "nosuch"}', '{"fz": 1}', '[]'])::jsonb) ELSE '{}' END);
    BEGIN PERFORM faker_populate_profile(j, fz_pick(ARRAY[0.1, 0.5, 1, 1, 0, -1, 1e-308]), i);
      RAISE EXCEPTION USING ERRCODE = 'FZ000';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('populate_profile', CASE st WHEN 'FZ000' THEN 'ok' ELSE st END, j::text);
  END LOOP;
  FOR i IN 1..fz_n('compare') LOOP
    st := fz_pick(ARRAY['profile', 'profile_novalues']);
    real := (SELECT v FROM fuzz_const WHERE k = st);
    j := fz_mutate(real, fz_pick(ARRAY[0.005, 0.02, 0.05, 0.1, 0.3])) || CASE WHEN random() < 0.2
           THEN jsonb_build_object('scale', fz_num()) ELSE '{}' END;
    BEGIN
      IF i % 2 = 0 THEN PERFORM count(*) FROM faker_compare(j, real);
      ELSE PERFORM count(*) FROM faker_compare(real - 'scale', j); END IF;
      st := 'ok';
    EXCEPTION WHEN OTHERS THEN GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE; END;
    PERFORM fz_log('compare', st, j::text);
  END LOOP;
END $$;

-- nothing crashed (the session is alive) and no error was internal: this
-- holds whatever the number of cases
SELECT count(*) >= (SELECT sum(fz_n(fn)) FROM fuzz_plan) AS all_cases_ran,
       count(*) FILTER (WHERE state LIKE 'XX%') AS internal_errors,
       count(*) FILTER (WHERE state LIKE '58%') AS system_errors
FROM fuzz_log;
SELECT fn, state, left(input, 300) AS input FROM fuzz_log WHERE state LIKE 'XX%' OR state LIKE '58%' LIMIT 20;
-- the summary per function: cases, successes, errors by SQLSTATE class
-- (to the fuzz.summary file when fuzz.cases is set)
SELECT coalesce(current_setting('fuzz.cases', true), '') <> '' AS fz_custom,
       coalesce(nullif(current_setting('fuzz.summary', true), '') || current_setting('fuzz.seed'), '/dev/null') AS fz_summary \gset
\if :fz_custom
\o :fz_summary
\endif
SELECT fn, count(*) AS cases, count(*) FILTER (WHERE state = 'ok') AS ok,
       (SELECT string_agg(c || ':' || n, ' ' ORDER BY c) FROM
          (SELECT left(state, 2) AS c, count(*) AS n
           FROM fuzz_log l2 WHERE l2.fn = l.fn AND state <> 'ok' GROUP BY 1) s) AS errors_by_class
FROM fuzz_log l GROUP BY fn ORDER BY fn;
SELECT count(*) AS total_cases FROM fuzz_log;
\o
DROP SCHEMA fz CASCADE;
RESET search_path;
