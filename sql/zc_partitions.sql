-- zc_partitions: partition bounds (range, list, hash, default, two levels)
-- constrain the key with no spec: every row lands in an existing partition
\set SHOW_CONTEXT never
-- range by date (pagila payment)
CREATE TABLE zp_pay (id serial, amount numeric(5,2) NOT NULL, paid timestamptz NOT NULL,
  PRIMARY KEY (paid, id)) PARTITION BY RANGE (paid);
CREATE TABLE zp_pay_01 PARTITION OF zp_pay FOR VALUES FROM ('2022-01-01') TO ('2022-02-01');
CREATE TABLE zp_pay_02 PARTITION OF zp_pay FOR VALUES FROM ('2022-02-01') TO ('2022-03-01');
SELECT created FROM faker_populate('zp_pay', 1000, 1) WHERE aggregate = 'zp_pay';
SELECT count(*) AS total, count(*) FILTER (WHERE tableoid = 'zp_pay_01'::regclass) > 0 AS p01,
       count(*) FILTER (WHERE tableoid = 'zp_pay_02'::regclass) > 0 AS p02 FROM zp_pay;
-- list by text, with a default partition
CREATE TABLE zp_city (id int NOT NULL, region text NOT NULL) PARTITION BY LIST (region);
CREATE TABLE zp_city_n PARTITION OF zp_city FOR VALUES IN ('north', 'east');
CREATE TABLE zp_city_s PARTITION OF zp_city FOR VALUES IN ('south');
CREATE TABLE zp_city_d PARTITION OF zp_city DEFAULT;
SELECT created FROM faker_populate('zp_city', 1000, 1) WHERE aggregate = 'zp_city';
SELECT count(*) AS total, count(*) FILTER (WHERE tableoid = 'zp_city_n'::regclass) > 0 AS n,
       count(*) FILTER (WHERE tableoid = 'zp_city_s'::regclass) > 0 AS s,
       count(*) FILTER (WHERE tableoid = 'zp_city_d'::regclass) > 0 AS d FROM zp_city;
-- list by boolean, hash by int
CREATE TABLE zp_flag (id int NOT NULL, flag boolean NOT NULL) PARTITION BY LIST (flag);
CREATE TABLE zp_flag_f PARTITION OF zp_flag FOR VALUES IN (false);
CREATE TABLE zp_flag_t PARTITION OF zp_flag FOR VALUES IN (true);
SELECT created FROM faker_populate('zp_flag', 500, 1) WHERE aggregate = 'zp_flag';
CREATE TABLE zp_hash (id bigint NOT NULL PRIMARY KEY, v text) PARTITION BY HASH (id);
CREATE TABLE zp_hash_0 PARTITION OF zp_hash FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE zp_hash_1 PARTITION OF zp_hash FOR VALUES WITH (MODULUS 2, REMAINDER 1);
SELECT created FROM faker_populate('zp_hash', 500, 1) WHERE aggregate = 'zp_hash';
SELECT count(*) AS total, count(*) FILTER (WHERE tableoid = 'zp_hash_0'::regclass) > 0 AS h0,
       count(*) FILTER (WHERE tableoid = 'zp_hash_1'::regclass) > 0 AS h1 FROM zp_hash;
-- range with a default partition: some rows beyond the ranges
CREATE TABLE zp_ev (id int NOT NULL, n int NOT NULL) PARTITION BY RANGE (n);
CREATE TABLE zp_ev_a PARTITION OF zp_ev FOR VALUES FROM (0) TO (100);
CREATE TABLE zp_ev_b PARTITION OF zp_ev FOR VALUES FROM (100) TO (200);
CREATE TABLE zp_ev_d PARTITION OF zp_ev DEFAULT;
SELECT created FROM faker_populate('zp_ev', 600, 1) WHERE aggregate = 'zp_ev';
SELECT count(*) AS total, count(*) FILTER (WHERE tableoid = 'zp_ev_a'::regclass) > 0 AS a,
       count(*) FILTER (WHERE tableoid = 'zp_ev_b'::regclass) > 0 AS b,
       count(*) FILTER (WHERE tableoid = 'zp_ev_d'::regclass) > 0 AS d FROM zp_ev;
-- two levels: range by date, then list by text
CREATE TABLE zp_log (id int NOT NULL, at date NOT NULL, kind text NOT NULL) PARTITION BY RANGE (at);
CREATE TABLE zp_log_2021 PARTITION OF zp_log FOR VALUES FROM ('2021-01-01') TO ('2022-01-01')
  PARTITION BY LIST (kind);
CREATE TABLE zp_log_2021_a PARTITION OF zp_log_2021 FOR VALUES IN ('info');
CREATE TABLE zp_log_2021_b PARTITION OF zp_log_2021 FOR VALUES IN ('warn', 'error');
CREATE TABLE zp_log_2022 PARTITION OF zp_log FOR VALUES FROM ('2022-01-01') TO ('2023-01-01')
  PARTITION BY LIST (kind);
CREATE TABLE zp_log_2022_a PARTITION OF zp_log_2022 FOR VALUES IN ('info');
CREATE TABLE zp_log_2022_b PARTITION OF zp_log_2022 FOR VALUES IN ('warn', 'error');
SELECT created FROM faker_populate('zp_log', 1000, 1) WHERE aggregate = 'zp_log';
SELECT tableoid::regclass AS part, count(*) > 0 AS some FROM zp_log GROUP BY 1 ORDER BY 1;
