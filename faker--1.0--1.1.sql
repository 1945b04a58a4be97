/* faker 1.0 -> 1.1: no change to SQL objects; exercises the update path. */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION faker UPDATE TO '1.1'" to load this file. \quit
