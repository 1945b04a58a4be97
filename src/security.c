/*
 * security.c: the owner switch, trusted definitions, qualified operators.
 * The model is described in security.h.
 */
#include "postgres.h"

#include "access/genam.h"
#include "access/htup_details.h"
#include "access/stratnum.h"
#include "access/table.h"
#include "catalog/indexing.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_operator.h"
#include "commands/extension.h"
#include "miscadmin.h"
#include "utils/acl.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "compat.h"
#include "security.h"

/* The OID of the faker extension (ERROR if it is not installed). */
Oid
FakerExtensionOid(void)
{
	return get_extension_oid("faker", false);
}

/* pg_extension.extowner of faker (no syscache covers pg_extension). */
Oid
FakerExtensionOwner(void)
{
	Oid			extoid = FakerExtensionOid();
	Relation	rel = table_open(ExtensionRelationId, AccessShareLock);
	ScanKeyData key;
	SysScanDesc scan;
	HeapTuple	tup;
	Oid			owner = InvalidOid;

	ScanKeyInit(&key, Anum_pg_extension_oid, BTEqualStrategyNumber, F_OIDEQ,
				ObjectIdGetDatum(extoid));
	scan = systable_beginscan(rel, ExtensionOidIndexId, true, NULL, 1, &key);
	tup = systable_getnext(scan);
	if (HeapTupleIsValid(tup))
		owner = ((Form_pg_extension) GETSTRUCT(tup))->extowner;
	systable_endscan(scan);
	table_close(rel, AccessShareLock);
	if (!OidIsValid(owner))
		elog(ERROR, "faker: extension owner not found");
	return owner;
}

/*
 * Become the extension's owner for statements on faker's own tables, as
 * VACUUM or REFRESH MATERIALIZED VIEW become the table's owner: restricted
 * (no SET ROLE, no temporary objects) and with a search_path that no other
 * role can put objects on.  An error in between is undone by the
 * (sub)transaction's abort, which restores both.
 */
void
FakerOwnerEnter(FakerOwnerScope *s)
{
	GetUserIdAndSecContext(&s->save_userid, &s->save_sec_context);
	SetUserIdAndSecContext(FakerExtensionOwner(),
						   s->save_sec_context | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	s->save_nestlevel = NewGUCNestLevel();
	(void) set_config_option("search_path", "pg_catalog, pg_temp", PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
	s->active = true;
}

/*
 * Leave the extension owner's context FakerOwnerEnter set up: restore the
 * caller's user, security context and settings.
 */
void
FakerOwnerExit(FakerOwnerScope *s)
{
	if (!s->active)
		return;
	AtEOXact_GUC(false, s->save_nestlevel);
	SetUserIdAndSecContext(s->save_userid, s->save_sec_context);
	s->active = false;
}

/*
 * The schema-qualified operator, OPERATOR(schema.op), that compares LTYPE
 * with RTYPE by STRATEGY (a btree strategy; 0 for <>) in the type's default
 * btree operator family, so that generated SQL does not depend on the
 * search_path.
 */
char *
FakerSqlOperator(Oid ltype, Oid rtype, int strategy)
{
	Oid			lbase = getBaseType(ltype);
	Oid			rbase = getBaseType(rtype);
	TypeCacheEntry *tc = lookup_type_cache(lbase, TYPECACHE_BTREE_OPFAMILY | TYPECACHE_EQ_OPR);
	Oid			opno = InvalidOid;
	HeapTuple	tup;
	Form_pg_operator op;
	char	   *result;

	if (OidIsValid(tc->btree_opf))
		opno = get_opfamily_member(tc->btree_opf, tc->btree_opintype, rbase == lbase ? tc->btree_opintype : rbase,
								   strategy == 0 ? BTEqualStrategyNumber : strategy);
	if (!OidIsValid(opno) && (strategy == 0 || strategy == BTEqualStrategyNumber) && rbase == lbase)
		opno = tc->eq_opr;
	if (OidIsValid(opno) && strategy == 0)
		opno = get_negator(opno);
	if (!OidIsValid(opno))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_FUNCTION),
				 errmsg("no %s operator for types %s and %s",
						strategy == 0 ? "<>" : strategy == BTEqualStrategyNumber ? "=" : "ordering",
						format_type_be(ltype), format_type_be(rtype)),
				 errhint("faker compares values with the operators of the type's default btree operator class.")));
	tup = SearchSysCache1(OPEROID, ObjectIdGetDatum(opno));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for operator %u", opno);
	op = (Form_pg_operator) GETSTRUCT(tup);
	result = psprintf("OPERATOR(%s.%s)", quote_identifier(get_namespace_name(op->oprnamespace)),
					  NameStr(op->oprname));
	ReleaseSysCache(tup);
	return result;
}

/*
 * ERROR unless the current user may SELECT the N columns ATTNUMS of RELID
 * (the table, or each column), as a query reading them would require.
 */
void
FakerCheckSelect(Oid relid, const int16 *attnums, int n)
{
	Oid			user = GetUserId();

	if (pg_class_aclcheck(relid, user, ACL_SELECT) == ACLCHECK_OK)
		return;
	for (int i = 0; i < n; i++)
		if (pg_attribute_aclcheck(relid, attnums[i], user, ACL_SELECT) != ACLCHECK_OK)
			ereport(ERROR,
					(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
					 errmsg("permission denied for table %s", get_rel_name(relid)),
					 errdetail("faker reuses rows of %s by their key, which needs SELECT on column \"%s\".",
							   get_rel_name(relid), get_attname(relid, attnums[i], false)),
					 errhint("GRANT SELECT (%s) ON %s TO %s.", get_attname(relid, attnums[i], false),
							 get_rel_name(relid), GetUserNameFromId(user, false))));
}

/*
 * A definition stored by role OWNER is used in a call by the current user
 * only if OWNER gains nothing by it: OWNER is the caller, has every
 * privilege of the caller already (a superuser, or a member of the caller's
 * role), or owns table RELID (whose triggers run in the caller's INSERT
 * anyway; InvalidOid when the definition, not the caller, chose the table).
 */
bool
FakerTrustsRole(Oid owner, Oid relid)
{
	Oid			user = GetUserId();

	if (owner == user || has_privs_of_role(owner, user))
		return true;
	if (!OidIsValid(relid))
		return false;
	return FakerRelationOwnerCheck(relid, owner);
}
