/* faker 1.3 -> 1.4.
 *
 * The profile functions (schema/60_profile.sql) are dropped and created
 * anew as they are in 1.4.  An installation made while 1.3 was being built
 * may have older bodies or lack some of the helpers, so the update does not
 * list signatures: it drops every function of that part, whatever its
 * arguments, and includes the part whole.  A user view or function that
 * calls faker_profile, faker_populate_profile or faker_compare blocks the
 * update with an error rather than being dropped with them.
 *
 * The Makefile builds faker--1.3--1.4.sql from this file: every line
 * "-- include: schema/NN_part.sql" is replaced by that install-script part
 * (docs/design.md, "Versions").
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION faker UPDATE TO '1.4'" to load this file. \quit

DO $$
DECLARE f regprocedure;
BEGIN
    FOR f IN
        SELECT p.oid::regprocedure
          FROM pg_catalog.pg_proc p
          JOIN pg_catalog.pg_depend d
            ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid
           AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e'
          JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'faker'
         WHERE (p.pronamespace = 'faker'::pg_catalog.regnamespace AND p.proname LIKE 'profile\_%')
            OR p.proname IN ('faker_profile', 'faker_populate_profile', 'faker_compare')
         ORDER BY 1
    LOOP
        EXECUTE pg_catalog.format('DROP FUNCTION %s', f);
    END LOOP;
END $$;

-- include: schema/60_profile.sql
