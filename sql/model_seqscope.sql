-- model_seqscope: {"gen": "sequence", "scope": [columns]} numbers rows per
-- value of other columns, persisted across calls; "step"
\set SHOW_CONTEXT never
-- a public "tenant" (earlier suites leave one): the implicit aggregate of
-- sq.tenant is then named "sq.tenant", whatever runs before
SET client_min_messages = warning;
CREATE TABLE IF NOT EXISTS tenant (id serial PRIMARY KEY);
RESET client_min_messages;
CREATE SCHEMA sq;
CREATE TABLE sq.tenant (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE sq.invoice (id serial PRIMARY KEY, tenant_id int NOT NULL REFERENCES sq.tenant,
                         kind text NOT NULL, number int NOT NULL, code text NOT NULL, plain bigint NOT NULL,
                         UNIQUE (tenant_id, number));
SELECT faker_define('sq_invoice', 'sq.invoice', '{"columns": {
  "number": {"gen": "sequence", "scope": ["tenant_id"], "start": 100, "step": 10},
  "code":   {"gen": "sequence", "scope": ["tenant_id", "kind"], "format": "%s"},
  "kind":   {"values": ["a", "b"]},
  "plain":  {"gen": "sequence", "start": 5, "step": -2}
}, "references": {"tenant_id": {"mean": 50}}}');
SELECT * FROM faker_populate('sq_invoice', 500, 3);
-- each tenant numbers from 100 by 10, without gaps
SELECT count(*) AS tenants, bool_and(ok) AS all_ok FROM (
  SELECT tenant_id, min(number) = 100 AND max(number) = 100 + 10 * (count(*) - 1)
                    AND count(DISTINCT number) = count(*) AS ok
  FROM sq.invoice GROUP BY tenant_id) s;
SELECT bool_and(ok) AS codes_ok FROM (
  SELECT max(code::int) = count(*) AND count(DISTINCT code) = count(*) AS ok
  FROM sq.invoice GROUP BY tenant_id, kind) s;
SELECT min(plain), max(plain), count(DISTINCT plain) FROM sq.invoice;
-- the counters persist: one row per scope value
SELECT scope, next FROM faker.sequence WHERE scope LIKE 'sq_invoice.number:%' ORDER BY next DESC, scope LIMIT 3;
SELECT count(*) FROM faker.sequence WHERE scope LIKE 'sq_invoice.%';
-- a second call continues every tenant's numbering (unique (tenant_id, number) holds)
SELECT * FROM faker_populate('sq_invoice', 500, 4);
SELECT bool_and(ok) AS continued FROM (
  SELECT max(number) = 100 + 10 * (count(*) - 1) AND count(DISTINCT number) = count(*) AS ok
  FROM sq.invoice GROUP BY tenant_id) s;
-- errors
SELECT faker_define('sq_x', 'sq.invoice', '{"columns": {"number": {"gen": "sequence", "scope": ["nope"]}}}');
SELECT faker_define('sq_x', 'sq.invoice', '{"columns": {"number": {"gen": "sequence", "scope": ["number"]}}}');
SELECT faker_define('sq_x', 'sq.invoice', '{"columns": {"number": {"gen": "sequence", "scope": []}}}');
SELECT faker_define('sq_x', 'sq.invoice', '{"columns": {"number": {"gen": "sequence", "scope": [1]}}}');
SELECT faker_define('sq_x', 'sq.invoice', '{"columns": {"number": {"gen": "sequence", "scope": 5}}}');
SELECT faker_define('sq_x', 'sq.invoice', '{"columns": {"number": {"gen": "sequence", "step": 0}}}');
SELECT faker_define('sq_x', 'sq.invoice', '{"columns": {"number": {"gen": "sequence", "step": "x"}}}');
SELECT faker_define('sq_x', 'sq.invoice', '{"columns": {"number": {"gen": "sequence", "scope": ["code"]},
  "code": {"expr": "number::text"}}}');
SELECT faker_undefine('sq_invoice');
DELETE FROM faker.sequence WHERE scope LIKE 'sq_invoice.%';
DROP SCHEMA sq CASCADE;
