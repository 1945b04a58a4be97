/*
 * multiinsert.c: the COPY-style writer (README, "Performance").
 *
 * Where an INSERT statement would do nothing COPY FROM skips, a batch goes
 * to the table the way COPY FROM does it (PostgreSQL's copyfrom.c): the
 * relation opened as a result relation with its indexes, one slot per row
 * filled directly from the generated Datums (no arrays, no unnest, no
 * parse or plan per batch), the table's other columns from their DEFAULT
 * expressions (build_column_default, evaluated per row in attribute order
 * as the INSERT's target list does, so nextval() runs the same number of
 * times in the same order), stored generated columns computed, NOT NULL
 * and CHECK constraints checked (ExecConstraints), then one
 * table_multi_insert per batch, index entries per row (unique indexes
 * raise as usual; deferrable ones are queued for their recheck) and the
 * AFTER ROW triggers queued and fired at the end of the batch, as at the
 * end of an INSERT statement.  The values get the coercions the INSERT
 * would apply: a typmod's length coercion; array and composite columns
 * arrive as text (writer.c) and are cast as the INSERT's ::type(typmod).
 *
 * Privileges are checked as for the INSERT: the executor's permission check
 * (ExecCheckRTPerms, ExecCheckPermissions from 16: compat.h) on a range
 * table entry with ACL_INSERT on the inserted columns, as the current user
 * (the caller: the writer never runs as the extension's owner); a
 * read-only transaction refuses it as it refuses INSERT.  Each batch runs
 * under a fresh snapshot after a command counter increment, as SPI runs a
 * statement, and increments the counter again after it, so what the call
 * reads next sees the rows.  The batch foreign-key checks (fkcheck.c) see
 * the written key values: the RI check triggers they stand in for are left
 * out of the result relation's trigger descriptor, and the keys read back
 * from the slots.
 *
 * The table keeps the INSERT statement (writer.c's SPI path) when an
 * INSERT would do more than this: rules, views and foreign tables (not a
 * plain table), partitioned tables and partitions (routing, partition
 * constraints), row-level security that applies to the caller (policies),
 * BEFORE ROW and INSTEAD OF triggers, statement-level triggers (the INSERT
 * fires them once per batch) and transition tables; and when the setting
 * faker.multi_insert is off.  The choice is made once per table per call,
 * and faker_explain shows it ("writer").
 *
 * One difference to the row-at-a-time INSERT, shared with COPY: a batch's
 * rows are checked (NOT NULL, CHECK) before any is written, and indexed
 * after all are, so when a batch holds several kinds of violation the one
 * reported may differ.  Either way the call fails and nothing stays.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/executor.h"
#include "executor/nodeModifyTable.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "optimizer/optimizer.h"
#include "parser/parse_coerce.h"
#include "parser/parsetree.h"
#include "rewrite/rewriteHandler.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/rls.h"
#include "utils/snapmgr.h"

#include "compat.h"
#include "faker.h"
#include "model/modelpriv.h"
#include "model/multiinsert.h"

bool		faker_multi_insert = true;

/* Where an attribute's value comes from. */
typedef enum MiSource
{
	MI_NULL,					/* dropped, generated (computed later), no default */
	MI_VALUE,					/* faker's value, through EXPR if not NULL */
	MI_EXPR						/* EXPR alone: the column's DEFAULT */
} MiSource;

typedef struct MiAtt
{
	MiSource	src;
	int			inspos;			/* MI_VALUE: the column in the batch */
	Oid			ptype;			/* MI_VALUE: the type of the value ($1) */
	ExprState  *expr;
} MiAtt;

struct MultiInsert
{
	Oid			relid;
	char	   *name;
	int			natts;
	TupleDesc	desc;			/* the table's, unpinned: the slots' */
	MiAtt	   *atts;
	Bitmapset  *inserted;		/* the INSERT's columns, for the privilege check */
	ParamListInfo param;		/* $1 of the coercions */
	FkCheck    *fk;
	int			nkeys;			/* attributes the foreign-key checks read */
	const AttrNumber *keyatts;
};

/* Why REL (opened) needs the INSERT statement, or NULL. */
static const char *
table_reason(Relation rel)
{
	TriggerDesc *td = rel->trigdesc;

	if (rel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE)
		return "partitioned table";
	if (rel->rd_rel->relkind != RELKIND_RELATION)
		return "not a plain table";
	if (rel->rd_rel->relispartition)
		return "a partition (INSERT checks its partition constraint)";
	if (rel->rd_rel->relhasrules)
		return "table has rules";
	if (check_enable_rls(RelationGetRelid(rel), InvalidOid, true) == RLS_ENABLED)
		return "row-level security applies";
	for (int i = 0; td && i < td->numtriggers; i++)
	{
		Trigger    *t = &td->triggers[i];

		if (!TRIGGER_FOR_INSERT(t->tgtype))
			continue;
		if (!TRIGGER_FOR_ROW(t->tgtype))
			return "statement-level INSERT trigger";
		if (!TRIGGER_FOR_AFTER(t->tgtype))
			return "BEFORE ROW or INSTEAD OF INSERT trigger";
		if (t->tgnewtable != NULL)
			return "trigger with a transition table";
	}
	return NULL;
}

/* Why RELID's rows must go through INSERT statements, or NULL. */
const char *
MultiInsertReason(Oid relid)
{
	Relation	rel;
	const char *why;

	if (!faker_multi_insert)
		return "faker.multi_insert is off";
	rel = table_open(relid, AccessShareLock);
	why = table_reason(rel);
	table_close(rel, AccessShareLock);
	return why;
}

/*
 * The coercion an INSERT applies to faker's value of column C (type PTYPE:
 * the column's, or text for ASTEXT), as an expression over $1, or NULL if
 * the value goes in as it is.
 */
static ExprState *
value_coercion(ModelColumn *c, bool astext, Oid ptype)
{
	Param	   *p = makeNode(Param);
	Node	   *e;

	p->paramkind = PARAM_EXTERN;
	p->paramid = 1;
	p->paramtype = ptype;
	p->paramtypmod = -1;
	p->paramcollid = astext ? DEFAULT_COLLATION_OID : c->collid;
	p->location = -1;
	e = (Node *) p;
	if (astext)					/* writer.c's u.cN::type(typmod) */
		e = coerce_to_target_type(NULL, e, TEXTOID, c->typid, c->typmod,
								  COERCION_EXPLICIT, COERCE_EXPLICIT_CAST, -1);
	else if (c->typmod >= 0)	/* the INSERT's assignment to the column */
		e = coerce_to_target_type(NULL, e, c->typid, c->typid, c->typmod,
								  COERCION_ASSIGNMENT, COERCE_IMPLICIT_CAST, -1);
	if (e == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_CANNOT_COERCE),
				 errmsg("faker: cannot coerce a value to the type of column \"%s\"", c->name)));
	if (e == (Node *) p)
		return NULL;
	return ExecInitExpr(expression_planner((Expr *) e), NULL);
}

/*
 * The value of attribute ATT of REL when the INSERT omits it: its DEFAULT,
 * else NULL (coerced to a domain, whose NOT NULL or CHECK then applies, as
 * the planner's target list does); NULL when it is plainly NULL.
 */
static ExprState *
omitted_value(Relation rel, Form_pg_attribute att)
{
	Node	   *e = build_column_default(rel, att->attnum);

	if (e == NULL && getBaseType(att->atttypid) != att->atttypid)
		e = coerce_to_domain((Node *) makeNullConst(getBaseType(att->atttypid), -1, att->attcollation),
							 InvalidOid, -1, att->atttypid, COERCION_IMPLICIT, COERCE_IMPLICIT_CAST, -1, false);
	if (e == NULL)
		return NULL;
	return ExecInitExpr(expression_planner((Expr *) e), NULL);
}

/*
 * The multi-insert writer of AGG (MultiInsertReason said yes): where each
 * attribute's value comes from, the coercions and defaults prepared once.
 */
MultiInsert *
MultiInsertOpen(Aggregate *agg, const int *colidx, int nins, const bool *astext, FkCheck *fk)
{
	MultiInsert *mi = palloc0(sizeof(MultiInsert));
	Relation	rel = table_open(agg->relid, AccessShareLock);
	TupleDesc	desc = RelationGetDescr(rel);

	mi->relid = agg->relid;
	mi->name = pstrdup(RelationGetRelationName(rel));
	mi->natts = desc->natts;
	/* a copy without a reference count: slots need not pin it one by one */
	mi->desc = CreateTupleDescCopy(desc);
	mi->atts = palloc0(sizeof(MiAtt) * Max(desc->natts, 1));
	mi->param = makeParamList(1);
	mi->param->numParams = 1;
	for (int i = 0; i < desc->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(desc, i);
		MiAtt	   *a = &mi->atts[i];

		a->src = MI_NULL;
		if (att->attisdropped || att->attgenerated)
			continue;
		for (int j = 0; j < nins; j++)
		{
			ModelColumn *c = &agg->cols[colidx[j]];

			if (c->attnum != att->attnum)
				continue;
			a->src = MI_VALUE;
			a->inspos = j;
			a->ptype = astext[j] ? TEXTOID : c->typid;
			a->expr = value_coercion(c, astext[j], a->ptype);
			mi->inserted = bms_add_member(mi->inserted, att->attnum - FirstLowInvalidHeapAttributeNumber);
		}
		if (a->src == MI_NULL && (a->expr = omitted_value(rel, att)) != NULL)
			a->src = MI_EXPR;
	}
	table_close(rel, AccessShareLock);
	mi->fk = fk;
	if (fk)
		mi->nkeys = FkCheckKeyAtts(fk, &mi->keyatts);
	return mi;
}

/*
 * The executor state of one batch: REL as the result relation of a range
 * table with one INSERT entry, privileges checked as the INSERT's are, its
 * indexes open, the RI triggers the batch checks stand in for left out.
 */
static ResultRelInfo *
batch_begin(MultiInsert *mi, Relation rel, EState *estate)
{
	FakerRangeTable rt = FakerInsertRangeTable(rel, mi->inserted);
	ResultRelInfo *rri = makeNode(ResultRelInfo);

	FakerCheckPermissions(&rt);
	if (XactReadOnly && !isTempNamespace(RelationGetNamespace(rel)))
		PreventCommandIfReadOnly("INSERT");
	PreventCommandIfParallelMode("INSERT");
	FakerInitRangeTable(estate, &rt);
	ExecInitResultRelation(estate, rri, 1);
	FakerCheckValidInsertRel(rri);
	ExecOpenIndices(rri, false);
	if (mi->fk)
		FkCheckStrip(mi->fk, rri);
	estate->es_snapshot = GetActiveSnapshot();
	estate->es_output_cid = GetCurrentCommandId(true);
	return rri;
}

/*
 * Fill SLOT with row R of the batch: each attribute from faker's value,
 * its coercion or the column's DEFAULT, in attribute order.
 */
static void
fill_slot(MultiInsert *mi, TupleTableSlot *slot, ExprContext *econtext, Datum **vals, bool **nulls, int r)
{
	ExecClearTuple(slot);
	for (int i = 0; i < mi->natts; i++)
	{
		MiAtt	   *a = &mi->atts[i];

		slot->tts_values[i] = (Datum) 0;
		slot->tts_isnull[i] = true;
		if (a->src == MI_VALUE && a->expr == NULL)
		{
			slot->tts_values[i] = vals[a->inspos][r];
			slot->tts_isnull[i] = nulls[a->inspos][r];
		}
		else if (a->src != MI_NULL)
		{
			if (a->src == MI_VALUE)
			{
				mi->param->params[0].value = vals[a->inspos][r];
				mi->param->params[0].isnull = nulls[a->inspos][r];
				mi->param->params[0].pflags = PARAM_FLAG_CONST;
				mi->param->params[0].ptype = a->ptype;
			}
			slot->tts_values[i] = ExecEvalExprSwitchContext(a->expr, econtext, &slot->tts_isnull[i]);
		}
	}
	ExecStoreVirtualTuple(slot);
}

/*
 * The rows of a batch in slots, checked as the INSERT checks them:
 * generated columns computed, NOT NULL and CHECK constraints; each slot
 * materialised (its values copied out of the per-row memory).
 */
static TupleTableSlot **
make_slots(MultiInsert *mi, ResultRelInfo *rri, EState *estate, Datum **vals, bool **nulls, int count)
{
	Relation	rel = rri->ri_RelationDesc;
	TupleConstr *constr = RelationGetDescr(rel)->constr;
	ExprContext *econtext = GetPerTupleExprContext(estate);
	TupleTableSlot **slots = palloc(sizeof(TupleTableSlot *) * count);

	econtext->ecxt_param_list_info = mi->param;
	for (int r = 0; r < count; r++)
	{
		CHECK_FOR_INTERRUPTS();
		ResetPerTupleExprContext(estate);
		slots[r] = ExecAllocTableSlot(&estate->es_tupleTable, mi->desc, table_slot_callbacks(rel));
		fill_slot(mi, slots[r], econtext, vals, nulls, r);
		if (constr && constr->has_generated_stored)
			ExecComputeStoredGenerated(rri, estate, slots[r], CMD_INSERT);
		if (constr)
			ExecConstraints(rri, slots[r], estate);
		ExecMaterializeSlot(slots[r]);
	}
	ResetPerTupleExprContext(estate);
	return slots;
}

/*
 * After the batch's rows are in the table: their index entries, their
 * AFTER ROW triggers queued, and the key values the foreign-key checks
 * read (into KEYS/KEYNULLS, by FkCheckKeyAtts order).
 */
static void
index_and_queue(MultiInsert *mi, ResultRelInfo *rri, EState *estate, TupleTableSlot **slots, int count,
				Datum **keys, bool **keynulls)
{
	for (int r = 0; r < count; r++)
	{
		List	   *recheck = NIL;

		CHECK_FOR_INTERRUPTS();
		ResetPerTupleExprContext(estate);
		if (rri->ri_NumIndices > 0)
			recheck = FakerInsertIndexTuples(rri, slots[r], estate);
		ExecARInsertTriggers(estate, rri, slots[r], recheck, NULL);
		list_free(recheck);
		for (int k = 0; k < mi->nkeys; k++)
			keys[k][r] = slot_getattr(slots[r], mi->keyatts[k], &keynulls[k][r]);
	}
	ResetPerTupleExprContext(estate);
}

/*
 * Rows of the batch that its AFTER ROW triggers removed (a trigger deleting
 * a parent whose children cascade away) are not checked, as RI_FKey_check
 * skips a row that is no longer live: their keys are marked NULL in
 * KEYNULLS.  Only where AFTER ROW triggers remain to have fired.
 */
static void
skip_removed_rows(MultiInsert *mi, ResultRelInfo *rri, TupleTableSlot **slots, int count, bool **keynulls)
{
	Relation	rel = rri->ri_RelationDesc;
	TupleTableSlot *live;

	if (rri->ri_TrigDesc == NULL || !rri->ri_TrigDesc->trig_insert_after_row)
		return;
	live = table_slot_create(rel, NULL);
	for (int r = 0; r < count; r++)
		if (!table_tuple_fetch_row_version(rel, &slots[r]->tts_tid, SnapshotSelf, live))
			for (int k = 0; k < mi->nkeys; k++)
				keynulls[k][r] = true;
	ExecDropSingleTupleTableSlot(live);
}

/*
 * Write COUNT rows given by column (VALS[j][r], NULLS[j][r]): checked,
 * written with one table_multi_insert, indexed, AFTER ROW triggers fired,
 * foreign keys checked, all under a snapshot of its own as a statement.
 */
void
MultiInsertWrite(MultiInsert *mi, Datum **vals, bool **nulls, int count)
{
	Relation	rel = table_open(mi->relid, RowExclusiveLock);
	MemoryContext old = CurrentMemoryContext;
	EState	   *estate = CreateExecutorState();
	ResultRelInfo *rri;
	TupleTableSlot **slots;
	BulkInsertState bistate;
	Datum	  **keys;
	bool	  **keynulls;

	CommandCounterIncrement();
	PushCopiedSnapshot(GetTransactionSnapshot());
	UpdateActiveSnapshotCommandId();
	MemoryContextSwitchTo(estate->es_query_cxt);
	rri = batch_begin(mi, rel, estate);
	keys = palloc(sizeof(Datum *) * Max(mi->nkeys, 1));
	keynulls = palloc(sizeof(bool *) * Max(mi->nkeys, 1));
	for (int k = 0; k < mi->nkeys; k++)
	{
		keys[k] = palloc(sizeof(Datum) * count);
		keynulls[k] = palloc(sizeof(bool) * count);
	}
	AfterTriggerBeginQuery();
	slots = make_slots(mi, rri, estate, vals, nulls, count);
	bistate = GetBulkInsertState();
	table_multi_insert(rel, slots, count, estate->es_output_cid, 0, bistate);
	FreeBulkInsertState(bistate);
	index_and_queue(mi, rri, estate, slots, count, keys, keynulls);
	AfterTriggerEndQuery(estate);
	if (mi->fk)
	{
		skip_removed_rows(mi, rri, slots, count, keynulls);
		FkCheckColumns(mi->fk, keys, keynulls, count);
	}
	MemoryContextSwitchTo(old);
	ExecResetTupleTable(estate->es_tupleTable, false);
	ExecCloseResultRelations(estate);
	ExecCloseRangeTableRelations(estate);
	FreeExecutorState(estate);
	PopActiveSnapshot();
	CommandCounterIncrement();
	table_close(rel, NoLock);
}
