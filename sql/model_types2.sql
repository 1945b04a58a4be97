-- model_types2: a default generator for every built-in type a schema may use, extension types
-- found by name (citext, hstore, ltree, PostGIS), column-name heuristics, plausible defaults
SET faker.progress = off;
CREATE EXTENSION citext;
CREATE EXTENSION hstore;
CREATE EXTENSION ltree;
CREATE EXTENSION postgis;
CREATE TYPE money_amount AS (amount numeric(10,2), currency char(3));
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
CREATE DOMAIN short_code AS varchar(4);
CREATE TABLE types2 (
    id      serial PRIMARY KEY,
    tsv     tsvector NOT NULL,
    tsq     tsquery NOT NULL,
    wide    numeric(40,15) NOT NULL,
    hundreds numeric(3,-2) NOT NULL,
    tiny    numeric(3,5) NOT NULL,
    cost    numeric(12,2) NOT NULL,
    cash    money NOT NULL,
    flags   bit(5) NOT NULL,
    vflags  varbit(10) NOT NULL,
    host    inet NOT NULL,
    net     cidr NOT NULL,
    mac     macaddr NOT NULL,
    mac8    macaddr8 NOT NULL,
    doc     xml NOT NULL,
    span    interval NOT NULL,
    clock   time NOT NULL,
    clocktz timetz NOT NULL,
    r4      int4range NOT NULL,
    r8      int8range NOT NULL,
    rn      numrange NOT NULL,
    rd      daterange NOT NULL,
    rts     tsrange NOT NULL,
    rtz     tstzrange NOT NULL,
    mr4     int4multirange NOT NULL,
    mrd     datemultirange NOT NULL,
    pt      point NOT NULL,
    ln      line NOT NULL,
    seg     lseg NOT NULL,
    bx      box NOT NULL,
    pth     path NOT NULL,
    poly    polygon NOT NULL,
    circ    circle NOT NULL,
    raw     bytea NOT NULL,
    o       oid NOT NULL,
    ch      "char" NOT NULL,
    jp      jsonpath NOT NULL,
    lsn     pg_lsn NOT NULL,
    j       json NOT NULL,
    jb      jsonb NOT NULL,
    amount  money_amount NOT NULL,
    amounts money_amount[] NOT NULL,
    pos     positive NOT NULL,
    poss    positive[] NOT NULL,
    codes   short_code[] NOT NULL,
    ranges  int4range[] NOT NULL,
    nick    citext NOT NULL,
    attrs   hstore NOT NULL,
    tree    ltree NOT NULL,
    spot    geometry(Point, 4326) NOT NULL,
    area    geometry(Polygon, 4326) NOT NULL,
    route   geometry(LineStringZ, 3857) NOT NULL,
    areas   geometry(MultiPolygon, 4326) NOT NULL,
    bag     geometry(GeometryCollection, 4326) NOT NULL,
    anyg    geometry NOT NULL,
    place   geography(Point) NOT NULL,
    zone    geography(Polygon, 4326) NOT NULL
);
SELECT created FROM faker_populate('types2', 1000, 42);
-- each column: valid values (checked by a property of the type) and variety
SELECT col, valid, varied FROM (VALUES
  ('tsvector', (SELECT bool_and(length(tsv) BETWEEN 1 AND 6) FROM types2), (SELECT count(DISTINCT tsv) > 500 FROM types2)),
  ('tsquery', (SELECT bool_and(numnode(tsq) >= 1) FROM types2), (SELECT count(DISTINCT tsq::text) > 500 FROM types2)),
  ('numeric(40,15)', (SELECT bool_and(wide >= 0 AND wide < 10000 AND scale(wide) <= 15) FROM types2),
                     (SELECT count(DISTINCT wide) > 990 FROM types2)),
  ('numeric(3,-2)', (SELECT bool_and(hundreds >= 0 AND hundreds <= 99900 AND hundreds % 100 = 0) FROM types2),
                    (SELECT count(DISTINCT hundreds) > 50 FROM types2)),
  ('numeric(3,5)', (SELECT bool_and(tiny >= 0 AND tiny < 0.01) FROM types2), (SELECT count(DISTINCT tiny) > 500 FROM types2)),
  ('numeric(12,2)', (SELECT bool_and(cost >= 0 AND cost <= 9999.99) AND max(cost) > 5000 FROM types2),
                    (SELECT count(DISTINCT cost) > 900 FROM types2)),
  ('money', (SELECT bool_and(cash >= 0::money AND cash < 10000::money) FROM types2), (SELECT count(DISTINCT cash) > 900 FROM types2)),
  ('bit(5)', (SELECT bool_and(length(flags) = 5) FROM types2), (SELECT count(DISTINCT flags) = 32 FROM types2)),
  ('varbit(10)', (SELECT bool_and(length(vflags) BETWEEN 1 AND 10) FROM types2), (SELECT count(DISTINCT vflags) > 100 FROM types2)),
  ('inet', (SELECT bool_and(family(host) = 4 AND masklen(host) = 32) FROM types2), (SELECT count(DISTINCT host) > 990 FROM types2)),
  ('cidr', (SELECT bool_and(masklen(net) BETWEEN 8 AND 32 AND network(net) = net) FROM types2), (SELECT count(DISTINCT net) > 900 FROM types2)),
  ('macaddr', (SELECT bool_and(mac IS NOT NULL) FROM types2), (SELECT count(DISTINCT mac) > 990 FROM types2)),
  ('macaddr8', (SELECT bool_and(mac8 IS NOT NULL) FROM types2), (SELECT count(DISTINCT mac8) > 990 FROM types2)),
  ('xml', (SELECT bool_and(xml_is_well_formed_document(doc::text)) FROM types2), (SELECT count(DISTINCT doc::text) > 900 FROM types2)),
  ('interval', (SELECT bool_and(span >= '0' AND span < '366 days') FROM types2), (SELECT count(DISTINCT span) > 900 FROM types2)),
  ('time', (SELECT bool_and(clock >= '00:00' AND clock < '24:00') FROM types2), (SELECT count(DISTINCT clock) > 990 FROM types2)),
  ('timetz', (SELECT bool_and(clocktz IS NOT NULL) FROM types2), (SELECT count(DISTINCT clocktz) > 990 FROM types2)),
  ('int4range', (SELECT bool_and(NOT isempty(r4) AND lower(r4) < upper(r4)) FROM types2), (SELECT count(DISTINCT r4) > 990 FROM types2)),
  ('int8range', (SELECT bool_and(NOT isempty(r8) AND lower(r8) < upper(r8)) FROM types2), (SELECT count(DISTINCT r8) > 990 FROM types2)),
  ('numrange', (SELECT bool_and(NOT isempty(rn) AND lower(rn) <= upper(rn)) FROM types2), (SELECT count(DISTINCT rn) > 990 FROM types2)),
  ('daterange', (SELECT bool_and(lower(rd) < upper(rd) AND lower(rd) >= '2021-01-01' AND upper(rd) <= '2026-01-01') FROM types2),
                (SELECT count(DISTINCT rd) > 900 FROM types2)),
  ('tsrange', (SELECT bool_and(lower(rts) <= upper(rts)) FROM types2), (SELECT count(DISTINCT rts) > 990 FROM types2)),
  ('tstzrange', (SELECT bool_and(lower(rtz) <= upper(rtz)) FROM types2), (SELECT count(DISTINCT rtz) > 990 FROM types2)),
  ('int4multirange', (SELECT bool_and(NOT isempty(mr4) AND lower(mr4) < upper(mr4)) FROM types2), (SELECT count(DISTINCT mr4) > 990 FROM types2)),
  ('datemultirange', (SELECT bool_and(lower(mrd) < upper(mrd)) FROM types2), (SELECT count(DISTINCT mrd) > 900 FROM types2)),
  ('point', (SELECT bool_and(pt[0] BETWEEN -1000 AND 1000) FROM types2), (SELECT count(DISTINCT pt::text) > 990 FROM types2)),
  ('line', (SELECT bool_and(ln IS NOT NULL) FROM types2), (SELECT count(DISTINCT ln::text) > 990 FROM types2)),
  ('lseg', (SELECT bool_and(length(seg) > 0) FROM types2), (SELECT count(DISTINCT seg::text) > 990 FROM types2)),
  ('box', (SELECT bool_and(area(bx) >= 0) FROM types2), (SELECT count(DISTINCT bx::text) > 990 FROM types2)),
  ('path', (SELECT bool_and(npoints(pth) BETWEEN 2 AND 5) FROM types2), (SELECT count(DISTINCT pth::text) > 990 FROM types2)),
  ('polygon', (SELECT bool_and(npoints(poly) BETWEEN 3 AND 6) FROM types2), (SELECT count(DISTINCT poly::text) > 990 FROM types2)),
  ('circle', (SELECT bool_and(radius(circ) > 0) FROM types2), (SELECT count(DISTINCT circ::text) > 990 FROM types2)),
  ('bytea', (SELECT bool_and(length(raw) BETWEEN 4 AND 16) FROM types2), (SELECT count(DISTINCT raw) > 990 FROM types2)),
  ('oid', (SELECT bool_and(o::bigint > 0) FROM types2), (SELECT count(DISTINCT o) > 990 FROM types2)),
  ('"char"', (SELECT bool_and(ch BETWEEN 'a' AND 'z') FROM types2), (SELECT count(DISTINCT ch) = 26 FROM types2)),
  ('jsonpath', (SELECT bool_and(jp::text LIKE '$.%') FROM types2), (SELECT count(DISTINCT jp::text) > 200 FROM types2)),
  ('pg_lsn', (SELECT bool_and(lsn > '0/0') FROM types2), (SELECT count(DISTINCT lsn) > 990 FROM types2)),
  ('json', (SELECT bool_and(json_typeof(j) = 'object' AND j::text <> '{}') FROM types2), (SELECT count(DISTINCT j::text) > 500 FROM types2)),
  ('jsonb', (SELECT bool_and(jsonb_typeof(jb) = 'object' AND jb <> '{}') FROM types2), (SELECT count(DISTINCT jb) > 500 FROM types2)),
  ('composite', (SELECT bool_and((amount).amount BETWEEN 0 AND 9999.99 AND (amount).currency ~ '^[A-Z]{3}$') FROM types2),
                (SELECT count(DISTINCT (amount).currency) > 20 FROM types2)),
  ('composite[]', (SELECT bool_and(cardinality(amounts) <= 3 AND (amounts[1] IS NULL OR (amounts[1]).currency ~ '^[A-Z]{3}$')) FROM types2),
                  (SELECT count(DISTINCT cardinality(amounts)) = 4 FROM types2)),
  ('domain', (SELECT bool_and(pos > 0) FROM types2), (SELECT count(DISTINCT pos) > 990 FROM types2)),
  ('domain[]', (SELECT bool_and(0 < ALL (poss::int[])) FROM types2), (SELECT count(DISTINCT poss) > 500 FROM types2)),
  ('varchar domain[]', (SELECT bool_and(coalesce(length(codes[1]), 0) <= 4) FROM types2), (SELECT count(DISTINCT codes) > 500 FROM types2)),
  ('range[]', (SELECT bool_and(cardinality(ranges) <= 3) FROM types2), (SELECT count(DISTINCT ranges) > 500 FROM types2)),
  ('citext', (SELECT bool_and(length(nick) > 0) FROM types2), (SELECT count(DISTINCT nick) > 990 FROM types2)),
  ('hstore', (SELECT bool_and(array_length(akeys(attrs), 1) BETWEEN 1 AND 3) FROM types2), (SELECT count(DISTINCT attrs::text) > 900 FROM types2)),
  ('ltree', (SELECT bool_and(nlevel(tree) BETWEEN 1 AND 4) FROM types2), (SELECT count(DISTINCT tree) > 900 FROM types2))
) AS t(col, valid, varied);
-- PostGIS: the typmod's geometry type and SRID, coordinates in the lon/lat box, closed valid rings
SELECT col, valid, varied FROM (VALUES
  ('Point 4326', (SELECT bool_and(ST_GeometryType(spot) = 'ST_Point' AND ST_SRID(spot) = 4326 AND ST_X(spot) BETWEEN -180 AND 180
                               AND ST_Y(spot) BETWEEN -90 AND 90) FROM types2), (SELECT count(DISTINCT spot) > 990 FROM types2)),
  ('Polygon 4326', (SELECT bool_and(ST_GeometryType(area) = 'ST_Polygon' AND ST_SRID(area) = 4326 AND ST_IsValid(area)
                                 AND ST_IsClosed(ST_ExteriorRing(area)) AND ST_Area(area) > 0) FROM types2),
                   (SELECT count(DISTINCT area) > 990 FROM types2)),
  ('LineStringZ 3857', (SELECT bool_and(ST_GeometryType(route) = 'ST_LineString' AND ST_SRID(route) = 3857 AND ST_Zmflag(route) = 2
                                     AND abs(ST_X(ST_StartPoint(route))) <= 20037509) FROM types2),
                       (SELECT count(DISTINCT route) > 990 FROM types2)),
  ('MultiPolygon 4326', (SELECT bool_and(ST_GeometryType(areas) = 'ST_MultiPolygon' AND ST_SRID(areas) = 4326 AND ST_IsValid(areas)
                                      AND ST_NumGeometries(areas) BETWEEN 1 AND 3) FROM types2),
                        (SELECT count(DISTINCT ST_NumGeometries(areas)) = 3 FROM types2)),
  ('GeometryCollection', (SELECT bool_and(ST_GeometryType(bag) = 'ST_GeometryCollection' AND ST_SRID(bag) = 4326) FROM types2),
                         (SELECT count(DISTINCT bag) > 990 FROM types2)),
  ('geometry', (SELECT bool_and(ST_GeometryType(anyg) = 'ST_Point' AND ST_SRID(anyg) = 0) FROM types2), (SELECT count(DISTINCT anyg) > 990 FROM types2)),
  ('geography(Point)', (SELECT bool_and(ST_SRID(place) = 4326 AND GeometryType(place) = 'POINT') FROM types2),
                       (SELECT count(DISTINCT place::text) > 990 FROM types2)),
  ('geography(Polygon)', (SELECT bool_and(GeometryType(zone) = 'POLYGON' AND ST_Area(zone) > 0) FROM types2),
                         (SELECT count(DISTINCT zone::text) > 990 FROM types2)),
  ('in the box', (SELECT bool_and(ST_XMin(area) >= -180 AND ST_XMax(area) <= 180 AND ST_YMin(area) >= -60 AND ST_YMax(area) <= 70) FROM types2), true)
) AS t(col, valid, varied);
-- the same seed gives the same rows (ids aside: the serial moves on)
SELECT (SELECT string_agg(ROW(tsv, wide, flags, r4, mrd, jb, attrs, tree, spot, amount, poss)::text, ';')
        FROM faker_rows(NULL::types2, 50, 42))
     = (SELECT string_agg(ROW(tsv, wide, flags, r4, mrd, jb, attrs, tree, spot, amount, poss)::text, ';')
        FROM faker_rows(NULL::types2, 50, 42)) AS same_rows;
-- column names: word matches ("username" is not a "name"), and plausible ranges
CREATE TABLE named (
    id           serial PRIMARY KEY,
    username     text NOT NULL,
    display_name text NOT NULL,
    email_address varchar(80) NOT NULL,
    ip_address   text NOT NULL,
    ip           inet NOT NULL,
    avatar_url   text NOT NULL,
    slug         text NOT NULL,
    user_agent   text NOT NULL,
    currency     char(3) NOT NULL,
    country_code char(2) NOT NULL,
    locale       text NOT NULL,
    color        text NOT NULL,
    zip          text NOT NULL,
    view_count   int NOT NULL,
    total_cents  bigint NOT NULL,
    price        int NOT NULL,
    amount       numeric(12,2) NOT NULL,
    age          smallint NOT NULL,
    latitude     float8 NOT NULL,
    longitude    numeric(9,6) NOT NULL,
    created_at   timestamptz NOT NULL,
    updated_at   timestamp NOT NULL,
    published_on date NOT NULL,
    born         date NOT NULL,
    birth_date   timestamptz NOT NULL,
    dob          date NOT NULL
);
SELECT created FROM faker_populate('named', 1000, 7);
SELECT count(*) FILTER (WHERE username !~ '^[a-z]+_?[a-z]+[0-9]{1,3}$') AS bad_username,
       count(*) FILTER (WHERE display_name !~ '^[A-Z][a-z]+(-[A-Z][a-z]+)? [A-Z][A-Za-z]+(-[A-Z][A-Za-z]+)?$') AS bad_display_name,
       count(*) FILTER (WHERE email_address !~ '^[a-z._]+[0-9]*@[a-z.]+$') AS bad_email,
       count(*) FILTER (WHERE ip_address::inet IS NULL OR ip_address !~ '^(\d{1,3}\.){3}\d{1,3}$') AS bad_ip_text,
       count(*) FILTER (WHERE family(ip) <> 4) AS bad_ip,
       count(*) FILTER (WHERE avatar_url !~ '^https://') AS bad_url,
       count(*) FILTER (WHERE slug !~ '^[a-z]+(-[a-z]+)+$') AS bad_slug,
       count(*) FILTER (WHERE user_agent !~ '^Mozilla/5\.0 \(') AS bad_user_agent,
       count(*) FILTER (WHERE currency !~ '^[A-Z]{3}$') AS bad_currency,
       count(*) FILTER (WHERE country_code !~ '^[A-Z]{2}$') AS bad_country_code,
       count(*) FILTER (WHERE locale !~ '^[a-z]{2}_[A-Z]{2}$') AS bad_locale,
       count(*) FILTER (WHERE zip !~ '^\d{5}$') AS bad_zip
FROM named;
SELECT count(DISTINCT color) > 10 AS colors, count(DISTINCT currency) > 20 AS currencies,
       count(DISTINCT country_code) > 40 AS countries, count(DISTINCT locale) > 20 AS locales,
       min(view_count) >= 0 AND max(view_count) <= 100 AS counts_small,
       min(total_cents) >= 0 AND max(total_cents) <= 100000 AS cents_modest,
       min(price) >= 0 AND max(price) <= 10000 AS price_modest,
       min(amount) >= 0 AND max(amount) <= 9999.99 AS amount_modest,
       min(age) >= 18 AND max(age) <= 90 AS ages,
       min(latitude) >= -90 AND max(latitude) <= 90 AS latitudes,
       min(longitude) >= -180 AND max(longitude) <= 180 AND min(longitude) < -90 AS longitudes
FROM named;
-- timestamps and dates: the fixed window [2021-01-01, 2026-01-01), never later; births 18 to 90
-- years before 2026-01-01
SELECT min(created_at) >= '2021-01-01 00:00+00' AND max(created_at) < '2026-01-01 00:00+00' AS created_at_ok,
       min(updated_at) >= '2021-01-01' AND max(updated_at) < '2026-01-01' AS updated_at_ok,
       min(published_on) >= '2021-01-01' AND max(published_on) < '2026-01-01' AS published_on_ok,
       max(created_at) > '2025-06-01 00:00+00' AND min(created_at) < '2021-06-01 00:00+00' AS window_covered,
       min(born) >= '1936-01-01' AND max(born) < '2008-01-01' AS born_ok,
       min(birth_date) >= '1936-01-01 00:00+00' AND max(birth_date) < '2008-01-01 00:00+00' AS birth_date_ok,
       min(dob) >= '1936-01-01' AND max(dob) < '2008-01-01' AS dob_ok
FROM named;
DROP TABLE types2, named;
DROP TYPE money_amount;
DROP DOMAIN positive, short_code;
DROP EXTENSION postgis;
DROP EXTENSION ltree;
DROP EXTENSION hstore;
DROP EXTENSION citext;
