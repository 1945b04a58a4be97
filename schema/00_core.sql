/* faker: core.  The parts schema/NN_*.sql, concatenated in name order, are
 * the install script of the current version, faker--VERSION.sql (VERSION =
 * default_version in faker.control); they always describe that version
 * completely.  The update script from the previous version,
 * faker--OLD--NEW.sql, is built from schema/update/OLD--NEW.sql, which
 * includes the parts of what NEW added or replaced (docs/design.md,
 * "Versions"). */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION faker" to load this file. \quit

-- faker's own tables (definitions, pools) live in schema faker; the functions
-- go to the extension's schema (public by default) so they are callable
-- unqualified with the default search_path.
CREATE SCHEMA faker;
COMMENT ON SCHEMA faker IS 'faker: aggregate definitions and value pools';
GRANT USAGE ON SCHEMA faker TO PUBLIC;
