/* faker 1.0: core.  Parts schema/NN_*.sql are concatenated into faker--1.0.sql. */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION faker" to load this file. \quit

-- faker's own tables (definitions, pools) live in schema faker; the functions
-- go to the extension's schema (public by default) so they are callable
-- unqualified with the default search_path.
CREATE SCHEMA faker;
COMMENT ON SCHEMA faker IS 'faker: aggregate definitions and value pools';
GRANT USAGE ON SCHEMA faker TO PUBLIC;
