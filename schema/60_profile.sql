/* faker: profiles (faker_profile, faker_populate_profile, faker_compare);
 * since 1.3 (faker--1.2--1.3.sql includes this part).
 *
 * PL/pgSQL.  faker runs in superusers' backends, so nothing another role
 * creates may run here: every function pins search_path to pg_catalog,
 * pg_temp (pg_temp is never searched for functions or operators), names
 * tables and faker's own functions with their schema, quotes identifiers
 * with format('%I') and passes values as parameters (or as literals quoted
 * by format('%L')).  The profile format is documented in README
 * ("Profiles").
 */

-- The many-to-one distributor that best reproduces a faker_fit result:
-- the mean, the null share, and a shape: nothing when the rank groups are
-- even (within 2 points), the fitted skew when it is a power law (r2 >=
-- 0.9) whose rank-group shares match the measured ones within 3 points,
-- else the 4 rank-group weights.
CREATE FUNCTION faker.profile_distributor(fit jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    d jsonb := '{}';
    m float8 := (fit->>'mean')::float8;
    nw float8 := coalesce((fit->>'null_weight')::float8, 0);
    s float8 := coalesce((fit->>'skew')::float8, 1);
    r2 float8 := coalesce((fit->>'r2')::float8, 0);
    g float8 := coalesce((fit->>'groups')::float8, 0);
    w float8[];
    dev_skew float8 := 0;
    dev_even float8 := 0;
BEGIN
    IF m IS NOT NULL THEN
        d := pg_catalog.jsonb_build_object('mean', round(m::numeric, 4));
    END IF;
    IF nw > 0 THEN
        d := d || pg_catalog.jsonb_build_object('null_weight', round(nw::numeric, 4));
    END IF;
    IF m IS NULL OR m <= 1.0001 OR g < 4 THEN
        RETURN d;
    END IF;
    SELECT pg_catalog.array_agg(x::float8 ORDER BY i) INTO w
    FROM pg_catalog.jsonb_array_elements_text(fit->'weights') WITH ORDINALITY AS e(x, i);
    FOR q IN 0..3 LOOP
        dev_skew := greatest(dev_skew, abs(((q + 1) / 4.0) ^ (1 / s) - (q / 4.0) ^ (1 / s) - w[q + 1]));
        dev_even := greatest(dev_even, abs(w[q + 1] - 0.25));
    END LOOP;
    IF dev_even <= 0.02 THEN
        RETURN d;
    ELSIF r2 >= 0.9 AND dev_skew <= 0.03 THEN
        RETURN d || pg_catalog.jsonb_build_object('skew', round(s::numeric, 3));
    END IF;
    RETURN d || pg_catalog.jsonb_build_object('weights',
        (SELECT pg_catalog.jsonb_agg(round(x::numeric, 4)) FROM pg_catalog.unnest(w) x));
END $$;

-- A power law's shape that its fitted skew does not match (profile_distributor
-- gave 4 rank-group weights): 8 rank groups instead, measured on the data
-- (SRC, the table aliased t; COLS the foreign key), so that the shape
-- inside each quarter follows the data too and a copy's fitted skew reads
-- the original's.  Only where the fit is a power law (r2 >= 0.9), the key
-- is not drawn inside a narrower one (WITHIN) and it has 16 parents or
-- more; D is returned as it is otherwise.
CREATE FUNCTION faker.profile_fine_weights(d jsonb, fit jsonb, src text, cols text[], within text[])
    RETURNS jsonb LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    keys text;
    w jsonb;
BEGIN
    IF NOT d ? 'weights' OR within IS NOT NULL OR coalesce((fit->>'r2')::float8, 0) < 0.9
       OR coalesce((fit->>'groups')::float8, 0) < 16 THEN
        RETURN d;
    END IF;
    SELECT pg_catalog.string_agg(pg_catalog.format('t.%I', c), ', ') INTO keys FROM pg_catalog.unnest(cols) c;
    EXECUTE pg_catalog.format(
        'SELECT pg_catalog.jsonb_agg(pg_catalog.round(s.n / s.total, 4) ORDER BY s.g) FROM ('
        ' SELECT r.g, pg_catalog.sum(r.n)::numeric AS n, pg_catalog.sum(pg_catalog.sum(r.n)) OVER ()::numeric AS total'
        ' FROM (SELECT c.n, pg_catalog.ntile(8) OVER (ORDER BY c.n DESC) AS g'
        '       FROM (SELECT pg_catalog.count(*) AS n FROM %s WHERE (%s) IS NOT NULL GROUP BY %s) c) r'
        ' GROUP BY r.g) s', src, keys, keys)
    INTO w;
    RETURN (d - 'weights') || pg_catalog.jsonb_build_object('weights', w);
END $$;

-- A text generator for a column: by content (emails, URLs, digits), by
-- name (as faker's own defaults do), by the number of words, else strings
-- of the measured lengths.  ST holds the column's measures.
CREATE FUNCTION faker.profile_text_gen(colname text, st jsonb) RETURNS jsonb
    LANGUAGE plpgsql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    hint text;
    words float8 := coalesce((st->>'words')::float8, 1);
BEGIN
    IF (st->>'email')::float8 >= 0.9 THEN RETURN '{"gen": "email"}'; END IF;
    IF (st->>'url')::float8 >= 0.9 THEN RETURN '{"gen": "url"}'; END IF;
    IF (st->>'digits')::float8 >= 0.9 THEN
        RETURN pg_catalog.jsonb_build_object('gen', 'digits', 'length',
                                             greatest(1, round((st->>'length_mean')::numeric)));
    END IF;
    SELECT h.gen INTO hint
    FROM (VALUES (1, 'email', 'email'), (2, 'first_name', 'first_name'), (3, 'firstname', 'first_name'),
                 (4, 'last_name', 'last_name'), (5, 'lastname', 'last_name'), (6, 'surname', 'last_name'),
                 (7, 'username', 'username'), (8, 'login', 'username'), (9, 'phone', 'phone'),
                 (10, 'company', 'company'), (11, 'city', 'city'), (12, 'country', 'country'),
                 (13, 'url', 'url'), (14, 'website', 'url'), (15, 'address', 'street_address'),
                 (16, 'street', 'street_address'), (17, 'zip', 'postcode'), (18, 'postcode', 'postcode'),
                 (19, 'postal', 'postcode'), (20, 'job', 'job'), (21, 'color', 'color'),
                 (22, 'colour', 'color'), (23, 'name', 'name')) h(i, part, gen)
    WHERE pg_catalog.strpos(colname, h.part) > 0 ORDER BY h.i LIMIT 1;
    IF hint IS NOT NULL THEN
        RETURN pg_catalog.jsonb_build_object('gen', hint);
    END IF;
    IF words >= 1.5 THEN
        IF (st->>'period')::float8 >= 0.5 THEN
            RETURN pg_catalog.jsonb_build_object('gen', 'sentence', 'words', round(words::numeric));
        END IF;
        RETURN pg_catalog.jsonb_build_object('gen', 'words', 'n', round(words::numeric));
    END IF;
    RETURN pg_catalog.jsonb_build_object('gen', 'string',
        'min_length', coalesce((st->>'length_min')::int, 8),
        'max_length', coalesce((st->>'length_max')::int, 16));
END $$;

-- A number for an ordered column's value E (SQL text) of type TYP: epoch
-- seconds for dates and timestamps, else the value as float8 (quantiles
-- are measured on these numbers).
CREATE FUNCTION faker.profile_number_sql(e text, typ oid) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN typ IN ('date'::regtype, 'timestamp'::regtype, 'timestamptz'::regtype)
                THEN pg_catalog.format('pg_catalog.date_part(''epoch'', %s)', e)
                ELSE e OPERATOR(pg_catalog.||) '::pg_catalog.float8' END
$$;

-- The columns whose physical order a profile measures: the leading column
-- of each valid, non-partial btree index of REL whose type is a number, a
-- date, a timestamp, text or a uuid.  An index scan's cost depends on how well the table's
-- physical order follows that column (pg_stats.correlation).
CREATE FUNCTION faker.profile_order_columns(rel oid) RETURNS TABLE(name text, typ oid)
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT DISTINCT a.attname::text, a.atttypid
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_catalog.pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
    JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum OPERATOR(pg_catalog.=) i.indkey[0]
    WHERE i.indrelid = rel AND i.indisvalid AND i.indpred IS NULL
      AND a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype, 'numeric'::regtype,
                         'float4'::regtype, 'float8'::regtype, 'date'::regtype,
                         'timestamp'::regtype, 'timestamptz'::regtype,
                         'text'::regtype, 'varchar'::regtype, 'bpchar'::regtype, 'uuid'::regtype)
    ORDER BY 1
$$;

-- The physical order of REL's order columns in the rows of SRC (REL itself,
-- its snapshot or a sample, aliased t): per column, the correlation of the
-- rows' positions (block, then line pointer, from ctid) with the ranks of
-- their values, as pg_stats.correlation measures it (on ranks, so a skewed
-- column written in order reads 1); rounded to 4 places; {} when REL has
-- no such column.
CREATE FUNCTION faker.profile_order(rel oid, src text) RETURNS jsonb
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    ranks text;
    corrs text;
    result jsonb;
BEGIN
    SELECT pg_catalog.string_agg(pg_catalog.format(
               'CASE WHEN t.%1$I IS NOT NULL THEN pg_catalog.rank() OVER (ORDER BY t.%1$I) END AS r%2$s', o.name, o.i), ', '),
           pg_catalog.string_agg(pg_catalog.format(
               '%L, pg_catalog.round(pg_catalog.corr(s.pos, s.r%s)::numeric, 4)', o.name, o.i), ', ')
    INTO ranks, corrs
    FROM (SELECT c.name, pg_catalog.row_number() OVER (ORDER BY c.name) AS i FROM faker.profile_order_columns(rel) c) o;
    IF ranks IS NULL THEN
        RETURN '{}';
    END IF;
    EXECUTE pg_catalog.format(
        'SELECT pg_catalog.jsonb_build_object(%s) FROM (SELECT'
        ' (t.ctid::text::pg_catalog.point)[0] * 65536 + (t.ctid::text::pg_catalog.point)[1] AS pos, %s FROM %s) s',
        corrs, ranks, src)
    INTO result;
    RETURN pg_catalog.jsonb_strip_nulls(result);
END $$;


-- The profile of one table (see faker_profile).  SCOPE: the tables being
-- profiled (children are reported for those only).  The data is read from
-- the table's snapshot (faker.profile_data) when faker_profile made one.
CREATE FUNCTION faker.profile_table(rel oid, with_values boolean, sample float8, scope oid[]) RETURNS jsonb
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v_relname text;
    v_nspname text;
    dq text;
    src text;
    nrows bigint;
    con record;
    col record;
    within text[];
    fit jsonb;
    refs jsonb := '{}';
    reffit jsonb := '{}';
    children jsonb := '{}';
    columns jsonb := '{}';
    colfit jsonb := '{}';
    fkcols text[] := '{}';
    exprs text[] := '{}';
    lows text[] := '{}';
    e text;
    st jsonb;
    stats jsonb;
    counts jsonb := '{}';
    cs jsonb;
    cf jsonb;
    sampled float8;
    nn float8;
    nd float8;
    nw float8;
    cmean numeric;
    ctotal numeric;
    cq numeric[];
    cmax bigint;
    pairs jsonb := '{}';
    pr record;
    pts jsonb;
    sc int;
BEGIN
    SELECT c.relname, n.nspname INTO v_relname, v_nspname
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = rel;
    dq := faker.profile_name(faker.profile_data(rel));
    src := dq || ' AS t';
    IF sample IS NOT NULL AND (SELECT c.reltuples FROM pg_catalog.pg_class c WHERE c.oid = rel) > 10000 THEN
        src := src || pg_catalog.format(' TABLESAMPLE BERNOULLI (%s) REPEATABLE (0)', sample * 100);
    END IF;

    -- references: each foreign key measured, inside the groups of the
    -- widest narrower foreign key of the table when there is one
    FOR con IN
        SELECT k.oid, k.conname, k.conkey, k.confrelid,
               (SELECT pg_catalog.array_agg(a.attname::text ORDER BY x.i)
                FROM pg_catalog.unnest(k.conkey) WITH ORDINALITY x(attnum, i)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum) AS cols
        FROM pg_catalog.pg_constraint k WHERE k.conrelid = rel AND k.contype = 'f' ORDER BY k.conname
    LOOP
        fkcols := fkcols || con.cols;
        within := NULL;
        SELECT (SELECT pg_catalog.array_agg(a.attname::text ORDER BY x.i)
                FROM pg_catalog.unnest(k2.conkey) WITH ORDINALITY x(attnum, i)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = k2.conrelid AND a.attnum = x.attnum)
        INTO within
        FROM pg_catalog.pg_constraint k2
        WHERE k2.conrelid = rel AND k2.contype = 'f' AND k2.oid <> con.oid
          AND k2.conkey OPERATOR(pg_catalog.<@) con.conkey
          AND pg_catalog.cardinality(k2.conkey) < pg_catalog.cardinality(con.conkey)
        ORDER BY pg_catalog.cardinality(k2.conkey) DESC, k2.conname LIMIT 1;
        fit := @extschema@.faker_fit(faker.profile_data(rel)::regclass, con.cols, within);
        refs := refs || pg_catalog.jsonb_build_object(con.conname,
            faker.profile_fine_weights(faker.profile_distributor(fit), fit, dq || ' AS t', con.cols, within));
        reffit := reffit || pg_catalog.jsonb_build_object(con.conname,
            fit || pg_catalog.jsonb_build_object('columns', pg_catalog.to_jsonb(con.cols),
                                                 'parent', faker.profile_name(con.confrelid))
                || CASE WHEN within IS NULL THEN '{}'::jsonb
                        ELSE pg_catalog.jsonb_build_object('within', pg_catalog.to_jsonb(within)) END);
    END LOOP;

    -- children: per referencing table profiled, its rows per row of this
    -- one (zeros included) as a count distributor: the mean, the shares of
    -- the 4 rank groups of the parents, and the most children of a parent
    FOR con IN
        SELECT k.conname, k.conrelid,
               (SELECT pg_catalog.string_agg(pg_catalog.format('c.%I = t.%I', ca.attname, pa.attname), ' AND ')
                FROM ROWS FROM (pg_catalog.unnest(k.conkey), pg_catalog.unnest(k.confkey)) x(ck, pk)
                JOIN pg_catalog.pg_attribute ca ON ca.attrelid = k.conrelid AND ca.attnum = x.ck
                JOIN pg_catalog.pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = x.pk) AS joincond,
               (SELECT pg_catalog.string_agg(pg_catalog.format('t.%I', pa.attname), ', ')
                FROM pg_catalog.unnest(k.confkey) x(pk)
                JOIN pg_catalog.pg_attribute pa ON pa.attrelid = k.confrelid AND pa.attnum = x.pk) AS pkey,
               (SELECT pg_catalog.format('c.%I', ca.attname) FROM pg_catalog.pg_attribute ca
                WHERE ca.attrelid = k.conrelid AND ca.attnum = k.conkey[1]) AS ccol
        FROM pg_catalog.pg_constraint k
        WHERE k.confrelid = rel AND k.contype = 'f' AND k.conrelid OPERATOR(pg_catalog.=) ANY (scope)
        ORDER BY faker.profile_name(k.conrelid), k.conname
    LOOP
        EXECUTE pg_catalog.format(
            'WITH s AS (SELECT pg_catalog.count(%s) AS n FROM %s LEFT JOIN %s c ON %s GROUP BY %s),'
            ' r AS (SELECT n, pg_catalog.row_number() OVER (ORDER BY n DESC) AS r, pg_catalog.count(*) OVER () AS g FROM s),'
            ' q AS (SELECT least(3, (r - 1) * 4 / g) AS q, pg_catalog.sum(n) AS s FROM r GROUP BY 1)'
            ' SELECT (SELECT pg_catalog.avg(n) FROM s), (SELECT pg_catalog.sum(n) FROM s), (SELECT pg_catalog.max(n) FROM s),'
            ' ARRAY(SELECT COALESCE(q.s, 0) FROM pg_catalog.generate_series(0, 3) i LEFT JOIN q ON q.q = i ORDER BY i)',
            con.ccol, dq || ' AS t', faker.profile_name(faker.profile_data(con.conrelid)), con.joincond, con.pkey)
        INTO cmean, ctotal, cmax, cq;
        IF ctotal > 0 THEN
            children := children || pg_catalog.jsonb_build_object(faker.profile_name(con.conrelid),
                pg_catalog.jsonb_build_object('via', con.conname, 'mean', round(cmean, 4),
                    'weights', (SELECT pg_catalog.jsonb_agg(round(x / ctotal, 4)) FROM pg_catalog.unnest(cq) x),
                    'max', cmax));
        END IF;
    END LOOP;

    -- pairs: per two foreign keys of the table that do not nest (a junction
    -- table's sides), the rows with both set, their distinct pairs and the
    -- distinct partners per parent of each side
    FOR pr IN
        SELECT k1.conname AS n1, k2.conname AS n2,
               (SELECT pg_catalog.string_agg(pg_catalog.format('t.%I', a.attname), ', ' ORDER BY x.i)
                FROM pg_catalog.unnest(k1.conkey) WITH ORDINALITY x(attnum, i)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = rel AND a.attnum OPERATOR(pg_catalog.=) x.attnum) AS c1,
               (SELECT pg_catalog.string_agg(pg_catalog.format('t.%I', a.attname), ', ' ORDER BY x.i)
                FROM pg_catalog.unnest(k2.conkey) WITH ORDINALITY x(attnum, i)
                JOIN pg_catalog.pg_attribute a ON a.attrelid = rel AND a.attnum OPERATOR(pg_catalog.=) x.attnum) AS c2,
               (SELECT pg_catalog.string_agg(pg_catalog.format('t.%I IS NOT NULL', a.attname), ' AND ' ORDER BY a.attnum)
                FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = rel AND a.attnum OPERATOR(pg_catalog.=) ANY (k1.conkey OPERATOR(pg_catalog.||) k2.conkey)) AS nn
        FROM pg_catalog.pg_constraint k1
        JOIN pg_catalog.pg_constraint k2 ON k2.conrelid = k1.conrelid AND k2.contype = 'f'
             AND k1.conname OPERATOR(pg_catalog.<) k2.conname
        WHERE k1.conrelid = rel AND k1.contype = 'f'
          AND NOT k1.conkey OPERATOR(pg_catalog.<@) k2.conkey AND NOT k2.conkey OPERATOR(pg_catalog.<@) k1.conkey
        ORDER BY 1, 2
    LOOP
        EXECUTE pg_catalog.format(
            'SELECT pg_catalog.count(*), pg_catalog.count(DISTINCT (%1$s, %2$s)), pg_catalog.count(DISTINCT (%1$s)),'
            ' pg_catalog.count(DISTINCT (%2$s)) FROM %3$s WHERE %4$s', pr.c1, pr.c2, dq || ' AS t', pr.nn)
        INTO nn, nd, cmean, ctotal;
        IF nn > 0 THEN
            pairs := pairs || pg_catalog.jsonb_build_object(pr.n1 || ' & ' || pr.n2, pg_catalog.jsonb_build_object(
                'references', pg_catalog.jsonb_build_array(pr.n1, pr.n2), 'rows', nn, 'distinct', nd,
                'per_first', round(nd::numeric / cmean, 4), 'per_second', round(nd::numeric / ctotal, 4)));
        END IF;
    END LOOP;

    -- the other columns: one scan for their measures
    FOR col IN
        SELECT a.attname::text AS name, a.atttypid, a.atttypmod, a.attnotnull, ty.typtype,
               CASE WHEN a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype, 'numeric'::regtype,
                                        'float4'::regtype, 'float8'::regtype, 'date'::regtype,
                                        'timestamp'::regtype, 'timestamptz'::regtype) THEN 'ordered'
                    WHEN a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype) THEN 'text'
                    WHEN a.atttypid = 'bool'::regtype THEN 'bool'
                    WHEN a.atttypid = 'uuid'::regtype THEN 'uuid'
                    WHEN ty.typtype = 'e' THEN 'enum'
                    ELSE 'other' END AS cat
        FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
        WHERE a.attrelid = rel AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
          AND a.attidentity = '' AND NOT a.atthasdef AND a.attname::text <> ALL (fkcols)
          -- an integer key column without a default: faker continues after the maximum
          AND NOT (a.atttypid IN ('int2'::regtype, 'int4'::regtype, 'int8'::regtype) AND EXISTS (
                SELECT 1 FROM pg_catalog.pg_index i
                WHERE i.indrelid = rel AND i.indisunique AND i.indnkeyatts = 1 AND i.indkey[0] = a.attnum))
        ORDER BY a.attnum
    LOOP
        e := pg_catalog.format('t.%I', col.name);
        exprs := exprs || pg_catalog.format(
            'pg_catalog.jsonb_build_object(%L, pg_catalog.jsonb_build_object(''nn'', pg_catalog.count(%s),'
            ' ''nd'', pg_catalog.count(DISTINCT %s::text)%s))',
            col.name, e, e,
            CASE col.cat
            WHEN 'ordered' THEN pg_catalog.format(
                ', ''q'', pg_catalog.percentile_cont(ARRAY(SELECT i / 20.0 FROM pg_catalog.generate_series(0, 20) i))'
                ' WITHIN GROUP (ORDER BY %s)', faker.profile_number_sql(e, col.atttypid))
            WHEN 'text' THEN pg_catalog.format(
                ', ''length_min'', pg_catalog.min(pg_catalog.length(%1$s)), ''length_max'', pg_catalog.max(pg_catalog.length(%1$s)),'
                ' ''length_mean'', pg_catalog.round(pg_catalog.avg(pg_catalog.length(%1$s)), 2),'
                ' ''words'', pg_catalog.round(pg_catalog.avg(pg_catalog.array_length(pg_catalog.regexp_split_to_array(pg_catalog.btrim(%1$s), ''\s+''), 1)), 2),'
                ' ''email'', pg_catalog.avg((%1$s ~ ''^[^@\s]+@[^@\s]+\.[^@\s]+$'')::int),'
                ' ''url'', pg_catalog.avg((%1$s ~ ''^https?://'')::int),'
                ' ''digits'', pg_catalog.avg((%1$s ~ ''^[0-9]+$'')::int),'
                ' ''period'', pg_catalog.avg((%1$s ~ ''\.$'')::int)', e)
            ELSE '' END);
        columns := columns || pg_catalog.jsonb_build_object(col.name, pg_catalog.jsonb_build_object(
            'cat', col.cat, 'type', col.atttypid::regtype::text,
            'scale', CASE WHEN col.atttypid = 'numeric'::regtype AND col.atttypmod >= 4
                          THEN (col.atttypmod - 4) OPERATOR(pg_catalog.&) 65535 END));
    END LOOP;
    EXECUTE pg_catalog.format('SELECT pg_catalog.jsonb_build_object(''rows'', pg_catalog.count(*)) %s FROM %s',
                              (SELECT pg_catalog.string_agg(' OPERATOR(pg_catalog.||) ' || x, '') FROM pg_catalog.unnest(exprs) x),
                              src)
    INTO stats;
    sampled := (stats->>'rows')::float8;
    IF src = dq || ' AS t' THEN
        nrows := sampled;
    ELSE
        EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s', dq) INTO nrows;
    END IF;

    -- few distinct values: their shares, one more scan for all such columns
    SELECT pg_catalog.array_agg(k ORDER BY k) INTO lows
    FROM pg_catalog.jsonb_each(columns) c(k, v)
    WHERE (stats->k->>'nd')::float8 BETWEEN 1 AND 20
      AND ((stats->k->>'nd')::float8 * 2 <= (stats->k->>'nn')::float8 OR v->>'cat' IN ('bool', 'enum'));
    IF lows IS NOT NULL THEN
        EXECUTE pg_catalog.format(
            'SELECT pg_catalog.jsonb_object_agg(k, l) FROM (SELECT k, pg_catalog.jsonb_agg(pg_catalog.jsonb_build_array(v, n) ORDER BY n DESC, v) AS l'
            ' FROM (SELECT x.k, x.v, pg_catalog.count(*) AS n FROM %s, LATERAL (VALUES %s) x(k, v)'
            ' WHERE x.v IS NOT NULL GROUP BY 1, 2) s GROUP BY k) s2',
            src, (SELECT pg_catalog.string_agg(pg_catalog.format('(%L, t.%I::text)', k, k), ', ') FROM pg_catalog.unnest(lows) k))
        INTO counts;
    END IF;

    FOR col IN SELECT c.k AS name, c.v->>'cat' AS cat, c.v->>'type' AS type, (c.v->>'scale')::int AS scale
               FROM pg_catalog.jsonb_each(columns) c(k, v)
    LOOP
        st := stats->col.name;
        nn := (st->>'nn')::float8;
        nd := (st->>'nd')::float8;
        nw := CASE WHEN sampled > 0 THEN 1 - nn / sampled ELSE 0 END;
        cf := pg_catalog.jsonb_build_object('type', col.type, 'null_weight', round(nw::numeric, 4), 'distinct', nd);
        cs := NULL;
        IF sampled > 0 AND nn = 0 THEN
            cs := '{"const": null}';
        ELSIF counts ? col.name THEN
            cf := cf || pg_catalog.jsonb_build_object('shares',
                CASE WHEN with_values THEN (SELECT pg_catalog.jsonb_object_agg(x->>0, round((x->>1)::numeric / nn::numeric, 4))
                                            FROM pg_catalog.jsonb_array_elements(counts->col.name) x)
                     ELSE (SELECT pg_catalog.jsonb_agg(round((x->>1)::numeric / nn::numeric, 4))
                           FROM pg_catalog.jsonb_array_elements(counts->col.name) x) END);
            IF with_values OR col.cat IN ('bool', 'enum', 'text') THEN
                cs := pg_catalog.jsonb_build_object(
                    'values', CASE WHEN with_values OR col.cat IN ('bool', 'enum')
                                   THEN (SELECT pg_catalog.jsonb_agg(x->0) FROM pg_catalog.jsonb_array_elements(counts->col.name) x)
                                   -- shape only: labels in place of the values
                                   ELSE (SELECT pg_catalog.jsonb_agg('v' || i) FROM pg_catalog.generate_series(1, nd::int) i) END,
                    'weights', (SELECT pg_catalog.jsonb_agg(round((x->>1)::numeric / nn::numeric, 4))
                                FROM pg_catalog.jsonb_array_elements(counts->col.name) x));
            END IF;
        ELSIF nn > 0 THEN
            IF col.cat = 'ordered' AND with_values THEN
                sc := CASE WHEN col.type IN ('smallint', 'integer', 'bigint') THEN 0
                           WHEN col.type = 'numeric' THEN coalesce(col.scale, 4) END;
                SELECT pg_catalog.jsonb_agg(CASE
                    WHEN col.type = 'date' THEN pg_catalog.to_jsonb(pg_catalog.to_char(pg_catalog.to_timestamp(x) AT TIME ZONE 'UTC', 'YYYY-MM-DD'))
                    WHEN col.type LIKE 'timestamp%' THEN pg_catalog.to_jsonb(pg_catalog.to_char(pg_catalog.to_timestamp(x) AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')
                        || CASE WHEN col.type = 'timestamp with time zone' THEN '+00' ELSE '' END)
                    WHEN sc IS NOT NULL THEN pg_catalog.to_jsonb(round(x::numeric, sc))
                    ELSE pg_catalog.to_jsonb(x) END ORDER BY i)
                INTO pts FROM (SELECT y::float8 AS x, i FROM pg_catalog.jsonb_array_elements_text(st->'q') WITH ORDINALITY q(y, i)) q;
                cs := pg_catalog.jsonb_build_object('gen', 'quantiles', 'points', pts);
                IF sc IS NOT NULL THEN
                    cs := cs || pg_catalog.jsonb_build_object('scale', sc);
                END IF;
                cf := cf || pg_catalog.jsonb_build_object('quantiles', st->'q');
            ELSIF col.cat = 'text' THEN
                cs := faker.profile_text_gen(col.name, st);
                cf := cf || pg_catalog.jsonb_build_object('length', pg_catalog.jsonb_build_object(
                    'min', st->'length_min', 'max', st->'length_max', 'mean', st->'length_mean'));
            ELSIF col.cat = 'uuid' THEN
                cs := '{"gen": "uuid"}';
            END IF;
            IF cs IS NOT NULL AND nd = nn AND nn >= 2 THEN
                cf := cf || '{"unique": true}';
                IF cs->>'gen' IN ('email', 'uuid', 'string', 'digits', 'username', 'url') THEN
                    cs := cs || '{"unique": true}';
                END IF;
            ELSIF cs IS NOT NULL AND nn / nd >= 1.5 THEN
                -- repeated values: the reuse distributor of the column's own fit
                fit := faker.profile_distributor(@extschema@.faker_fit(faker.profile_data(rel)::regclass, ARRAY[col.name]))
                       - 'null_weight';
                cs := cs || fit;
                cf := cf || pg_catalog.jsonb_build_object('mean', fit->'mean');
            END IF;
        END IF;
        IF cs IS NOT NULL AND nw > 0 AND NOT cs ? 'const' THEN
            cs := cs || pg_catalog.jsonb_build_object('null_weight', round(nw::numeric, 4));
        END IF;
        -- the measured shares exactly, not as a binomial around them: a
        -- small table's 20 rows of 60/30/10 give 12/6/2, and each of the
        -- 20 quantile segments its twentieth of the rows (of the values a
        -- reuse pool makes, when it reuses)
        IF cs IS NOT NULL AND NOT cs ? 'const'
           AND (cs ? 'null_weight' OR cs ? 'values' OR cs->>'gen' = 'quantiles') THEN
            cs := cs || '{"exact": true}';
        END IF;
        IF cs IS NOT NULL THEN
            columns := columns || pg_catalog.jsonb_build_object(col.name, cs);
        ELSE
            columns := columns - col.name;
        END IF;
        colfit := colfit || pg_catalog.jsonb_build_object(col.name, cf);
    END LOOP;

    RETURN pg_catalog.jsonb_build_object(
        'schema', v_nspname, 'name', v_relname, 'rows', nrows,
        'spec', pg_catalog.jsonb_build_object('columns', columns, 'references', refs),
        'children', children,
        'fit', pg_catalog.jsonb_build_object('references', reffit, 'columns', colfit, 'pairs', pairs,
                                             'correlation', faker.profile_order(rel, src)));
END $$;

-- Where faker_profile reads the data of table REL: the snapshot it copied
-- REL into (pg_temp.faker_profile_<oid>, so that every measure of a table
-- reads the table once), else (a read-only transaction) REL itself.
CREATE FUNCTION faker.profile_data(rel oid) RETURNS oid
    LANGUAGE sql STABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
    SELECT coalesce(pg_catalog.to_regclass(pg_catalog.format('pg_temp.%I', 'faker_profile_' OPERATOR(pg_catalog.||) rel))::oid, rel)
$$;

-- A table's name in profiles: schema.table, identifiers quoted as needed.
CREATE FUNCTION faker.profile_name(rel oid) RETURNS text
    LANGUAGE sql STABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_catalog.format('%I.%I', n.nspname, c.relname)
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = rel
$$;

CREATE FUNCTION faker_profile(relations regclass[] DEFAULT NULL, options jsonb DEFAULT '{}') RETURNS jsonb
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp
    -- the snapshots keep the tables' physical order: no scan starting
    -- midway (synchronized scans), no parallel scan interleaving workers
    SET synchronize_seqscans = off SET max_parallel_workers_per_gather = 0 AS $$
DECLARE
    k text;
    with_values boolean := true;
    sample float8;
    pats text[];
    rels oid[];
    r oid;
    snap boolean;
    tables jsonb := '{}';
BEGIN
    options := coalesce(options, '{}');
    IF pg_catalog.jsonb_typeof(options) <> 'object' THEN
        RAISE EXCEPTION 'faker_profile: options must be a JSON object' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR k IN SELECT pg_catalog.jsonb_object_keys(options) LOOP
        IF k NOT IN ('values', 'sample', 'tables', 'exclude') THEN
            RAISE EXCEPTION 'faker_profile: options.%: unknown option', k USING ERRCODE = 'invalid_parameter_value',
                HINT = 'The options are "values", "sample", "tables" and "exclude".';
        END IF;
    END LOOP;
    IF options ? 'values' THEN
        IF pg_catalog.jsonb_typeof(options->'values') <> 'boolean' THEN
            RAISE EXCEPTION 'faker_profile: options.values: must be true or false' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        with_values := (options->>'values')::boolean;
    END IF;
    IF options ? 'sample' AND pg_catalog.jsonb_typeof(options->'sample') <> 'null' THEN
        IF pg_catalog.jsonb_typeof(options->'sample') <> 'number'
           OR NOT ((options->>'sample')::float8 > 0 AND (options->>'sample')::float8 <= 1) THEN
            RAISE EXCEPTION 'faker_profile: options.sample: must be a fraction in (0, 1]' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        sample := (options->>'sample')::float8;
    END IF;
    FOREACH k IN ARRAY ARRAY['tables', 'exclude'] LOOP
        IF options ? k AND (pg_catalog.jsonb_typeof(options->k) <> 'array' OR EXISTS (
                SELECT 1 FROM pg_catalog.jsonb_array_elements(options->k) x WHERE pg_catalog.jsonb_typeof(x) <> 'string')) THEN
            RAISE EXCEPTION 'faker_profile: options.%: must be an array of table names or LIKE patterns', k
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END LOOP;

    -- the tables: those given, or every table the caller can read outside
    -- the system schemas, faker's own schema and other extensions' members
    IF relations IS NULL THEN
        SELECT pg_catalog.array_agg(c.oid ORDER BY n.nspname, c.relname) INTO rels
        FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence <> 't'
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'faker') AND n.nspname NOT LIKE 'pg\_toast%'
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                          WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
          AND pg_catalog.has_table_privilege(c.oid, 'SELECT');
    ELSE
        FOREACH r IN ARRAY relations LOOP
            IF r IS NULL THEN
                RAISE EXCEPTION 'faker_profile: relations must not contain NULL' USING ERRCODE = 'null_value_not_allowed';
            END IF;
            IF (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = r) NOT IN ('r', 'p') THEN
                RAISE EXCEPTION 'faker_profile: % is not a table', r::regclass USING ERRCODE = 'wrong_object_type';
            END IF;
            IF NOT r = ANY (coalesce(rels, '{}')) THEN
                rels := rels || r;
            END IF;
        END LOOP;
    END IF;
    rels := coalesce(rels, '{}');
    IF options ? 'tables' THEN
        FOR k IN SELECT x FROM pg_catalog.jsonb_array_elements_text(options->'tables') x LOOP
            IF NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(rels) u WHERE faker.profile_matches(u, k)) THEN
                RAISE EXCEPTION 'faker_profile: options.tables: no table matches "%"', k USING ERRCODE = 'undefined_table';
            END IF;
        END LOOP;
        SELECT coalesce(pg_catalog.array_agg(u ORDER BY o), '{}') INTO rels FROM pg_catalog.unnest(rels) WITH ORDINALITY x(u, o)
        WHERE EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements_text(options->'tables') p WHERE faker.profile_matches(u, p));
    END IF;
    IF options ? 'exclude' THEN
        SELECT coalesce(pg_catalog.array_agg(u ORDER BY o), '{}') INTO rels FROM pg_catalog.unnest(rels) WITH ORDINALITY x(u, o)
        WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.jsonb_array_elements_text(options->'exclude') p WHERE faker.profile_matches(u, p));
    END IF;

    -- one read per table: a snapshot in a temporary table that every
    -- measure reads (not in a read-only transaction, where the measures
    -- read the table itself)
    snap := pg_catalog.current_setting('transaction_read_only') = 'off';
    IF snap THEN
        FOREACH r IN ARRAY rels LOOP
            IF faker.profile_data(r) <> r THEN
                EXECUTE pg_catalog.format('DROP TABLE pg_temp.%I', 'faker_profile_' || r);
            END IF;
            EXECUTE pg_catalog.format('CREATE TEMPORARY TABLE %I AS SELECT * FROM %s',
                                      'faker_profile_' || r, faker.profile_name(r));
        END LOOP;
    END IF;
    FOREACH r IN ARRAY rels LOOP
        tables := tables || pg_catalog.jsonb_build_object(faker.profile_name(r),
                                                          faker.profile_table(r, with_values, sample, rels));
    END LOOP;
    IF snap THEN
        FOREACH r IN ARRAY rels LOOP
            EXECUTE pg_catalog.format('DROP TABLE pg_temp.%I', 'faker_profile_' || r);
        END LOOP;
    END IF;
    RETURN pg_catalog.jsonb_build_object('faker_profile', 1, 'values', with_values,
                                         'sample', sample, 'tables', tables);
END $$;
COMMENT ON FUNCTION faker_profile(regclass[], jsonb) IS
    'faker: the shape of tables (row counts, foreign-key fan-out, null shares, repetition, value shares, quantiles) as a jsonb profile with a faker_define spec per table';

-- Does table REL match a "tables"/"exclude" entry: schema.table or table,
-- LIKE patterns allowed.
CREATE FUNCTION faker.profile_matches(rel oid, pattern text) RETURNS boolean
    LANGUAGE sql STABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
    SELECT faker.profile_name(rel) OPERATOR(pg_catalog.~~) pattern
        OR pg_catalog.format('%s.%s', n.nspname, c.relname) OPERATOR(pg_catalog.~~) pattern
        OR c.relname::text OPERATOR(pg_catalog.~~) pattern
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = rel
$$;

-- faker_populate_profile's checks of one table entry; returns the target table.
CREATE FUNCTION faker.profile_entry_relation(profile jsonb, k text) RETURNS oid
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    v jsonb := profile->'tables'->k;
    tschema text;
    rel oid;
BEGIN
    IF pg_catalog.jsonb_typeof(v) <> 'object' OR pg_catalog.jsonb_typeof(v->'schema') IS DISTINCT FROM 'string'
       OR pg_catalog.jsonb_typeof(v->'name') IS DISTINCT FROM 'string' THEN
        RAISE EXCEPTION 'faker_populate_profile: tables.%: must be an object with "schema" and "name" strings', k
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF pg_catalog.jsonb_typeof(v->'rows') IS DISTINCT FROM 'number' OR (v->>'rows')::numeric < 0
       OR (v->>'rows')::numeric <> round((v->>'rows')::numeric) THEN
        RAISE EXCEPTION 'faker_populate_profile: tables.%.rows: must be a non-negative integer', k
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF v ? 'spec' AND pg_catalog.jsonb_typeof(v->'spec') <> 'object' THEN
        RAISE EXCEPTION 'faker_populate_profile: tables.%.spec: must be an object', k
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    tschema := coalesce(profile->'schemas'->>(v->>'schema'), v->>'schema');
    rel := pg_catalog.to_regclass(pg_catalog.format('%I.%I', tschema, v->>'name'));
    IF rel IS NULL THEN
        RAISE EXCEPTION 'faker_populate_profile: tables.%: relation %.% does not exist', k,
            pg_catalog.quote_ident(tschema), pg_catalog.quote_ident(v->>'name') USING ERRCODE = 'undefined_table';
    END IF;
    RETURN rel;
END $$;

-- faker_populate_profile's order of the calls over the tables of PROFILE
-- (KEYS, RELS, DEPTH from its parentless tables, TARGETS: row counts).  Per
-- foreign key between two of them: when the profile saw every parent row
-- referenced (its fit's groups = the parent's rows), the parent first, so
-- that the child's rows reuse a full pool (a sub-pool of a full pool does
-- not grow while it is drawn from); else the child first, so that its call
-- creates the parents it references with the profile's shape and the
-- parent's own call adds the rows no child references (the zeros of the
-- children counts).  Among tables ready, the deepest first; a cycle of
-- these rules is broken the same way.
CREATE FUNCTION faker.profile_fill_order(profile jsonb, keys text[], rels oid[], depth int[], targets bigint[])
    RETURNS int[]
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    n int := pg_catalog.cardinality(rels);
    ea int[] := '{}';
    eb int[] := '{}';
    ord int[] := '{}';
    e record;
    pick int;
BEGIN
    -- edges: ea[k] is filled before eb[k]
    FOR e IN SELECT x.i, y.p,
                    faker.profile_number(profile->'tables'->keys[x.i]->'fit'->'references'->c.conname::text->'groups') AS used,
                    faker.profile_number(profile->'tables'->keys[y.p]->'rows') AS prows
             FROM pg_catalog.generate_subscripts(rels, 1) x(i)
             JOIN pg_catalog.pg_constraint c ON c.conrelid OPERATOR(pg_catalog.=) rels[x.i] AND c.contype = 'f'
             JOIN pg_catalog.generate_subscripts(rels, 1) y(p)
               ON rels[y.p] OPERATOR(pg_catalog.=) c.confrelid AND y.p <> x.i
             ORDER BY 1, 2, c.conname
    LOOP
        IF e.prows > 0 AND e.used >= e.prows THEN
            ea := ea || e.p;
            eb := eb || e.i;
        ELSE
            ea := ea || e.i;
            eb := eb || e.p;
        END IF;
    END LOOP;
    WHILE pg_catalog.cardinality(ord) < n LOOP
        SELECT x INTO pick FROM pg_catalog.generate_series(1, n) x
        WHERE x <> ALL (ord)
        ORDER BY EXISTS (SELECT 1 FROM pg_catalog.generate_subscripts(ea, 1) k
                         WHERE eb[k] = x AND ea[k] <> ALL (ord)),
                 depth[x] DESC, targets[x] DESC, x
        LIMIT 1;
        ord := ord || pick;
    END LOOP;
    RETURN ord;
END $$;

-- Which format version a profile is in: its "faker_profile" key (1; a
-- profile without one is taken as 1).  A newer format is an error: this
-- version of faker cannot know what its measures mean.
CREATE FUNCTION faker.profile_check_format(profile jsonb, caller text) RETURNS void
    LANGUAGE plpgsql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF profile ? 'faker_profile' AND (pg_catalog.jsonb_typeof(profile->'faker_profile') <> 'number'
                                      OR profile->'faker_profile' <> '1'::jsonb) THEN
        RAISE EXCEPTION '%: profile format % is not supported', caller, profile->'faker_profile'
            USING ERRCODE = 'invalid_parameter_value',
                  DETAIL = 'This version of faker reads profiles of format 1 ("faker_profile": 1).',
                  HINT = 'Make the profile again with this version''s faker_profile(), or update faker.';
    END IF;
END $$;

-- After faker_populate_profile's calls, the physical order of table TARGET
-- as FIT (the profile's "fit" of the table) measured it, at its two ends:
--   - where production followed an indexed column (correlation 0.9 or
--     more) and TARGET does not (0.1 less), TARGET is rewritten in that
--     column's order by CLUSTER on an index led by it (fewest key columns
--     first, then not unique: the rows of a foreign key grouped, rather
--     than keys already in the order they were made); of several such
--     columns, the one furthest off;
--   - where production followed none of its indexed columns (every
--     correlation within 0.2 of 0) and TARGET follows one (0.2 more than
--     production: rows made parent by parent, keys numbered as written),
--     TARGET is rewritten in the order of a hash of its primary key (CLUSTER
--     on a temporary index, dropped after).
-- In between, a table is left as written.  The clustered-index mark stays
-- as it was.  Returns 'index NAME', 'shuffled' or NULL; a NOTICE says why
-- a table that needed it was not rewritten (partitioned, not the caller's,
-- no primary key, or in use by this transaction).
CREATE FUNCTION faker.profile_reorder(target oid, fit jsonb) RETURNS text
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    cols text[];
    now jsonb;
    best text;
    idx text;
    prev text;
    why text;
    pkey text;
BEGIN
    SELECT pg_catalog.array_agg(o.name ORDER BY o.name) INTO cols
    FROM faker.profile_order_columns(target) o
    WHERE pg_catalog.jsonb_typeof(fit->'correlation'->o.name) = 'number';
    IF cols IS NULL THEN
        RETURN NULL;
    END IF;
    now := faker.profile_order(target, pg_catalog.format('%s AS t', target::regclass));
    SELECT c INTO best FROM pg_catalog.unnest(cols) c
    WHERE (fit->'correlation'->>c)::float8 >= 0.9
      AND (fit->'correlation'->>c)::float8 - coalesce((now->>c)::float8, 0) > 0.1
    ORDER BY (fit->'correlation'->>c)::float8 - coalesce((now->>c)::float8, 0) DESC, c LIMIT 1;
    IF best IS NOT NULL THEN
        SELECT ic.relname INTO idx
        FROM pg_catalog.pg_index i
        JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
        JOIN pg_catalog.pg_am am ON am.oid = ic.relam AND am.amname = 'btree'
        JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum OPERATOR(pg_catalog.=) i.indkey[0]
        WHERE i.indrelid = target AND i.indisvalid AND i.indpred IS NULL AND a.attname = best
          AND (i.indoption[0] OPERATOR(pg_catalog.&) 1) = 0
        ORDER BY i.indnkeyatts, i.indisunique, ic.relname LIMIT 1;
        why := pg_catalog.format('in the order of "%s" (correlation %s in the profile, %s here)',
                                 best, fit->'correlation'->>best, coalesce(now->>best, 'none'));
    ELSIF NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(cols) c WHERE abs((fit->'correlation'->>c)::float8) > 0.2)
          AND EXISTS (SELECT 1 FROM pg_catalog.unnest(cols) c
                      WHERE abs(coalesce((now->>c)::float8, 0)) - abs((fit->'correlation'->>c)::float8) > 0.2) THEN
        SELECT pg_catalog.string_agg(pg_catalog.format('%I', a.attname), ', ' ORDER BY x.i) INTO pkey
        FROM pg_catalog.pg_constraint k, pg_catalog.unnest(k.conkey) WITH ORDINALITY x(attnum, i), pg_catalog.pg_attribute a
        WHERE k.conrelid = target AND k.contype = 'p' AND a.attrelid = target AND a.attnum OPERATOR(pg_catalog.=) x.attnum;
        why := 'in no order, as in the profile';
    ELSE
        RETURN NULL;
    END IF;
    IF (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = target) <> 'r'
       OR NOT pg_catalog.pg_has_role((SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = target), 'USAGE')
       OR (idx IS NULL AND pkey IS NULL) THEN
        RAISE NOTICE 'faker_populate_profile: % is not %', target::regclass, why
            USING HINT = 'Its owner can rewrite it with CLUSTER (an ordinary table with an index of that column, or a primary key).';
        RETURN NULL;
    END IF;
    SELECT ic.relname INTO prev FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
    WHERE i.indrelid = target AND i.indisclustered;
    BEGIN
        IF idx IS NULL THEN
            -- a fixed hash seed: the same keys, the same order
            idx := 'faker_shuffle_' || target;
            EXECUTE pg_catalog.format('CREATE INDEX %I ON %s ((pg_catalog.hash_record_extended(ROW(%s), 42)))',
                                      idx, target::regclass, pkey);
            EXECUTE pg_catalog.format('CLUSTER %s USING %I', target::regclass, idx);
            EXECUTE pg_catalog.format('DROP INDEX %I.%I',
                (SELECT n.nspname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                 WHERE c.oid = target), idx);
            idx := NULL;
        ELSE
            EXECUTE pg_catalog.format('CLUSTER %s USING %I', target::regclass, idx);
        END IF;
        IF prev IS NULL THEN
            EXECUTE pg_catalog.format('ALTER TABLE %s SET WITHOUT CLUSTER', target::regclass);
        ELSIF prev IS DISTINCT FROM idx THEN
            EXECUTE pg_catalog.format('ALTER TABLE %s CLUSTER ON %I', target::regclass, prev);
        END IF;
    EXCEPTION WHEN object_in_use OR undefined_function THEN
        RAISE NOTICE 'faker_populate_profile: % is not %: %', target::regclass, why, SQLERRM;
        RETURN NULL;
    END;
    RETURN CASE WHEN idx IS NULL THEN 'shuffled' ELSE 'index ' || idx END;
END $$;

CREATE FUNCTION faker_populate_profile(profile jsonb, scale float8 DEFAULT 1, seed bigint DEFAULT NULL)
    RETURNS TABLE(aggregate text, relation text, created bigint, reused bigint, nulls bigint)
    LANGUAGE plpgsql VOLATILE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    k text;
    n int := 0;
    rels oid[] := '{}';
    keys text[] := '{}';
    specs jsonb[] := '{}';
    targets bigint[] := '{}';
    before bigint[] := '{}';
    depth int[] := '{}';
    ord int[];
    cnt bigint[];
    i int;
    j int;
    p int;
    todo bigint;
    spec jsonb;
    refs jsonb;
    ref record;
    m float8;
    nw float8;
    draws float8;
    remaining float8;
    acc jsonb := '{}';
    r record;
    changed boolean;
BEGIN
    IF profile IS NULL OR pg_catalog.jsonb_typeof(profile) <> 'object'
       OR pg_catalog.jsonb_typeof(profile->'tables') IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION 'faker_populate_profile: profile must be an object with a "tables" object'
            USING ERRCODE = 'invalid_parameter_value', HINT = 'Make one with faker_profile().';
    END IF;
    PERFORM faker.profile_check_format(profile, 'faker_populate_profile');
    IF profile ? 'schemas' AND (pg_catalog.jsonb_typeof(profile->'schemas') <> 'object' OR EXISTS (
            SELECT 1 FROM pg_catalog.jsonb_each(profile->'schemas') s WHERE pg_catalog.jsonb_typeof(s.value) <> 'string')) THEN
        RAISE EXCEPTION 'faker_populate_profile: schemas: must map schema names to schema names'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF scale IS NULL OR NOT (scale > 0 AND scale < 'infinity') THEN
        RAISE EXCEPTION 'faker_populate_profile: scale must be a positive number' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR k IN SELECT x FROM pg_catalog.jsonb_object_keys(profile->'tables') x ORDER BY 1 LOOP
        n := n + 1;
        keys := keys || k;
        rels := rels || faker.profile_entry_relation(profile, k);
        IF rels[n] = ANY (rels[1:n - 1]) THEN
            RAISE EXCEPTION 'faker_populate_profile: tables.%: % appears twice', k, rels[n]::regclass
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
        -- children are left out: the tables are filled through their references
        specs := specs || (coalesce(profile->'tables'->k->'spec', '{}') - 'children');
        targets := targets || round(scale * (profile->'tables'->k->>'rows')::float8)::bigint;
        depth := depth || 0;
    END LOOP;

    -- depth: the longest path from a table without parents in the profile
    FOR pass IN 1..n + 1 LOOP
        changed := false;
        FOR i IN 1..n LOOP
            FOR p IN SELECT x.o FROM pg_catalog.pg_constraint c, pg_catalog.generate_subscripts(rels, 1) x(o)
                     WHERE c.conrelid = rels[i] AND c.contype = 'f' AND c.confrelid = rels[x.o] AND x.o <> i LOOP
                IF depth[i] < depth[p] + 1 THEN
                    depth[i] := depth[p] + 1;
                    changed := true;
                END IF;
            END LOOP;
        END LOOP;
        EXIT WHEN NOT changed;
        IF pass > n THEN
            RAISE EXCEPTION 'faker_populate_profile: the tables'' foreign keys form a cycle'
                USING ERRCODE = 'invalid_recursion';
        END IF;
    END LOOP;
    ord := faker.profile_fill_order(profile, keys, rels, depth, targets);

    FOR i IN 1..n LOOP
        EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s', rels[i]::regclass) INTO todo;
        before := before || todo;
    END LOOP;
    FOREACH i IN ARRAY coalesce(ord, '{}') LOOP
        cnt := '{}';
        FOR j IN 1..n LOOP
            EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s', rels[j]::regclass) INTO todo;
            cnt := cnt || todo;
        END LOOP;
        todo := targets[i] - cnt[i];
        CONTINUE WHEN todo <= 0;
        -- every aggregate (re)defined for this call: a reference creates at
        -- most the parents its table still lacks, and only reuses once the
        -- parent table is full
        FOR j IN 1..n LOOP
            spec := specs[j];
            refs := coalesce(spec->'references', '{}');
            draws := CASE WHEN j = i THEN todo ELSE greatest(targets[j] - cnt[j], 0) END;
            FOR ref IN SELECT e.key, e.value, x.o
                       FROM pg_catalog.jsonb_each(refs) e
                       JOIN pg_catalog.pg_constraint c ON c.conrelid = rels[j] AND c.contype = 'f' AND c.conname = e.key
                       JOIN pg_catalog.generate_subscripts(rels, 1) x(o) ON rels[x.o] = c.confrelid
                       WHERE pg_catalog.jsonb_typeof(e.value) = 'object' LOOP
                m := coalesce((ref.value->>'mean')::float8, 10);
                nw := coalesce((ref.value->>'null_weight')::float8, 0);
                remaining := targets[ref.o] - cnt[ref.o];
                IF remaining <= 0 AND cnt[ref.o] > 0 THEN
                    m := 1e12;
                ELSIF remaining > 0 AND draws * (1 - nw) / m > remaining THEN
                    m := draws * (1 - nw) / remaining;
                END IF;
                refs := refs || pg_catalog.jsonb_build_object(ref.key,
                    ref.value || pg_catalog.jsonb_build_object('mean', greatest(m, 1)));
            END LOOP;
            PERFORM @extschema@.faker_define(faker.profile_name(rels[j]), rels[j]::regclass,
                                             spec || pg_catalog.jsonb_build_object('references', refs));
        END LOOP;
        FOR r IN SELECT * FROM @extschema@.faker_populate(faker.profile_name(rels[i]), todo,
                                                          seed OPERATOR(pg_catalog.+) i) LOOP
            acc := acc || pg_catalog.jsonb_build_object(r.aggregate, pg_catalog.jsonb_build_array(
                coalesce((acc->r.aggregate->>0)::bigint, 0) + r.reused,
                coalesce((acc->r.aggregate->>1)::bigint, 0) + r.nulls));
        END LOOP;
    END LOOP;

    -- the physical order production had (faker.profile_reorder)
    FOR i IN 1..n LOOP
        PERFORM faker.profile_reorder(rels[i], profile->'tables'->keys[i]->'fit');
    END LOOP;

    FOR i IN SELECT x FROM pg_catalog.generate_series(1, n) x ORDER BY depth[x], x LOOP
        aggregate := faker.profile_name(rels[i]);
        relation := aggregate;
        EXECUTE pg_catalog.format('SELECT pg_catalog.count(*) FROM %s', rels[i]::regclass) INTO created;
        created := created - before[i];
        reused := coalesce((acc->aggregate->>0)::bigint, 0);
        nulls := coalesce((acc->aggregate->>1)::bigint, 0);
        RETURN NEXT;
    END LOOP;
END $$;
COMMENT ON FUNCTION faker_populate_profile(jsonb, float8, bigint) IS
    'faker: define an aggregate per table of a profile and fill every table to round(scale x its rows), children first, in one transaction';

-- One compared measure: its row of faker_compare.
CREATE FUNCTION faker.profile_num(x float8) RETURNS text
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN x IS NULL THEN NULL ELSE round(x::numeric, 4)::text END
$$;

-- The shares of a "shares" measure ranked (an object of value shares or
-- an array of shares).
CREATE FUNCTION faker.profile_ranked(shares jsonb) RETURNS float8[]
    LANGUAGE sql IMMUTABLE STRICT SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_catalog.array_agg(x ORDER BY x DESC) FROM (
        SELECT v::float8 AS x FROM pg_catalog.jsonb_array_elements_text(
            CASE pg_catalog.jsonb_typeof(shares) WHEN 'array' THEN shares ELSE '[]' END) v
        UNION ALL
        SELECT v::float8 FROM pg_catalog.jsonb_each_text(
            CASE pg_catalog.jsonb_typeof(shares) WHEN 'object' THEN shares ELSE '{}' END) o(k, v)) s
$$;

-- faker_compare's worker (PL/pgSQL cannot name an input and an output
-- parameter alike; the SQL wrapper below can).
CREATE FUNCTION faker.profile_compare(expected_profile jsonb, actual_profile jsonb)
    RETURNS TABLE(object text, measure text, expected text, actual text, ok boolean)
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    sc float8;
    k text;
    e jsonb;
    a jsonb;
    ef jsonb;
    af jsonb;
    f record;
    ew float8[];
    aw float8[];
    ev float8;
    av float8;
    rng float8;
    dev float8;
    tkey text;
BEGIN
    FOREACH k IN ARRAY ARRAY['expected', 'actual'] LOOP
        e := CASE WHEN k = 'expected' THEN $1 ELSE $2 END;
        IF e IS NULL OR pg_catalog.jsonb_typeof(e) <> 'object' OR pg_catalog.jsonb_typeof(e->'tables') IS DISTINCT FROM 'object' THEN
            RAISE EXCEPTION 'faker_compare: % must be a profile (an object with a "tables" object)', k
                USING ERRCODE = 'invalid_parameter_value';
        END IF;
    END LOOP;
    PERFORM faker.profile_check_format($1, 'faker_compare');
    PERFORM faker.profile_check_format($2, 'faker_compare');
    IF $1 ? 'scale' AND (pg_catalog.jsonb_typeof($1->'scale') <> 'number' OR ($1->>'scale')::float8 <= 0) THEN
        RAISE EXCEPTION 'faker_compare: expected.scale: must be a positive number' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    sc := coalesce(($1->>'scale')::float8, 1);
    FOR k, e IN SELECT t.key, t.value FROM pg_catalog.jsonb_each($1->'tables') t ORDER BY 1 LOOP
        -- the table of ACTUAL: the same name once expected's "schemas" map is applied
        tkey := pg_catalog.format('%I.%I', coalesce($1->'schemas'->>(e->>'schema'), e->>'schema'), e->>'name');
        object := tkey;
        a := $2->'tables'->tkey;
        IF a IS NULL THEN
            measure := 'table'; expected := 'present'; actual := 'missing'; ok := false;
            RETURN NEXT;
            CONTINUE;
        END IF;
        -- row counts within 1% of the expected ones times the scale
        measure := 'rows';
        ev := sc * (e->>'rows')::float8;
        av := (a->>'rows')::float8;
        expected := faker.profile_num(round(ev)); actual := faker.profile_num(av);
        ok := abs(av - ev) <= greatest(0.01 * ev, 0.5);
        RETURN NEXT;
        -- per foreign key and per column: NULL share 1 point; references:
        -- mean 5%, rank-group weights 3 points, fitted skew 15% (when the
        -- expected fit is a power law); columns: value shares 2 points,
        -- quantiles within 5% of the expected range, reuse mean 5%
        FOR f IN SELECT 'reference' AS kind, r.key, r.value AS ef, $2->'tables'->tkey->'fit'->'references'->r.key AS af
                 FROM pg_catalog.jsonb_each(e->'fit'->'references') r
                 UNION ALL
                 SELECT 'column', c.key, c.value, $2->'tables'->tkey->'fit'->'columns'->c.key
                 FROM pg_catalog.jsonb_each(e->'fit'->'columns') c
                 ORDER BY 1 DESC, 2 LOOP
            object := tkey || '.' || f.key;
            IF f.af IS NULL THEN
                measure := f.kind; expected := 'present'; actual := 'missing'; ok := false;
                RETURN NEXT;
                CONTINUE;
            END IF;
            measure := 'null_weight'; ev := (f.ef->>'null_weight')::float8; av := (f.af->>'null_weight')::float8;
            expected := faker.profile_num(ev); actual := faker.profile_num(av);
            ok := abs(av - ev) <= 0.01;
            RETURN NEXT;
            IF f.ef ? 'mean' THEN
                measure := CASE f.kind WHEN 'reference' THEN 'mean' ELSE 'reuse mean' END;
                ev := (f.ef->>'mean')::float8; av := (f.af->>'mean')::float8;
                expected := faker.profile_num(ev); actual := faker.profile_num(av);
                ok := av IS NOT NULL AND abs(av / ev - 1) <= 0.05;
                RETURN NEXT;
            END IF;
            CONTINUE WHEN f.kind = 'column' AND NOT f.ef ? 'shares' AND NOT f.ef ? 'quantiles';
            IF f.kind = 'reference' THEN
                SELECT pg_catalog.array_agg(x::float8 ORDER BY i) INTO ew FROM pg_catalog.jsonb_array_elements_text(f.ef->'weights') WITH ORDINALITY w(x, i);
                SELECT pg_catalog.array_agg(x::float8 ORDER BY i) INTO aw FROM pg_catalog.jsonb_array_elements_text(f.af->'weights') WITH ORDINALITY w(x, i);
                measure := 'weights';
                expected := (SELECT pg_catalog.string_agg(faker.profile_num(x), ', ') FROM pg_catalog.unnest(ew) x);
                actual := (SELECT pg_catalog.string_agg(faker.profile_num(x), ', ') FROM pg_catalog.unnest(aw) x);
                ok := (SELECT pg_catalog.bool_and(abs(ew[i] - coalesce(aw[i], 0)) <= 0.03) FROM pg_catalog.generate_subscripts(ew, 1) i);
                RETURN NEXT;
                IF (f.ef->>'r2')::float8 >= 0.9 THEN
                    measure := 'skew'; ev := (f.ef->>'skew')::float8; av := (f.af->>'skew')::float8;
                    expected := faker.profile_num(ev); actual := faker.profile_num(av);
                    ok := abs(av / ev - 1) <= 0.15;
                    RETURN NEXT;
                END IF;
                CONTINUE;
            END IF;
            IF f.ef ? 'shares' THEN
                measure := 'shares';
                IF pg_catalog.jsonb_typeof(f.ef->'shares') = 'object' AND pg_catalog.jsonb_typeof(f.af->'shares') = 'object' THEN
                    expected := (SELECT pg_catalog.string_agg(s.key || ' ' || s.value, ', ' ORDER BY s.key) FROM pg_catalog.jsonb_each_text(f.ef->'shares') s);
                    actual := (SELECT pg_catalog.string_agg(s.key || ' ' || s.value, ', ' ORDER BY s.key) FROM pg_catalog.jsonb_each_text(f.af->'shares') s);
                    dev := (SELECT max(abs(coalesce((f.ef->'shares'->>v)::float8, 0) - coalesce((f.af->'shares'->>v)::float8, 0)))
                            FROM (SELECT pg_catalog.jsonb_object_keys(f.ef->'shares') UNION SELECT pg_catalog.jsonb_object_keys(f.af->'shares')) u(v));
                ELSE
                    -- shape only: the shares ranked
                    ew := faker.profile_ranked(f.ef->'shares');
                    aw := faker.profile_ranked(f.af->'shares');
                    expected := pg_catalog.array_to_string(ew, ', ');
                    actual := pg_catalog.array_to_string(aw, ', ');
                    dev := (SELECT max(abs(coalesce(ew[i], 0) - coalesce(aw[i], 0)))
                            FROM pg_catalog.generate_series(1, greatest(pg_catalog.cardinality(ew), pg_catalog.cardinality(aw))) i);
                END IF;
                ok := coalesce(dev <= 0.02, false);
                RETURN NEXT;
            END IF;
            IF f.ef ? 'quantiles' THEN
                SELECT pg_catalog.array_agg(x::float8 ORDER BY i) INTO ew FROM pg_catalog.jsonb_array_elements_text(f.ef->'quantiles') WITH ORDINALITY w(x, i);
                SELECT pg_catalog.array_agg(x::float8 ORDER BY i) INTO aw FROM pg_catalog.jsonb_array_elements_text(f.af->'quantiles') WITH ORDINALITY w(x, i);
                rng := ew[pg_catalog.cardinality(ew)] - ew[1];
                dev := (SELECT max(abs(ew[i] - aw[i])) FROM pg_catalog.generate_subscripts(ew, 1) i);
                measure := 'quantiles (max deviation / range)';
                expected := '0'; actual := faker.profile_num(CASE WHEN rng > 0 THEN dev / rng ELSE dev END);
                ok := coalesce(dev <= 0.05 * rng, false);
                RETURN NEXT;
            END IF;
        END LOOP;
        RETURN QUERY SELECT * FROM faker.profile_compare_children($1, e, a, tkey);
        RETURN QUERY SELECT * FROM faker.profile_compare_pairs(e, a, tkey);
        RETURN QUERY SELECT * FROM faker.profile_compare_order(e, a, tkey);
    END LOOP;
END $$;

-- A number of a profile (a jsonb number), else NULL: the measures of a
-- hand-edited profile that are not numbers compare as missing.
CREATE FUNCTION faker.profile_number(v jsonb) RETURNS float8
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT CASE WHEN pg_catalog.jsonb_typeof(v) = 'number' THEN (v OPERATOR(pg_catalog.#>>) '{}')::float8 END
$$;

-- The numbers of a jsonb array (non-numbers as NULL); NULL when V is not
-- an array.
CREATE FUNCTION faker.profile_numbers(v jsonb) RETURNS float8[]
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT pg_catalog.array_agg(faker.profile_number(x) ORDER BY i)
    FROM pg_catalog.jsonb_array_elements(CASE WHEN pg_catalog.jsonb_typeof(v) = 'array' THEN v END) WITH ORDINALITY w(x, i)
$$;

-- faker_compare's measures of the physical order of one table (E
-- expected, A actual, TKEY its name in ACTUAL): per indexed column that
-- both profiles measured, the correlation of its values with the rows'
-- positions, within 0.2.  The planner costs an index scan between its
-- sequential and random extremes by the square of that correlation, so a
-- difference under 0.2 moves the cost by little where it matters (near 1:
-- 0.8^2 = 0.64 against 1), and not at all near 0.
CREATE FUNCTION faker.profile_compare_order(e jsonb, a jsonb, tkey text)
    RETURNS TABLE(object text, measure text, expected text, actual text, ok boolean)
    LANGUAGE sql IMMUTABLE SET search_path = pg_catalog, pg_temp AS $$
    SELECT tkey OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) x.key,
           'physical order correlation', faker.profile_num(faker.profile_number(x.value)),
           faker.profile_num(faker.profile_number(a->'fit'->'correlation'->x.key)),
           coalesce(abs(faker.profile_number(x.value) - faker.profile_number(a->'fit'->'correlation'->x.key)) <= 0.2, false)
    FROM pg_catalog.jsonb_each(coalesce(e->'fit'->'correlation', '{}')) x
    WHERE pg_catalog.jsonb_typeof(x.value) = 'number'
      AND pg_catalog.jsonb_typeof(a->'fit'->'correlation'->x.key) = 'number'
    ORDER BY x.key
$$;

-- faker_compare's measures of the children of one table (E expected, A
-- actual, TKEY its name in ACTUAL): per referencing table, the children per
-- parent (zeros included): mean 5%, rank-group weights 3 points, and when
-- every parent had at most one (one-to-one), that it still has.
CREATE FUNCTION faker.profile_compare_children(expected_profile jsonb, e jsonb, a jsonb, tkey text)
    RETURNS TABLE(object text, measure text, expected text, actual text, ok boolean)
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record;
    id text[];
    ak text;
    ac jsonb;
    ev float8;
    av float8;
    ew float8[];
    aw float8[];
BEGIN
    FOR c IN SELECT x.key, x.value
             FROM pg_catalog.jsonb_each(CASE WHEN pg_catalog.jsonb_typeof(e->'children') = 'object'
                                             THEN e->'children' ELSE '{}' END) x ORDER BY 1 LOOP
        -- the child's name in ACTUAL: expected's "schemas" map applied
        BEGIN
            id := pg_catalog.parse_ident(c.key);
        EXCEPTION WHEN invalid_parameter_value THEN
            id := NULL;
        END;
        ak := CASE WHEN pg_catalog.cardinality(id) = 2
                   THEN pg_catalog.format('%I.%I', coalesce(expected_profile->'schemas'->>(id[1]), id[1]), id[2])
                   ELSE c.key END;
        ac := a->'children'->ak;
        object := tkey || ' <- ' || ak;
        IF pg_catalog.jsonb_typeof(ac) IS DISTINCT FROM 'object' THEN
            measure := 'children'; expected := 'present'; actual := 'missing'; ok := false;
            RETURN NEXT;
            CONTINUE;
        END IF;
        measure := 'children mean';
        ev := faker.profile_number(c.value->'mean'); av := faker.profile_number(ac->'mean');
        expected := faker.profile_num(ev); actual := faker.profile_num(av);
        ok := coalesce(abs(av / NULLIF(ev, 0) - 1) <= 0.05, av = ev, false);
        RETURN NEXT;
        ew := faker.profile_numbers(c.value->'weights');
        aw := faker.profile_numbers(ac->'weights');
        measure := 'children weights';
        expected := (SELECT pg_catalog.string_agg(faker.profile_num(x), ', ') FROM pg_catalog.unnest(ew) x);
        actual := (SELECT pg_catalog.string_agg(faker.profile_num(x), ', ') FROM pg_catalog.unnest(aw) x);
        ok := coalesce((SELECT pg_catalog.bool_and(abs(ew[i] - coalesce(aw[i], 0)) <= 0.03)
                        FROM pg_catalog.generate_subscripts(ew, 1) i), false);
        RETURN NEXT;
        IF faker.profile_number(c.value->'max') <= 1 THEN
            measure := 'children max (one-to-one)';
            expected := c.value->>'max'; actual := ac->>'max';
            ok := coalesce(faker.profile_number(ac->'max') <= 1, false);
            RETURN NEXT;
        END IF;
    END LOOP;
END $$;

-- faker_compare's measures of the pairs of foreign keys of one table (a
-- junction table's sides): the share of repeated pairs 1 point (none when
-- there were none), the distinct partners per parent of each side 5%.
CREATE FUNCTION faker.profile_compare_pairs(e jsonb, a jsonb, tkey text)
    RETURNS TABLE(object text, measure text, expected text, actual text, ok boolean)
    LANGUAGE plpgsql STABLE SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    c record;
    ap jsonb;
    side text;
    ev float8;
    av float8;
BEGIN
    FOR c IN SELECT x.key, x.value
             FROM pg_catalog.jsonb_each(CASE WHEN pg_catalog.jsonb_typeof(e->'fit'->'pairs') = 'object'
                                             THEN e->'fit'->'pairs' ELSE '{}' END) x ORDER BY 1 LOOP
        ap := a->'fit'->'pairs'->c.key;
        object := tkey || '.' || c.key;
        IF pg_catalog.jsonb_typeof(ap) IS DISTINCT FROM 'object' THEN
            measure := 'pairs'; expected := 'present'; actual := 'missing'; ok := false;
            RETURN NEXT;
            CONTINUE;
        END IF;
        measure := 'repeated pairs';
        ev := 1 - faker.profile_number(c.value->'distinct') / NULLIF(faker.profile_number(c.value->'rows'), 0);
        av := 1 - faker.profile_number(ap->'distinct') / NULLIF(faker.profile_number(ap->'rows'), 0);
        expected := faker.profile_num(ev); actual := faker.profile_num(av);
        ok := coalesce(CASE WHEN ev = 0 THEN av = 0 ELSE abs(av - ev) <= 0.01 END, false);
        RETURN NEXT;
        FOREACH side IN ARRAY ARRAY['first', 'second'] LOOP
            measure := 'pairs per ' || coalesce(c.value->'references'->>(CASE side WHEN 'first' THEN 0 ELSE 1 END), side);
            ev := faker.profile_number(c.value->('per_' || side));
            av := faker.profile_number(ap->('per_' || side));
            expected := faker.profile_num(ev); actual := faker.profile_num(av);
            ok := coalesce(abs(av / NULLIF(ev, 0) - 1) <= 0.05, false);
            RETURN NEXT;
        END LOOP;
    END LOOP;
END $$;
CREATE FUNCTION faker_compare(expected jsonb, actual jsonb)
    RETURNS TABLE(object text, measure text, expected text, actual text, ok boolean)
    LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp
    AS $$ SELECT * FROM faker.profile_compare($1, $2) $$;
COMMENT ON FUNCTION faker_compare(jsonb, jsonb) IS
    'faker: two profiles measure by measure (row counts scaled by expected''s "scale"), with the tolerances of the README';
