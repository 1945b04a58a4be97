-- zc_checks2: more CHECK forms read with no spec: an OR on one column,
-- column vs column ($field), IS NULL OR ..., a regex
\set SHOW_CONTEXT never
CREATE TABLE zc2_span (id serial PRIMARY KEY,
  started_at timestamptz NOT NULL, ended_at timestamptz NOT NULL,
  lo int NOT NULL, hi int NOT NULL,
  note text,
  code text NOT NULL CHECK (code ~ '^[A-Z]{3}-[0-9]{4}$'),
  level int NOT NULL CHECK (level < 10 OR level > 1000 AND level < 2000),
  tier text NOT NULL CHECK (tier IN ('a', 'b') OR tier = 'c'),
  CONSTRAINT zc2_span_order CHECK (started_at < ended_at),
  CONSTRAINT zc2_span_lohi CHECK (note IS NULL OR lo <= hi));
SELECT created FROM faker_populate('zc2_span', 1000, 1) WHERE aggregate = 'zc2_span';
SELECT count(*) FILTER (WHERE NOT started_at < ended_at) AS bad_order,
       count(*) FILTER (WHERE NOT lo <= hi) AS bad_lohi,
       count(*) FILTER (WHERE code !~ '^[A-Z]{3}-[0-9]{4}$') AS bad_code,
       count(*) FILTER (WHERE NOT (level < 10 OR level > 1000 AND level < 2000)) AS bad_level,
       count(*) FILTER (WHERE tier NOT IN ('a', 'b', 'c')) AS bad_tier,
       count(*) FILTER (WHERE level > 1000) > 0 AS high_level,
       count(DISTINCT tier) AS tiers
  FROM zc2_span;
