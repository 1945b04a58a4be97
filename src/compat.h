/*
 * compat.h: the one place where faker depends on the PostgreSQL version.
 *
 * faker is built with -fvisibility=hidden (Makefile), so that of its globals
 * only what PostgreSQL looks up is exported: the SQL-callable functions,
 * their pg_finfo_* records, Pg_magic_func and _PG_init.  PostgreSQL loads
 * libraries RTLD_GLOBAL; anything else exported could clash with another
 * library's symbol of the same name.
 *
 * PostgreSQL 16 and later declare the function of PG_FUNCTION_INFO_V1
 * PGDLLEXPORT themselves.  PostgreSQL 15 exports only its pg_finfo_ record,
 * so here PG_FUNCTION_INFO_V1 is defined as 16 defines it (the macro is
 * PostgreSQL's fmgr.h: Portions Copyright (c) 1996-2023, PostgreSQL Global
 * Development Group, PostgreSQL License).  Every file that uses
 * PG_FUNCTION_INFO_V1 includes this header.
 */
#ifndef FAKER_COMPAT_H
#define FAKER_COMPAT_H

#include "postgres.h"

#include "fmgr.h"

#if PG_VERSION_NUM < 160000
#undef PG_FUNCTION_INFO_V1
#define PG_FUNCTION_INFO_V1(funcname) \
extern PGDLLEXPORT Datum funcname(PG_FUNCTION_ARGS); \
extern PGDLLEXPORT const Pg_finfo_record * CppConcat(pg_finfo_,funcname)(void); \
const Pg_finfo_record * \
CppConcat(pg_finfo_,funcname) (void) \
{ \
	static const Pg_finfo_record my_finfo = { 1 }; \
	return &my_finfo; \
} \
extern int no_such_variable
#endif

#endif							/* FAKER_COMPAT_H */
