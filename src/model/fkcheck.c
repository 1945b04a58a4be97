/*
 * fkcheck.c: set-based foreign-key checks of a batch (README, "Performance").
 *
 * Where the caller could drop the table's triggers anyway (owns the table
 * or is a superuser), faker writes a batch without the per-row RI check
 * triggers of its foreign keys and checks the batch's references in one
 * statement per foreign key instead:
 *
 *   WITH k AS (SELECT DISTINCT k.* FROM ROWS FROM (pg_catalog.unnest($1), ...) AS k(c1, ...)
 *              WHERE k.c1 IS NOT NULL AND ...),
 *        l AS MATERIALIZED (SELECT p.* FROM ONLY parent p
 *              WHERE EXISTS (SELECT 1 FROM k WHERE p.k1 OPERATOR(ns.=) k.c1 AND ...)
 *              FOR KEY SHARE OF p)
 *   SELECT (SELECT pg_catalog.count(*) FROM k),
 *          (SELECT pg_catalog.count(*) FROM k WHERE EXISTS (SELECT 1 FROM l p WHERE ...)),
 *          (SELECT pg_catalog.count(*) FROM l)
 *
 * (every key must match a row: check_sql) over the foreign-key values the
 * INSERT returned, less those the call has checked already (fkknown.c) and
 * the rows the batch's own AFTER ROW triggers removed (so BEFORE triggers,
 * defaults and typmod coercions are seen), run as the referenced table's
 * owner with SECURITY_NOFORCE_RLS, as the RI trigger runs its own lookup
 * (ri_triggers.c, ri_PerformCheck), with the operators of the constraint
 * (conpfeqop).  Every referenced row is locked FOR KEY SHARE before the
 * transaction can commit, as the triggers lock it, so a concurrent DELETE
 * of a parent either waits for this transaction (and then fails, or
 * cascades, on the new children) or committed before the lock (and then the
 * key is missing here): no orphan at commit.  A missing key raises the
 * trigger's error: 23503, the same message and detail, naming the
 * constraint.
 *
 * Only faker's own INSERT loses the triggers: an ExecutorStart hook, armed
 * for the one statement (matched by the query string of faker's prepared
 * plan, and disarmed as it matches), removes from that query's
 * ResultRelInfo (its private copy of the trigger descriptor) the
 * RI_FKey_check_ins triggers of the constraints checked here.  Every other
 * trigger (BEFORE and AFTER, user and constraint triggers, deferrable
 * foreign keys), CHECK constraints, unique indexes and policies apply as
 * before.  Row mode, as before, for: faker.batch_fk_checks = off, a caller
 * who neither owns the table nor is a superuser, partitioned tables
 * written by INSERT statements (partitions get their descriptors during
 * the run; the multi-insert writer routes the rows itself and strips each
 * partition's triggers of the constraints cloned from the table's, and
 * then a disabled or deferred trigger on any partition keeps row mode),
 * tables with rules,
 * tables whose row-level security applies to the caller (RETURNING would
 * add SELECT policies); and per constraint for deferrable or MATCH FULL
 * foreign keys, keys of array or composite type, and triggers that would
 * not fire (disabled, or session_replication_role).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/table.h"
#include "access/tableam.h"
#include "catalog/pg_constraint.h"
#include "catalog/pg_trigger.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/spi_priv.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "storage/bufmgr.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/fmgroids.h"
#include "utils/guc.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/plancache.h"
#include "utils/rel.h"
#include "utils/relcache.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"

#include "compat.h"
#include "faker.h"
#include "model/fkcheck.h"
#include "model/modelpriv.h"

bool		faker_batch_fk_checks = true;

typedef struct FkCon
{
	Oid			conoid;
	char	   *conname;
	Oid			pkrelid;
	Oid			pkowner;
	char	   *pkrelname;
	int			nkeys;
	int			ret[INDEX_MAX_KEYS];	/* position in the RETURNING list */
	char	   *keynames;		/* "a, b" (the FK columns) */
	char	   *where;			/* p.k1 OPERATOR(..) k.c1 AND ... */
	char	   *unnest;			/* ROWS FROM (...) AS u(c1, ...) WHERE ... IS NOT NULL */
	char	   *pkfrom;			/* ONLY parent p */
	SPIPlanPtr	plan;
	MemoryContext plan_cxt;		/* frees PLAN when deleted */
	BlockNumber plan_blocks;	/* the parent's size when PLAN was made */
	uint64		executions;		/* of the check, in this call */
	FkKnown    *known;			/* keys checked in this call (fkknown.c), or NULL */
	uint64		checked,		/* keys sent to the statement */
				skipped;		/* keys known checked */
} FkCon;

struct FkCheck
{
	Oid			relid;
	char	   *relname;
	int			ncons;
	FkCon	   *cons;
	int			nret;
	AttrNumber	retatt[MaxHeapAttributeNumber];
	Oid			rettype[MaxHeapAttributeNumber];
	char	   *returning;		/* " RETURNING a, b" (", ctid" if WITH_CTID) */
	bool		with_ctid;		/* AFTER ROW triggers may remove rows of a batch */
	bool		stripped;		/* the last statement ran without the triggers */
};

static ExecutorStart_hook_type prev_executor_start = NULL;
static FkCheck *armed = NULL;
static const char *armed_text = NULL;

/* Would trigger T fire in this session (trigger.c, TriggerEnabled)? */
bool
FkCheckTriggerFires(Trigger *t)
{
	if (SessionReplicationRole == SESSION_REPLICATION_ROLE_REPLICA)
		return t->tgenabled == TRIGGER_FIRES_ON_REPLICA || t->tgenabled == TRIGGER_FIRES_ALWAYS;
	return t->tgenabled == TRIGGER_FIRES_ON_ORIGIN || t->tgenabled == TRIGGER_FIRES_ALWAYS;
}

/*
 * Why partition PART must keep its RI check triggers, or NULL: one of them
 * is disabled or deferred there (PartitionsReason).
 */
static const char *
partition_reason(Relation part)
{
	TriggerDesc *td = part->trigdesc;

	for (int i = 0; td && i < td->numtriggers; i++)
	{
		Trigger    *t = &td->triggers[i];

		if (t->tgfoid == F_RI_FKEY_CHECK_INS &&
			(!FkCheckTriggerFires(t) || t->tgdeferrable || t->tginitdeferred))
			return "a partition's foreign-key trigger is disabled or deferred";
	}
	return NULL;
}

/*
 * Why REL (opened) must keep its row triggers, or NULL.  A partitioned
 * table can do without them when ROUTED: its rows go to the partitions
 * through the multi-insert writer (multiinsert.c), which strips each
 * partition's triggers.
 */
static const char *
table_reason(Relation rel, bool routed)
{
	bool		partitioned = rel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE;

	if (!faker_batch_fk_checks)
		return "faker.batch_fk_checks is off";
	if (partitioned && !routed)
		return "partitioned table written by INSERT statements";
	if (rel->rd_rel->relkind != RELKIND_RELATION && !partitioned)
		return "not a plain table";
	if (!superuser() && !FakerRelationOwnerCheck(RelationGetRelid(rel), GetUserId()))
		return "caller does not own the table";
	if (rel->rd_rel->relhasrules)
		return "table has rules";
	if (check_enable_rls(RelationGetRelid(rel), InvalidOid, true) == RLS_ENABLED)
		return "row-level security applies";
	if (partitioned)
		return PartitionsReason(rel, partition_reason);
	return NULL;
}

/* Can foreign key constraint TUP be checked in batches? */
static bool
constraint_batchable(HeapTuple tup)
{
	Form_pg_constraint c = (Form_pg_constraint) GETSTRUCT(tup);

	return c->contype == CONSTRAINT_FOREIGN && c->confmatchtype == FKCONSTR_MATCH_SIMPLE && !c->condeferrable;
}

/*
 * The foreign keys of REL (opened): on a plain table, those of its RI
 * check triggers; on a partitioned table (whose partitions have the
 * triggers), its own.  Their constraint OIDs, and in *BATCHABLE whether
 * each can be checked in batches.
 */
static List *
table_foreign_keys(Relation rel, List **batchable)
{
	List	   *cons = NIL;

	*batchable = NIL;
	if (rel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE)
	{
		ListCell   *lc;

		foreach(lc, RelationGetFKeyList(rel))
		{
			ForeignKeyCacheInfo *fk = lfirst(lc);
			HeapTuple	tup = SearchSysCache1(CONSTROID, ObjectIdGetDatum(fk->conoid));

			if (!HeapTupleIsValid(tup))
				continue;
			/* one per partition of a partitioned parent, derived from the table's own: not another key */
			if (!CatalogFkDerived(fk->conoid))
			{
				cons = lappend_oid(cons, fk->conoid);
				*batchable = lappend_int(*batchable, constraint_batchable(tup));
			}
			ReleaseSysCache(tup);
		}
		return cons;
	}
	for (int i = 0; rel->trigdesc && i < rel->trigdesc->numtriggers; i++)
	{
		Trigger    *t = &rel->trigdesc->triggers[i];
		HeapTuple	tup;
		bool		ok;

		if (t->tgfoid != F_RI_FKEY_CHECK_INS)
			continue;
		tup = SearchSysCache1(CONSTROID, ObjectIdGetDatum(t->tgconstraint));
		ok = HeapTupleIsValid(tup) && FkCheckTriggerFires(t) && !t->tgdeferrable && !t->tginitdeferred &&
			constraint_batchable(tup);
		if (HeapTupleIsValid(tup))
			ReleaseSysCache(tup);
		cons = lappend_oid(cons, t->tgconstraint);
		*batchable = lappend_int(*batchable, ok);
	}
	return cons;
}

/*
 * How RELID's foreign keys are checked: "batch", "row" or "mixed", NULL if
 * it has none; *REASON says why not all in batches.  ROUTED: its rows go
 * through the multi-insert writer (FkCheckPlan).
 */
const char *
FkCheckMode(Oid relid, bool routed, const char **reason)
{
	Relation	rel = table_open(relid, AccessShareLock);
	const char *why = table_reason(rel, routed);
	List	   *batchable;
	List	   *cons = table_foreign_keys(rel, &batchable);
	int			nfk = list_length(cons),
				nbatch = 0;
	ListCell   *lc;

	foreach(lc, batchable)
		nbatch += (why == NULL && lfirst_int(lc));
	if (nfk == 0 && rel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE && PartitionForeignKeys(rel) != NIL)
	{
		/* only its partitions declare foreign keys (partfkeys.c): their own triggers check them */
		table_close(rel, AccessShareLock);
		*reason = "foreign keys declared on partitions keep their triggers";
		return "row";
	}
	table_close(rel, AccessShareLock);
	*reason = why;
	if (nfk == 0)
		return NULL;
	if (nbatch == nfk)
		return "batch";
	if (why == NULL)
		*reason = "deferrable, MATCH FULL or disabled foreign keys keep their triggers";
	return nbatch == 0 ? "row" : "mixed";
}

/* Position of attribute ATT in F's RETURNING list, added if new. */
static int
returning_pos(FkCheck *f, Relation rel, AttrNumber att)
{
	for (int i = 0; i < f->nret; i++)
		if (f->retatt[i] == att)
			return i;
	f->retatt[f->nret] = att;
	f->rettype[f->nret] = TupleDescAttr(RelationGetDescr(rel), att - 1)->atttypid;
	return f->nret++;
}

/*
 * Whether the key columns FKATTS of REL can be checked in batches: their
 * types have array types (the keys go in as arrays) and are not composite
 * or arrays themselves.
 */
static bool
keys_batchable(Relation rel, const int16 *fkatts, int nkeys)
{
	for (int k = 0; k < nkeys; k++)
	{
		Oid			t = TupleDescAttr(RelationGetDescr(rel), fkatts[k] - 1)->atttypid;

		if (!OidIsValid(get_array_type(t)) || type_is_rowtype(t) ||
			OidIsValid(get_element_type(getBaseType(t))))
			return false;
	}
	return true;
}

/*
 * The pieces of FC's check statement: key names for messages, the join
 * condition on PKREL with the constraint's equality operators OPS, and the
 * unnest of the batch's keys (rows with a NULL key column are not checked).
 */
static void
con_statements(FkCheck *f, FkCon *fc, Relation rel, Relation pkrel, const int16 *fkatts,
			   const int16 *pkatts, const Datum *ops)
{
	StringInfoData names,
				where,
				un,
				cols,
				notnull;

	initStringInfo(&names);
	initStringInfo(&where);
	initStringInfo(&un);
	initStringInfo(&cols);
	initStringInfo(&notnull);
	for (int k = 0; k < fc->nkeys; k++)
	{
		Form_pg_attribute fa = TupleDescAttr(RelationGetDescr(rel), fkatts[k] - 1);
		Form_pg_attribute pa = TupleDescAttr(RelationGetDescr(pkrel), pkatts[k] - 1);
		char	   *l = psprintf("p.%s", quote_identifier(NameStr(pa->attname)));
		char	   *r = psprintf("k.c%d", k + 1);

		fc->ret[k] = returning_pos(f, rel, fkatts[k]);
		appendStringInfo(&names, "%s%s", k ? ", " : "", NameStr(fa->attname));
		if (k)
			appendStringInfoString(&where, " AND ");
		generate_operator_clause(&where, l, pa->atttypid, DatumGetObjectId(ops[k]), r, fa->atttypid);
		appendStringInfo(&un, "%spg_catalog.unnest($%d)", k ? ", " : "", k + 1);
		appendStringInfo(&cols, "%sc%d", k ? ", " : "", k + 1);
		appendStringInfo(&notnull, "%sk.c%d IS NOT NULL", k ? " AND " : "", k + 1);
	}
	fc->keynames = names.data;
	fc->where = where.data;
	fc->unnest = psprintf("ROWS FROM (%s) AS k(%s) WHERE %s", un.data, cols.data, notnull.data);
}

/*
 * The batched foreign-key checks of table RELID (NULL: none can be):
 * one statement per foreign key whose RI trigger faker can stand in for.
 */
FkCheck *
FkCheckPlan(Oid relid, bool routed)
{
	Relation	rel = table_open(relid, AccessShareLock);
	TriggerDesc *td = rel->trigdesc;
	FkCheck    *f;
	StringInfoData ret;
	List	   *batchable;
	List	   *cons;
	ListCell   *lc,
			   *lb;

	if (table_reason(rel, routed) != NULL)
	{
		table_close(rel, AccessShareLock);
		return NULL;
	}
	cons = table_foreign_keys(rel, &batchable);
	f = palloc0(sizeof(FkCheck));
	f->relid = relid;
	f->relname = pstrdup(RelationGetRelationName(rel));
	f->cons = palloc0(sizeof(FkCon) * Max(list_length(cons), 1));
	forboth(lc, cons, lb, batchable)
	{
		Form_pg_constraint con;
		HeapTuple	tup;
		FkCon	   *fc;
		Datum		d;
		bool		isnull;
		ArrayType  *arr;
		int16	   *fkatts,
				   *pkatts;
		Datum	   *ops;
		int			nops;
		Relation	pkrel;

		if (!lfirst_int(lb))
			continue;
		tup = SearchSysCache1(CONSTROID, ObjectIdGetDatum(lfirst_oid(lc)));
		if (!HeapTupleIsValid(tup))
			continue;
		con = (Form_pg_constraint) GETSTRUCT(tup);
		fc = &f->cons[f->ncons];
		d = SysCacheGetAttr(CONSTROID, tup, Anum_pg_constraint_conkey, &isnull);
		arr = DatumGetArrayTypeP(d);
		fc->nkeys = ARR_DIMS(arr)[0];
		fkatts = (int16 *) ARR_DATA_PTR(arr);
		d = SysCacheGetAttr(CONSTROID, tup, Anum_pg_constraint_confkey, &isnull);
		pkatts = (int16 *) ARR_DATA_PTR(DatumGetArrayTypeP(d));
		d = SysCacheGetAttr(CONSTROID, tup, Anum_pg_constraint_conpfeqop, &isnull);
		deconstruct_array(DatumGetArrayTypeP(d), OIDOID, sizeof(Oid), true, TYPALIGN_INT, &ops, NULL, &nops);
		if (!keys_batchable(rel, fkatts, fc->nkeys))
		{
			ReleaseSysCache(tup);
			continue;
		}
		fc->conoid = con->oid;
		fc->conname = pstrdup(NameStr(con->conname));
		fc->pkrelid = con->confrelid;
		pkrel = table_open(fc->pkrelid, AccessShareLock);
		fc->pkowner = pkrel->rd_rel->relowner;
		fc->pkrelname = pstrdup(RelationGetRelationName(pkrel));
		fc->pkfrom = psprintf("%s%s.%s p",
							  pkrel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE ? "" : "ONLY ",
							  quote_identifier(get_namespace_name(RelationGetNamespace(pkrel))),
							  quote_identifier(fc->pkrelname));
		con_statements(f, fc, rel, pkrel, fkatts, pkatts, ops);
		{
			Oid			ktypes[INDEX_MAX_KEYS];

			for (int k = 0; k < fc->nkeys; k++)
				ktypes[k] = f->rettype[fc->ret[k]];
			fc->known = FkKnownCreate(fc->pkrelid, fc->nkeys, ktypes, pkatts, CurrentMemoryContext);
		}
		table_close(pkrel, AccessShareLock);
		ReleaseSysCache(tup);
		f->ncons++;
	}
	/* rows an AFTER ROW trigger may remove are looked up again by ctid */
	for (int i = 0; td && i < td->numtriggers; i++)
	{
		Trigger    *t = &td->triggers[i];

		if (t->tgfoid != F_RI_FKEY_CHECK_INS && TRIGGER_FOR_ROW(t->tgtype) && TRIGGER_FOR_AFTER(t->tgtype) &&
			TRIGGER_FOR_INSERT(t->tgtype))
			f->with_ctid = true;
	}
	table_close(rel, AccessShareLock);
	if (f->ncons == 0)
		return NULL;
	initStringInfo(&ret);
	appendStringInfoString(&ret, " RETURNING ");
	for (int i = 0; i < f->nret; i++)
		appendStringInfo(&ret, "%s%s", i ? ", " : "", quote_identifier(get_attname(relid, f->retatt[i], false)));
	if (f->with_ctid)
		appendStringInfoString(&ret, ", ctid");
	f->returning = ret.data;
	return f;
}

/* The RETURNING clause the INSERT of a batch needs for F's checks. */
const char *
FkCheckReturning(FkCheck *f)
{
	return f->returning;
}

/*
 * The constraint a partition's foreign key CONOID was cloned from, up to
 * the partitioned table's own (itself on a plain table).
 */
static Oid
constraint_root(Oid conoid)
{
	for (;;)
	{
		HeapTuple	tup = SearchSysCache1(CONSTROID, ObjectIdGetDatum(conoid));
		Oid			parent;

		if (!HeapTupleIsValid(tup))
			return conoid;
		parent = ((Form_pg_constraint) GETSTRUCT(tup))->conparentid;
		ReleaseSysCache(tup);
		if (!OidIsValid(parent))
			return conoid;
		conoid = parent;
	}
}

/*
 * Remove the RI check triggers of F's constraints (on a partition: the
 * triggers of the constraints cloned from them) from the descriptor of RRI.
 */
static void
strip_triggers(FkCheck *f, ResultRelInfo *rri)
{
	TriggerDesc *td = rri->ri_TrigDesc;
	int			n = 0;
	bool		after_row = false;

	for (int i = 0; i < td->numtriggers; i++)
	{
		Trigger    *t = &td->triggers[i];
		bool		drop = false;

		if (t->tgfoid == F_RI_FKEY_CHECK_INS)
		{
			Oid			root = constraint_root(t->tgconstraint);

			for (int c = 0; c < f->ncons; c++)
				drop |= root == f->cons[c].conoid;
		}
		if (drop)
			continue;
		if (n != i)
			td->triggers[n] = *t;
		if (TRIGGER_FOR_ROW(t->tgtype) && TRIGGER_FOR_AFTER(t->tgtype) && TRIGGER_FOR_INSERT(t->tgtype))
			after_row = true;
		n++;
	}
	td->numtriggers = n;
	td->trig_insert_after_row = after_row;
	f->stripped = true;
}

/*
 * ExecutorStart hook: for the INSERT FkCheckArm armed, remove the RI check
 * triggers F stands in for from the result relation.
 */
static void
fk_executor_start(QueryDesc *qd, int eflags)
{
	if (prev_executor_start)
		prev_executor_start(qd, eflags);
	else
		standard_ExecutorStart(qd, eflags);
	FkKnownNoteQuery(qd);
	if (armed != NULL && qd->sourceText == armed_text && qd->operation == CMD_INSERT &&
		!(eflags & EXEC_FLAG_EXPLAIN_ONLY))
	{
		FkCheck    *f = armed;
		ListCell   *lc;

		armed = NULL;
		armed_text = NULL;
		foreach(lc, qd->estate->es_opened_result_relations)
		{
			ResultRelInfo *rri = lfirst(lc);

			if (RelationGetRelid(rri->ri_RelationDesc) == f->relid && rri->ri_TrigDesc != NULL)
				strip_triggers(f, rri);
		}
	}
}

/* Arm the hook for the next execution of PLAN, the INSERT of F's table. */
void
FkCheckArm(FkCheck *f, SPIPlanPtr plan)
{
	CachedPlanSource *src = linitial(plan->plancache_list);

	f->stripped = false;
	armed = f;
	armed_text = src->query_string;
}

/* Disarm the hook (the INSERT ran, or failed). */
void
FkCheckDisarm(void)
{
	armed = NULL;
	armed_text = NULL;
}

/* The SQL of one constraint's check over the batch k. */
static char *
check_sql(FkCon *fc, bool missing)
{
	if (missing)
		return psprintf("SELECT k.* FROM %s AND NOT EXISTS (SELECT 1 FROM %s WHERE %s) LIMIT 1",
						fc->unnest, fc->pkfrom, fc->where);
	/*
	 * Every key of k must match a row of l (not: as many rows in l as in k;
	 * k is DISTINCT by the key type's default equality, the match is by the
	 * constraint's operators and the parent's collation, which may make two
	 * keys of k one, or one key of k match two parent rows).  l is read
	 * whole by its count, so every matching row is locked.
	 */
	return psprintf("WITH k AS (SELECT DISTINCT k.* FROM %s), "
					"l AS MATERIALIZED (SELECT p.* FROM %s WHERE EXISTS (SELECT 1 FROM k WHERE %s) FOR KEY SHARE OF p) "
					"SELECT (SELECT pg_catalog.count(*) FROM k), "
					"(SELECT pg_catalog.count(*) FROM k WHERE EXISTS (SELECT 1 FROM l p WHERE %s)), "
					"(SELECT pg_catalog.count(*) FROM l)",
					fc->unnest, fc->pkfrom, fc->where, fc->where);
}

/* Raise the RI trigger's error for FC (ri_triggers.c, ri_ReportViolation). */
static void
report_missing(FkCheck *f, FkCon *fc, Oid *types, Datum *args)
{
	char	   *detail = NULL;
	int			rc = FakerSPIExecute(check_sql(fc, true), fc->nkeys, types, args, NULL, false, 1);

	if (rc == SPI_OK_SELECT && SPI_processed == 1)
	{
		StringInfoData vals;

		initStringInfo(&vals);
		for (int k = 0; k < fc->nkeys; k++)
		{
			char	   *v = SPI_getvalue(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, k + 1);

			appendStringInfo(&vals, "%s%s", k ? ", " : "", v ? v : "null");
		}
		detail = psprintf("Key (%s)=(%s) is not present in table \"%s\".", fc->keynames, vals.data, fc->pkrelname);
	}
	ereport(ERROR,
			(errcode(ERRCODE_FOREIGN_KEY_VIOLATION),
			 errmsg("insert or update on table \"%s\" violates foreign key constraint \"%s\"",
					f->relname, fc->conname),
			 detail ? errdetail_internal("%s", detail) :
			 errdetail("Key is not present in table \"%s\".", fc->pkrelname),
			 errtableconstraint(table_open(f->relid, NoLock), fc->conname)));
}

static void check_columns(FkCheck *f, Datum **cols, bool **nulls, uint64 n,
						  MemoryContext tmp);

/*
 * A context for one batch's checks, made current: SPI returns in its
 * procedure context, so everything a check allocates goes here and is
 * deleted with it.
 */
static MemoryContext
check_context(MemoryContext caller)
{
	MemoryContext tmp = AllocSetContextCreate(caller, "faker fk check", ALLOCSET_DEFAULT_SIZES);

	MemoryContextSwitchTo(tmp);
	return tmp;
}

/*
 * Whether the row at TID of REL, just written, is no longer live (an AFTER
 * ROW trigger of its batch removed it: RI_FKey_check skips such a row, and
 * so do the batch checks).  *LIVE: a slot of REL's, made when NULL, for
 * the caller to drop.
 */
bool
FkCheckRowGone(Relation rel, ItemPointer tid, TupleTableSlot **live)
{
	if (*live == NULL)
		*live = table_slot_create(rel, NULL);
	return !table_tuple_fetch_row_version(rel, tid, SnapshotSelf, *live);
}

/*
 * Rows of the batch its AFTER ROW triggers removed (a trigger deleting a
 * parent whose children cascade away) are not checked: their keys are
 * marked NULL in NULLS.  TT's last column is the row's ctid.
 */
static void
skip_removed(FkCheck *f, SPITupleTable *tt, uint64 n, bool **nulls)
{
	Relation	rel = table_open(f->relid, AccessShareLock);
	TupleTableSlot *live = NULL;

	for (uint64 r = 0; r < n; r++)
	{
		bool		isnull;
		ItemPointer tid = (ItemPointer) DatumGetPointer(SPI_getbinval(tt->vals[r], tt->tupdesc, f->nret + 1, &isnull));

		if (FkCheckRowGone(rel, tid, &live))
			for (int j = 0; j < f->nret; j++)
				nulls[j][r] = true;
	}
	if (live)
		ExecDropSingleTupleTableSlot(live);
	table_close(rel, NoLock);
}

/*
 * Check the N rows the INSERT returned (TT), one statement per foreign
 * key; a missing parent raises 23503 as the RI trigger would.
 */
void
FkCheckBatch(FkCheck *f, SPITupleTable *tt, uint64 n)
{
	Datum	  **cols;
	bool	  **nulls;
	MemoryContext caller = CurrentMemoryContext,
				tmp;

	if (n == 0)
		return;
	tmp = check_context(caller);
	cols = palloc(sizeof(Datum *) * f->nret);
	nulls = palloc(sizeof(bool *) * f->nret);
	for (int j = 0; j < f->nret; j++)
	{
		cols[j] = palloc(sizeof(Datum) * n);
		nulls[j] = palloc(sizeof(bool) * n);
		for (uint64 r = 0; r < n; r++)
			cols[j][r] = SPI_getbinval(tt->vals[r], tt->tupdesc, j + 1, &nulls[j][r]);
	}
	if (f->with_ctid)
		skip_removed(f, tt, n, nulls);
	check_columns(f, cols, nulls, n, tmp);
	MemoryContextSwitchTo(caller);
	MemoryContextDelete(tmp);
}

/*
 * The attributes the checks read, in the order FkCheckColumns takes them
 * (the RETURNING list): their number, the attnums in *ATTS.
 */
int
FkCheckKeyAtts(FkCheck *f, const AttrNumber **atts)
{
	*atts = f->retatt;
	return f->nret;
}

/*
 * Without a statement of its own (the multi-insert writer): remove the RI
 * check triggers F stands in for from RRI, which the caller opened.
 */
void
FkCheckStrip(FkCheck *f, ResultRelInfo *rri)
{
	if (rri->ri_TrigDesc != NULL)
		strip_triggers(f, rri);
}

/*
 * Check N written rows given by column (COLS[j][r], NULLS[j][r], j in
 * FkCheckKeyAtts order), one statement per foreign key; a missing parent
 * raises 23503 as the RI trigger would.
 */
void
FkCheckColumns(FkCheck *f, Datum **cols, bool **nulls, uint64 n)
{
	MemoryContext caller = CurrentMemoryContext,
				tmp;

	if (n == 0)
		return;
	tmp = check_context(caller);
	check_columns(f, cols, nulls, n, tmp);
	MemoryContextSwitchTo(caller);
	MemoryContextDelete(tmp);
}

/*
 * The rows of COLS/NULLS FC must still check, by key column, into
 * KCOLS/KNULLS: not those with a NULL key column (MATCH SIMPLE), nor those
 * whose key this call checked already (fkknown.c).  Their number.
 */
static int
pending_keys(FkCheck *f, FkCon *fc, Datum **cols, bool **nulls, uint64 n, Datum **kcols, bool **knulls)
{
	int			npend = 0;

	if (fc->known)
		FkKnownValidate(fc->known);
	for (int k = 0; k < fc->nkeys; k++)
	{
		kcols[k] = palloc(sizeof(Datum) * n);
		knulls[k] = palloc0(sizeof(bool) * n);
	}
	for (uint64 r = 0; r < n; r++)
	{
		Datum		key[INDEX_MAX_KEYS];
		bool		anynull = false;

		for (int k = 0; k < fc->nkeys; k++)
		{
			key[k] = cols[fc->ret[k]][r];
			anynull |= nulls[fc->ret[k]][r];
		}
		if (anynull)
			continue;
		if (fc->known && FkKnownAdd(fc->known, key))
		{
			fc->skipped++;
			continue;
		}
		for (int k = 0; k < fc->nkeys; k++)
			kcols[k][npend] = key[k];
		npend++;
	}
	fc->checked += npend;
	return npend;
}

/*
 * FC's prepared check, made again once the parent has grown fourfold
 * since (a plan made on a nearly empty parent scans it whole); a
 * partitioned parent (no blocks of its own) at the 2nd, 4th, 8th...
 * execution.
 */
static SPIPlanPtr
check_plan(FkCheck *f, FkCon *fc, Oid *types, MemoryContext tmp)
{
	Relation	pkrel = table_open(fc->pkrelid, AccessShareLock);
	bool		partitioned = pkrel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE;
	BlockNumber blocks = partitioned ? 0 : RelationGetNumberOfBlocks(pkrel);

	table_close(pkrel, NoLock);
	fc->executions++;
	if (fc->plan != NULL && (partitioned ? (fc->executions & (fc->executions - 1)) != 0 :
							 blocks <= 4 * fc->plan_blocks + 8))
		return fc->plan;
	if (fc->plan_cxt != NULL)
		MemoryContextDelete(fc->plan_cxt);	/* frees the old plan */
	fc->plan_cxt = AllocSetContextCreate(GetMemoryChunkContext(f), "faker fk check plan", ALLOCSET_SMALL_SIZES);
	fc->plan = FakerSPIPrepare(check_sql(fc, false), fc->nkeys, types);
	MemoryContextSwitchTo(tmp);
	if (fc->plan == NULL)
		elog(ERROR, "faker: could not prepare the check of %s: %s", fc->conname,
			 SPI_result_code_string(SPI_result));
	/* a paused call (a streaming faker_rows or faker_pipe) reuses it */
	KeepPlanIn(fc->plan_cxt, fc->plan);
	fc->plan_blocks = blocks;
	return fc->plan;
}

/*
 * FkCheckColumns's checks, in the memory context TMP, which is current and
 * which the caller deletes: one statement per foreign key over the keys
 * not checked yet in this call, passed as arrays.
 */
static void
check_columns(FkCheck *f, Datum **cols, bool **nulls, uint64 n, MemoryContext tmp)
{
	for (int c = 0; c < f->ncons; c++)
	{
		FkCon	   *fc = &f->cons[c];
		Oid			types[INDEX_MAX_KEYS];
		Datum		args[INDEX_MAX_KEYS];
		Datum	   *kcols[INDEX_MAX_KEYS];
		bool	   *knulls[INDEX_MAX_KEYS];
		Oid			save_user;
		int			save_sec;
		int			rc;
		int64		nk,
					nl;
		bool		isnull;
		int			npend = pending_keys(f, fc, cols, nulls, n, kcols, knulls);
		int			dims[1] = {npend},
					lbs[1] = {1};

		if (npend == 0)
			continue;
		for (int k = 0; k < fc->nkeys; k++)
		{
			Oid			t = f->rettype[fc->ret[k]];
			int16		typlen;
			bool		typbyval;
			char		typalign;

			get_typlenbyvalalign(t, &typlen, &typbyval, &typalign);
			types[k] = get_array_type(t);
			args[k] = PointerGetDatum(construct_md_array(kcols[k], knulls[k], 1, dims, lbs, t,
														 typlen, typbyval, typalign));
		}
		/* as the RI trigger runs its lookup: the referenced table's owner */
		GetUserIdAndSecContext(&save_user, &save_sec);
		SetUserIdAndSecContext(fc->pkowner, save_sec | SECURITY_LOCAL_USERID_CHANGE | SECURITY_NOFORCE_RLS);
		rc = FakerSPIExecutePlan(check_plan(f, fc, types, tmp), args, NULL, false, 0);
		MemoryContextSwitchTo(tmp);
		if (rc != SPI_OK_SELECT || SPI_processed != 1)
			elog(ERROR, "faker: the check of %s failed: %s", fc->conname, SPI_result_code_string(rc));
		nk = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
		nl = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 2, &isnull));
		SPI_freetuptable(SPI_tuptable);
		if (nk != nl)
			report_missing(f, fc, types, args);
		SetUserIdAndSecContext(save_user, save_sec);
	}
}

/*
 * At the end of a call, at DEBUG1: per foreign key, how many of the rows'
 * keys were checked by a statement and how many were known checked.
 */
void
FkCheckReport(FkCheck *f)
{
	for (int c = 0; c < f->ncons; c++)
		elog(DEBUG1, "faker: foreign key %s of %s: %llu keys checked by statement, %llu known checked in this call",
			 f->cons[c].conname, f->relname, (unsigned long long) f->cons[c].checked,
			 (unsigned long long) f->cons[c].skipped);
}

/* _PG_init: the faker.batch_fk_checks setting and the ExecutorStart hook. */
void
FkCheckInit(void)
{
	DefineCustomBoolVariable("faker.batch_fk_checks",
							 "Check the foreign keys of each batch in one statement instead of per-row triggers.",
							 "Applies where the caller owns the table or is a superuser; see faker_explain.",
							 &faker_batch_fk_checks,
							 true,
							 PGC_USERSET,
							 0,
							 NULL, NULL, NULL);
	prev_executor_start = ExecutorStart_hook;
	ExecutorStart_hook = fk_executor_start;
	FkKnownInit();
}
