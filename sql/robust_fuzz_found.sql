-- robust_fuzz_found: what sql/robust_fuzz.sql found, one minimal repro
-- each, kept as regression tests: each now ends in an ordinary error.
\set VERBOSITY sqlstate
CREATE TABLE fzf_parent (id serial PRIMARY KEY, b bool);
CREATE TABLE fzf_child (id serial PRIMARY KEY, p int REFERENCES fzf_parent);
-- 1. a JSON null as a column's spec (SIGSEGV in getKeyJsonValueFromContainer
--    from jb_get, column_spec, SpecApply: src/model/spec.c, jb_object returns
--    NULL for a null value)
SELECT faker_define('fzf1', 'fzf_parent', '{"columns": {"b": null}}');
-- 2. a JSON null as a reference's distributor (the same, references loop)
SELECT faker_define('fzf2', 'fzf_child', '{"references": {"p": null}}');
-- 3. a JSON null as a child's spec (the same, children loop)
SELECT faker_define('fzf3', 'fzf_parent', '{"children": {"fzf_child": null}}');
-- 4. the same through faker_populate_profile (it calls faker_define)
SELECT faker_populate_profile('{"tables": {"public.fzf_parent": {"schema": "public", "name": "fzf_parent",
  "rows": 1, "spec": {"columns": {"b": null}}}}}');
-- 5. not a crash: a cancel (statement_timeout) while PostgreSQL's regex
--    compiler checks a pattern is reported as 2201B "invalid regular
--    expression ...: operation cancelled" (src/gen/regex.c,
--    check_with_postgres turns REG_CANCEL into a pattern error; PostgreSQL
--    calls CHECK_FOR_INTERRUPTS() first, giving 57014).  The pattern takes
--    PostgreSQL's compiler minutes ('x' ~ it too).
SET statement_timeout = '1s';
SELECT faker_regex('((a*[[:alpha:]]*)*(a*[[:alpha:]]*)*){255}');
RESET statement_timeout;
SELECT 'alive' AS server;
