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
 * A partitioned table's rows are routed as COPY FROM routes them
 * (ExecSetupPartitionTupleRouting, ExecFindPartition over a
 * ModifyTableState of the writer's own): each row is made in the table's
 * layout (its DEFAULTs, as the INSERT's target list), converted to its
 * partition's, whose generated columns, NOT NULL and CHECK constraints
 * apply; one table_multi_insert per partition a batch reaches; the
 * partition's indexes and AFTER ROW triggers, the RI check triggers the
 * batch checks stand in for stripped from the partition's descriptor.
 *
 * The table keeps the INSERT statement (writer.c's SPI path) when an
 * INSERT would do more than this: rules, views and foreign tables (not a
 * plain table), a partition written directly (its partition constraint),
 * partitioned tables with a partition that is not a plain table or has a
 * BEFORE ROW trigger, row-level security that applies to the caller
 * (policies), BEFORE ROW and INSTEAD OF triggers, statement-level triggers
 * (the INSERT fires them once per batch) and transition tables; and when
 * the setting faker.multi_insert is off.  The choice is made once per table per call,
 * and faker_explain shows it ("writer").
 *
 * One difference to the row-at-a-time INSERT, shared with COPY: a batch's
 * rows are checked (NOT NULL, CHECK) before any is written, and indexed
 * after all are, so when a batch holds several kinds of violation the one
 * reported may differ.  Either way the call fails and nothing stays.
 */
#include "postgres.h"

#include "access/heapam.h"
#include "access/tupconvert.h"
#include "access/table.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_trigger.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/execPartition.h"
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
	bool		routed;			/* a partitioned table: rows routed to partitions */
};

/* Why the INSERT triggers of TD keep an INSERT statement, or NULL. */
static const char *
triggers_reason(TriggerDesc *td)
{
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

/*
 * Why partition PART keeps its partitioned table on INSERT statements, or
 * NULL (PartitionsReason): every leaf must be a plain table whose row
 * triggers a routed row can fire from here (AFTER ROW ones), as COPY FROM
 * requires for its multi-insert into partitions.
 */
static const char *
partition_reason(Relation part)
{
	const char *why;

	if (part->rd_rel->relkind == RELKIND_PARTITIONED_TABLE)
		return NULL;			/* its row triggers are its leaves' too */
	if (part->rd_rel->relkind != RELKIND_RELATION)
		return "a partition is not a plain table";
	if (part->rd_rel->relhasrules)
		return "a partition has rules";
	if ((why = triggers_reason(part->trigdesc)) != NULL)
		return psprintf("a partition has a %s", why);
	return NULL;
}

/* Why REL (opened) needs the INSERT statement, or NULL. */
static const char *
table_reason(Relation rel)
{
	const char *why;

	if (rel->rd_rel->relkind != RELKIND_RELATION && rel->rd_rel->relkind != RELKIND_PARTITIONED_TABLE)
		return "not a plain table";
	if (rel->rd_rel->relispartition)
		return "a partition (INSERT checks its partition constraint)";
	if (rel->rd_rel->relhasrules)
		return "table has rules";
	if (check_enable_rls(RelationGetRelid(rel), InvalidOid, true) == RLS_ENABLED)
		return "row-level security applies";
	if ((why = triggers_reason(rel->trigdesc)) != NULL)
		return why;
	if (rel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE)
		return PartitionsReason(rel, partition_reason);
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
	mi->routed = rel->rd_rel->relkind == RELKIND_PARTITIONED_TABLE;
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
 * Where the rows of a batch go: the table itself, or (a partitioned table)
 * the partition tuple routing picks for each row, as COPY FROM routes them.
 */
typedef struct MiPart
{
	ResultRelInfo *rri;
	TupleDesc	desc;			/* the partition's, unpinned */
	AttrNumber *keyatts;		/* the foreign-key columns' attnums in it */
} MiPart;

typedef struct MiBatch
{
	ResultRelInfo *root;
	ModifyTableState *mtstate;	/* tuple routing, or NULL */
	PartitionTupleRouting *proute;
	TupleTableSlot *rootslot;	/* a row before routing */
	MiPart	   *parts;			/* the targets met so far (the table when not routed) */
	int			nparts;
	int		   *partof;			/* per row: its target in PARTS */
	TupleTableSlot **slots;
} MiBatch;

/* The target of partition PRRI in B (added, its RI check triggers stripped, when new). */
static int
batch_part(MultiInsert *mi, MiBatch *b, ResultRelInfo *prri, EState *estate)
{
	MiPart	   *p;
	TupleConversionMap *map;

	for (int i = 0; i < b->nparts; i++)
		if (b->parts[i].rri == prri)
			return i;
	p = &b->parts[b->nparts];
	p->rri = prri;
	p->desc = CreateTupleDescCopy(RelationGetDescr(prri->ri_RelationDesc));
	p->keyatts = palloc(sizeof(AttrNumber) * Max(mi->nkeys, 1));
	map = FakerRootToPartitionMap(prri, estate);
	for (int k = 0; k < mi->nkeys; k++)
	{
		p->keyatts[k] = mi->keyatts[k];
		for (int i = 0; map && i < map->attrMap->maplen; i++)
			if (map->attrMap->attnums[i] == mi->keyatts[k])
				p->keyatts[k] = i + 1;
	}
	if (mi->fk)
		FkCheckStrip(mi->fk, prri);
	return b->nparts++;
}

/*
 * Row R of the batch in a slot of its target: filled in the table's
 * layout, then, when routed, moved to the partition tuple routing finds
 * (converted to its layout); the target's index in B into B->partof[R].
 */
static TupleTableSlot *
route_row(MultiInsert *mi, MiBatch *b, EState *estate, ExprContext *econtext, Datum **vals, bool **nulls, int r)
{
	ResultRelInfo *prri;
	TupleTableSlot *slot;
	TupleConversionMap *map;
	int			p;

	if (b->mtstate == NULL)
	{
		slot = ExecAllocTableSlot(&estate->es_tupleTable, mi->desc, table_slot_callbacks(b->root->ri_RelationDesc));
		fill_slot(mi, slot, econtext, vals, nulls, r);
		b->partof[r] = 0;
		return slot;
	}
	fill_slot(mi, b->rootslot, econtext, vals, nulls, r);
	prri = ExecFindPartition(b->mtstate, b->root, b->proute, b->rootslot, estate);
	p = batch_part(mi, b, prri, estate);
	slot = ExecAllocTableSlot(&estate->es_tupleTable, b->parts[p].desc, table_slot_callbacks(prri->ri_RelationDesc));
	map = FakerRootToPartitionMap(prri, estate);
	if (map)
		execute_attr_map_slot(map->attrMap, b->rootslot, slot);
	else
		ExecCopySlot(slot, b->rootslot);
	b->partof[r] = p;
	return slot;
}

/*
 * The rows of a batch in slots of their targets, checked as the INSERT
 * checks them: generated columns computed, NOT NULL and CHECK constraints
 * (a partition's own, as for a routed row); each slot materialised (its
 * values copied out of the per-row memory).
 */
static void
make_slots(MultiInsert *mi, MiBatch *b, EState *estate, Datum **vals, bool **nulls, int count)
{
	ExprContext *econtext = GetPerTupleExprContext(estate);

	econtext->ecxt_param_list_info = mi->param;
	for (int r = 0; r < count; r++)
	{
		ResultRelInfo *target;
		TupleConstr *constr;
		TupleTableSlot *slot;

		CHECK_FOR_INTERRUPTS();
		ResetPerTupleExprContext(estate);
		slot = route_row(mi, b, estate, econtext, vals, nulls, r);
		target = b->parts[b->partof[r]].rri;
		constr = RelationGetDescr(target->ri_RelationDesc)->constr;
		if (constr && constr->has_generated_stored)
			ExecComputeStoredGenerated(target, estate, slot, CMD_INSERT);
		if (constr)
			ExecConstraints(target, slot, estate);
		ExecMaterializeSlot(slot);
		b->slots[r] = slot;
	}
	ResetPerTupleExprContext(estate);
}

/* The batch's rows into their targets: one table_multi_insert per target. */
static void
insert_rows(MiBatch *b, EState *estate, int count)
{
	TupleTableSlot **group = palloc(sizeof(TupleTableSlot *) * count);

	for (int p = 0; p < b->nparts; p++)
	{
		Relation	rel = b->parts[p].rri->ri_RelationDesc;
		BulkInsertState bistate = GetBulkInsertState();
		int			n = 0;

		for (int r = 0; r < count; r++)
			if (b->partof[r] == p)
				group[n++] = b->slots[r];
		table_multi_insert(rel, group, n, estate->es_output_cid, 0, bistate);
		FreeBulkInsertState(bistate);
	}
}

/*
 * After the batch's rows are in their tables: their index entries, their
 * AFTER ROW triggers queued, and the key values the foreign-key checks
 * read (into KEYS/KEYNULLS, by FkCheckKeyAtts order).
 */
static void
index_and_queue(MultiInsert *mi, MiBatch *b, EState *estate, int count, Datum **keys, bool **keynulls)
{
	for (int r = 0; r < count; r++)
	{
		MiPart	   *p = &b->parts[b->partof[r]];
		List	   *recheck = NIL;

		CHECK_FOR_INTERRUPTS();
		ResetPerTupleExprContext(estate);
		if (p->rri->ri_NumIndices > 0)
			recheck = FakerInsertIndexTuples(p->rri, b->slots[r], estate);
		ExecARInsertTriggers(estate, p->rri, b->slots[r], recheck, NULL);
		list_free(recheck);
		for (int k = 0; k < mi->nkeys; k++)
			keys[k][r] = slot_getattr(b->slots[r], p->keyatts[k], &keynulls[k][r]);
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
skip_removed_rows(MultiInsert *mi, MiBatch *b, int count, bool **keynulls)
{
	TupleTableSlot **live = palloc0(sizeof(TupleTableSlot *) * b->nparts);

	for (int r = 0; r < count; r++)
	{
		ResultRelInfo *rri = b->parts[b->partof[r]].rri;

		if (rri->ri_TrigDesc == NULL || !rri->ri_TrigDesc->trig_insert_after_row)
			continue;
		if (FkCheckRowGone(rri->ri_RelationDesc, &b->slots[r]->tts_tid, &live[b->partof[r]]))
			for (int k = 0; k < mi->nkeys; k++)
				keynulls[k][r] = true;
	}
	for (int p = 0; p < b->nparts; p++)
		if (live[p])
			ExecDropSingleTupleTableSlot(live[p]);
}

/*
 * The targets of a batch into REL's result relation ROOT: the table, or
 * tuple routing over its partitions (a ModifyTableState of its own, as
 * COPY FROM sets one up).
 */
static void
batch_targets(MultiInsert *mi, MiBatch *b, Relation rel, ResultRelInfo *root, EState *estate, int count)
{
	b->root = root;
	b->partof = palloc(sizeof(int) * count);
	b->slots = palloc(sizeof(TupleTableSlot *) * count);
	b->parts = palloc0(sizeof(MiPart) * (mi->routed ? count : 1));
	if (!mi->routed)
	{
		b->parts[0].rri = root;
		b->parts[0].keyatts = (AttrNumber *) mi->keyatts;
		b->nparts = 1;
		return;
	}
	b->mtstate = makeNode(ModifyTableState);
	b->mtstate->ps.plan = NULL;
	b->mtstate->ps.state = estate;
	b->mtstate->operation = CMD_INSERT;
	b->mtstate->mt_nrels = 1;
	b->mtstate->resultRelInfo = root;
	b->mtstate->rootResultRelInfo = root;
	b->proute = ExecSetupPartitionTupleRouting(estate, rel);
	b->rootslot = ExecAllocTableSlot(&estate->es_tupleTable, mi->desc, &TTSOpsVirtual);
}

/*
 * Write COUNT rows given by column (VALS[j][r], NULLS[j][r]): checked,
 * written with one table_multi_insert per target (the table, or each
 * partition its rows are routed to), indexed, AFTER ROW triggers fired,
 * foreign keys checked, all under a snapshot of its own as a statement.
 */
void
MultiInsertWrite(MultiInsert *mi, Datum **vals, bool **nulls, int count)
{
	Relation	rel = table_open(mi->relid, RowExclusiveLock);
	MemoryContext old = CurrentMemoryContext;
	EState	   *estate = CreateExecutorState();
	MiBatch		b = {0};
	Datum	  **keys;
	bool	  **keynulls;
	uint64		gen = FkKnownGeneration();

	CommandCounterIncrement();
	PushCopiedSnapshot(GetTransactionSnapshot());
	UpdateActiveSnapshotCommandId();
	MemoryContextSwitchTo(estate->es_query_cxt);
	batch_targets(mi, &b, rel, batch_begin(mi, rel, estate), estate, count);
	keys = palloc(sizeof(Datum *) * Max(mi->nkeys, 1));
	keynulls = palloc(sizeof(bool *) * Max(mi->nkeys, 1));
	for (int k = 0; k < mi->nkeys; k++)
	{
		keys[k] = palloc(sizeof(Datum) * count);
		keynulls[k] = palloc(sizeof(bool) * count);
	}
	AfterTriggerBeginQuery();
	make_slots(mi, &b, estate, vals, nulls, count);
	insert_rows(&b, estate, count);
	index_and_queue(mi, &b, estate, count, keys, keynulls);
	AfterTriggerEndQuery(estate);
	if (mi->fk)
	{
		skip_removed_rows(mi, &b, count, keynulls);
		FkCheckColumns(mi->fk, keys, keynulls, count);
	}
	/* the rows' own keys need no check where other tables reference them */
	if (!mi->routed)
		FkKnownWritten(mi->relid, b.slots, count, gen);
	MemoryContextSwitchTo(old);
	ExecResetTupleTable(estate->es_tupleTable, false);
	if (b.proute)
		ExecCleanupTupleRouting(b.mtstate, b.proute);
	ExecCloseResultRelations(estate);
	ExecCloseRangeTableRelations(estate);
	FreeExecutorState(estate);
	PopActiveSnapshot();
	CommandCounterIncrement();
	table_close(rel, NoLock);
}
