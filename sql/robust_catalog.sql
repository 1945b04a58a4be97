-- robust_catalog: a fresh install of the default version (built from
-- schema/*.sql) and an install of 1.0 updated with ALTER EXTENSION faker
-- UPDATE (faker--1.0.sql plus the faker--OLD--NEW.sql scripts) must give the
-- same objects.  Each install is described as (kind, object, detail) rows
-- without OIDs; the two descriptions are compared with EXCEPT both ways and
-- every differing row is printed.
SELECT faker_reset();

CREATE TEMP VIEW faker_catalog(kind, object, detail) AS
WITH ext AS (
    SELECT oid FROM pg_extension WHERE extname = 'faker'
), member AS (
    SELECT d.classid, d.objid, d.objsubid
      FROM pg_depend d, ext
     WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid
       AND d.deptype = 'e'
)
-- every member object
SELECT 'member', pg_describe_object(classid, objid, objsubid), ''
  FROM member
UNION ALL
-- every comment on a member or on a column of one
SELECT 'comment', pg_describe_object(c.classoid, c.objoid, c.objsubid), c.description
  FROM pg_description c JOIN member m ON m.classid = c.classoid AND m.objid = c.objoid
UNION ALL
-- functions: signature with defaults, result, properties, body, privileges
SELECT 'function', p.oid::regprocedure::text,
       ROW(pg_get_function_arguments(p.oid), pg_get_function_result(p.oid),
                 p.prokind, p.provolatile, p.proisstrict, p.proparallel, p.proretset,
                 p.prosecdef, p.procost, p.prorows, p.prosrc, p.probin, p.proacl::text,
                 array_to_string(p.proconfig, ','))::text
  FROM pg_proc p JOIN member m ON m.classid = 'pg_proc'::regclass AND m.objid = p.oid
UNION ALL
-- tables and views: kind, options, privileges, view text
SELECT 'relation', c.oid::regclass::text,
       ROW(c.relkind, c.relpersistence, c.relacl::text,
                 array_to_string(c.reloptions, ','),
                 CASE WHEN c.relkind = 'v' THEN pg_get_viewdef(c.oid) END)::text
  FROM pg_class c JOIN member m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
UNION ALL
-- their columns, in order, with type, NOT NULL, default, identity, generation
SELECT 'column', c.oid::regclass::text || '.' || a.attname,
       ROW(a.attnum, format_type(a.atttypid, a.atttypmod), a.attnotnull,
                 pg_get_expr(ad.adbin, ad.adrelid), a.attidentity, a.attgenerated,
                 a.attcollation::regcollation::text)::text
  FROM pg_class c JOIN member m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
  JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
  LEFT JOIN pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
UNION ALL
-- their constraints and indexes
SELECT 'constraint', c.oid::regclass::text || ' ' || k.conname, pg_get_constraintdef(k.oid)
  FROM pg_class c JOIN member m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
  JOIN pg_constraint k ON k.conrelid = c.oid
UNION ALL
SELECT 'index', c.oid::regclass::text, pg_get_indexdef(i.indexrelid)
  FROM pg_class c JOIN member m ON m.classid = 'pg_class'::regclass AND m.objid = c.oid
  JOIN pg_index i ON i.indrelid = c.oid
UNION ALL
-- schemas: owner-independent privileges
SELECT 'schema', n.nspname, coalesce(n.nspacl::text, '')
  FROM pg_namespace n JOIN member m ON m.classid = 'pg_namespace'::regclass AND m.objid = n.oid
UNION ALL
-- tables pg_dump keeps (pg_extension_config_dump), with their filters
SELECT 'config', cfg.rel::regclass::text, coalesce(cfg.cond, '')
  FROM pg_extension e,
       unnest(e.extconfig, e.extcondition) AS cfg(rel, cond)
 WHERE e.extname = 'faker'
UNION ALL
SELECT 'extension', e.extname,
       ROW(e.extnamespace::regnamespace::text, e.extrelocatable)::text
  FROM pg_extension e WHERE e.extname = 'faker';

-- the default version has an install script of its own (without it,
-- CREATE EXTENSION would quietly take the road through 1.0 and the updates)
SELECT (pg_stat_file(c.setting || '/extension/faker--' || e.default_version || '.sql')).size > 0
       AS default_has_own_script
  FROM pg_config c, pg_available_extensions e
 WHERE c.name = 'SHAREDIR' AND e.name = 'faker';

-- the default version, installed fresh
DROP EXTENSION faker;
CREATE EXTENSION faker;
SELECT extversion = default_version AS fresh_is_default
  FROM pg_extension, pg_available_extensions
 WHERE extname = 'faker' AND name = 'faker';
CREATE TEMP TABLE fresh AS SELECT * FROM faker_catalog;

-- 1.0, updated
DROP EXTENSION faker;
CREATE EXTENSION faker VERSION '1.0';
ALTER EXTENSION faker UPDATE;
SELECT extversion = default_version AS updated_is_default
  FROM pg_extension, pg_available_extensions
 WHERE extname = 'faker' AND name = 'faker';
CREATE TEMP TABLE updated AS SELECT * FROM faker_catalog;

-- what was described (so an empty comparison means something)
SELECT kind, count(*) FROM fresh GROUP BY kind ORDER BY kind;

-- the differences: none
(SELECT 'only in fresh install' AS "where", * FROM fresh
 EXCEPT ALL SELECT 'only in fresh install', * FROM updated)
UNION ALL
(SELECT 'only after update', * FROM updated
 EXCEPT ALL SELECT 'only after update', * FROM fresh)
ORDER BY 2, 3, 1;
