/*
 * compat.h: the one place where faker depends on the PostgreSQL version.
 *
 * Supported: PostgreSQL 15 (built and tested); 16, 17 and 18 are written
 * against those releases' headers but not built or tested here (this
 * machine has PostgreSQL 15 only).  Every PG_VERSION_NUM test of the code is
 * in this file: a call whose signature or name differs between releases
 * goes through a small wrapper below, each with a comment naming the
 * release that changed it and the header that declares it, and the call
 * sites use the wrapper.
 *
 * Symbol visibility.  faker is built with -fvisibility=hidden (Makefile),
 * so that of its globals only what PostgreSQL looks up is exported: the
 * SQL-callable functions, their pg_finfo_* records, Pg_magic_func and
 * _PG_init.  PostgreSQL loads libraries RTLD_GLOBAL; anything else exported
 * could clash with another library's symbol of the same name.
 *
 * PostgreSQL 16 and later declare the function of PG_FUNCTION_INFO_V1
 * PGDLLEXPORT themselves.  PostgreSQL 15 exports only its pg_finfo_ record,
 * so here PG_FUNCTION_INFO_V1 is defined as 16 defines it (the macro is
 * PostgreSQL's fmgr.h: Portions Copyright (c) 1996-2023, PostgreSQL Global
 * Development Group, PostgreSQL License).  Every file that uses
 * PG_FUNCTION_INFO_V1 includes this header.
 *
 * Not wrapped, because the released headers agree: the ExecutorStart hook
 * (executor/executor.h) returns void in 15 to 18 -- 18beta1 alone had it
 * return bool, a change reverted before 18.0 -- and pg_class_aclcheck and
 * pg_attribute_aclcheck (utils/acl.h) keep their 15 signatures in 16 to 18
 * beside the new object_aclcheck.
 */
#ifndef FAKER_COMPAT_H
#define FAKER_COMPAT_H

#include "postgres.h"

#include "catalog/pg_class.h"
#include "executor/executor.h"
#include "fmgr.h"
#include "nodes/parsenodes.h"
#include "utils/acl.h"
#include "utils/regproc.h"
#include "utils/rel.h"

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


/*
 * A function that does not return (an error reporter), written before the
 * declaration: "extern FAKER_NORETURN void f(...);".  18 spells it
 * pg_noreturn, a function specifier before the declaration, in c.h, and no
 * longer has the pg_attribute_noreturn() that 15 to 17 put after it (c.h of
 * 15); with gcc and clang that one is __attribute__((noreturn)), which may
 * stand in front as well.
 */
#if PG_VERSION_NUM >= 180000
#define FAKER_NORETURN pg_noreturn
#elif defined(__GNUC__)
#define FAKER_NORETURN __attribute__((noreturn))
#else
#define FAKER_NORETURN
#endif

/*
 * Whether role ROLEID owns relation RELID.  16 replaced pg_class_ownercheck
 * and the other pg_*_ownercheck functions with object_ownercheck(classid,
 * objectid, roleid) (utils/acl.h of 16).
 */
static inline bool
FakerRelationOwnerCheck(Oid relid, Oid roleid)
{
#if PG_VERSION_NUM >= 160000
	return object_ownercheck(RelationRelationId, relid, roleid);
#else
	return pg_class_ownercheck(relid, roleid);
#endif
}

/*
 * The names of the dotted, possibly quoted name STRING (errors raised as
 * in 15).  16 added the soft-error context ESCONTEXT to
 * stringToQualifiedNameList (utils/regproc.h of 16); NULL raises them.
 */
static inline List *
FakerQualifiedNameList(const char *string)
{
#if PG_VERSION_NUM >= 160000
	return stringToQualifiedNameList(string, NULL);
#else
	return stringToQualifiedNameList(string);
#endif
}

/* A range table and, from 16, its permission list (FakerInsertRangeTable). */
typedef struct FakerRangeTable
{
	List	   *rtable;
	List	   *perminfos;
} FakerRangeTable;

/*
 * The range table of one INSERT into REL: one RTE_RELATION entry that needs
 * ACL_INSERT on the columns INSERTED (attnums offset by
 * FirstLowInvalidHeapAttributeNumber), checked as the current user.  16
 * moved requiredPerms, checkAsUser and insertedCols out of RangeTblEntry
 * into an RTEPermissionInfo, found by the entry's perminfoindex
 * (nodes/parsenodes.h of 16): PERMINFOS holds it there, and stays NIL in 15.
 */
static inline FakerRangeTable
FakerInsertRangeTable(Relation rel, Bitmapset *inserted)
{
	RangeTblEntry *rte = makeNode(RangeTblEntry);
	FakerRangeTable rt;

	rte->rtekind = RTE_RELATION;
	rte->relid = RelationGetRelid(rel);
	rte->relkind = rel->rd_rel->relkind;
	rte->rellockmode = RowExclusiveLock;
	rte->inFromCl = false;
#if PG_VERSION_NUM >= 160000
	{
		RTEPermissionInfo *perm = makeNode(RTEPermissionInfo);

		perm->relid = RelationGetRelid(rel);
		perm->inh = false;
		perm->requiredPerms = ACL_INSERT;
		perm->checkAsUser = InvalidOid; /* the current user: the caller */
		perm->insertedCols = bms_copy(inserted);
		rte->perminfoindex = 1;
		rt.perminfos = list_make1(perm);
	}
#else
	rte->requiredPerms = ACL_INSERT;
	rte->checkAsUser = InvalidOid;	/* the current user: the caller */
	rte->insertedCols = bms_copy(inserted);
	rt.perminfos = NIL;
#endif
	rt.rtable = list_make1(rte);
	return rt;
}

/*
 * Check RT's privileges as the executor checks a statement's, raising the
 * error an INSERT would.  16 renamed ExecCheckRTPerms to
 * ExecCheckPermissions and gave it the permission list (executor/executor.h
 * of 16).
 */
static inline void
FakerCheckPermissions(FakerRangeTable *rt)
{
#if PG_VERSION_NUM >= 160000
	(void) ExecCheckPermissions(rt->rtable, rt->perminfos, true);
#else
	(void) ExecCheckRTPerms(rt->rtable, true);
#endif
}

/*
 * Install RT as ESTATE's range table.  16 added the permission list to
 * ExecInitRangeTable (executor/executor.h of 16); 18 added the range table
 * indexes that are not pruned (executor/executor.h of 18), here the one
 * entry.
 */
static inline void
FakerInitRangeTable(EState *estate, FakerRangeTable *rt)
{
#if PG_VERSION_NUM >= 180000
	ExecInitRangeTable(estate, rt->rtable, rt->perminfos, bms_make_singleton(1));
#elif PG_VERSION_NUM >= 160000
	ExecInitRangeTable(estate, rt->rtable, rt->perminfos);
#else
	ExecInitRangeTable(estate, rt->rtable);
#endif
}

/*
 * The map from a partitioned table's rows to partition RRI's (NULL: the
 * same layout), set up by tuple routing.  16 made it lazy,
 * ExecGetRootToChildMap (executor/executor.h of 16).
 */
static inline TupleConversionMap *
FakerRootToPartitionMap(ResultRelInfo *rri, EState *estate)
{
#if PG_VERSION_NUM >= 160000
	return ExecGetRootToChildMap(rri, estate);
#else
	return rri->ri_RootToPartitionMap;
#endif
}

/*
 * Check that RRI's relation can take an INSERT (CheckValidResultRel).  17
 * added the MERGE actions (NIL here) and 18 the ON CONFLICT action
 * (ONCONFLICT_NONE) (executor/executor.h of 17 and 18).
 */
static inline void
FakerCheckValidInsertRel(ResultRelInfo *rri)
{
#if PG_VERSION_NUM >= 180000
	CheckValidResultRel(rri, CMD_INSERT, ONCONFLICT_NONE, NIL);
#elif PG_VERSION_NUM >= 170000
	CheckValidResultRel(rri, CMD_INSERT, NIL);
#else
	CheckValidResultRel(rri, CMD_INSERT);
#endif
}

/*
 * The index entries of the row in SLOT, inserted as a plain INSERT inserts
 * them (no ON CONFLICT): the list of the deferred unique indexes to
 * recheck.  16 added onlySummarizing (false: every index) to
 * ExecInsertIndexTuples (executor/executor.h of 16).
 */
static inline List *
FakerInsertIndexTuples(ResultRelInfo *rri, TupleTableSlot *slot, EState *estate)
{
#if PG_VERSION_NUM >= 160000
	return ExecInsertIndexTuples(rri, slot, estate, false, false, NULL, NIL, false);
#else
	return ExecInsertIndexTuples(rri, slot, estate, false, false, NULL, NIL);
#endif
}

#endif							/* FAKER_COMPAT_H */
