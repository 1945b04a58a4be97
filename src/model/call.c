/*
 * call.c: the life of a call (faker_populate, faker_rows, faker_pipe): lock
 * the tables, plan the distributors from the rows expected, open pools and
 * writers, make rows, flush, save counters, report.
 */
#include "postgres.h"

#include <math.h>

#include "access/table.h"
#include "catalog/pg_type.h"
#include "executor/executor.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "optimizer/optimizer.h"
#include "rewrite/rewriteHandler.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "faker.h"
#include "model/engine.h"
#include "model/expr.h"
#include "model/uniques.h"
#include "security.h"

/* Expected rows per aggregate from BASE rows of each (plans distributors). */
static void
plan_expected(FakerPlan *plan, const double *base)
{
	for (int iter = 0; iter <= plan->n; iter++)
	{
		for (int i = 0; i < plan->n; i++)
			plan->aggs[i]->mark = 0;
		for (int i = 0; i < plan->n; i++)
			plan->aggs[i]->expected = base[i];
		for (int i = plan->n - 1; i >= 0; i--)
		{
			Aggregate  *a = plan->aggs[i];

			for (int r = 0; r < a->nrefs; r++)
			{
				ModelRef   *ref = &a->refs[r];

				ref->planned = a->expected;
				if (!ref->back_edge && !ref->implied)
					ref->parent->expected += a->expected * (1 - ref->spec.null_weight) / ref->spec.mean;
			}
			for (int c = 0; c < a->nchildren; c++)
				a->children[c].child->expected += a->expected * FakerO2MMean(a->children[c].o2m);
		}
	}
}

/* Read a scalar bigint with SPI. */
int64
ModelSPIInt8(const char *sql, int nargs, Oid *types, Datum *args)
{
	bool		isnull;
	Datum		d;

	MemoryContext cxt = CurrentMemoryContext;

	if (FakerSPIExecute(sql, nargs, types, args, NULL, false, 1) < 0 || SPI_processed != 1)
		elog(ERROR, "faker: \"%s\" failed", sql);
	MemoryContextSwitchTo(cxt);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return isnull ? 0 : DatumGetInt64(d);
}

/* The shard of the next CallBegin (CallSetShard), then of the call. */
static int	next_shard = 0,
			next_shards = 1;

/* The next call is shard SHARD of SHARDS (shard.c); 0 of 1 is not sharded. */
void
CallSetShard(int shard, int shards)
{
	next_shard = shard;
	next_shards = shards;
}

/*
 * The sequence counter of column C of A, from faker.sequence (as the owner).
 * Shard k of m counts in its own row of faker.sequence (scope "<scope>/k:m",
 * from start + k, step m): shards never wait on each other's counter and
 * never make the same value.
 */
static void
sequence_shard(FakerPlan *plan, ModelColumn *c)
{
	if (plan->shards > 1)
	{
		int64		step = c->seq_step ? c->seq_step : 1;

		/* shard k of m takes start + k*step, then every m-th value */
		c->seq_scope = psprintf("%s/%d:%d", c->seq_scope, plan->shard, plan->shards);
		c->seq_start += plan->shard * step;
		c->seq_step = step * plan->shards;
	}
}

/*
 * A faker sequence's counter, in faker.sequence: created at its start if
 * new, and locked FOR UPDATE until the call's transaction ends.
 */
static void
sequence_open(FakerPlan *plan, ModelColumn *c)
{
	c->seq_next = ModelCounterOpen(c->seq_scope, c->seq_start);
}

/*
 * A counter of faker.sequence (SCOPE), made with INITIAL if new, read and
 * locked FOR UPDATE until the transaction ends; as the owner.  Sequences
 * and the streams of exact columns (exact.c) keep theirs there.
 */
int64
ModelCounterOpen(const char *scope, int64 initial)
{
	Oid			types[2] = {TEXTOID, INT8OID};
	Datum		args[2] = {CStringGetTextDatum(scope), Int64GetDatum(initial)};
	FakerOwnerScope owner;
	int64		v;

	FakerOwnerEnter(&owner);
	FakerSPIExecute("INSERT INTO faker.sequence (scope, next) VALUES ($1, $2) ON CONFLICT DO NOTHING",
					2, types, args, NULL, false, 0);
	v = ModelSPIInt8("SELECT next FROM faker.sequence WHERE scope OPERATOR(pg_catalog.=) $1 FOR UPDATE",
					 1, types, args);
	FakerOwnerExit(&owner);
	return v;
}

/* Save counter SCOPE of faker.sequence (opened by ModelCounterOpen) as VALUE. */
void
ModelCounterSave(const char *scope, int64 value)
{
	Oid			types[2] = {TEXTOID, INT8OID};
	Datum		args[2] = {CStringGetTextDatum(scope), Int64GetDatum(value)};
	FakerOwnerScope owner;

	FakerOwnerEnter(&owner);
	FakerSPIExecute("UPDATE faker.sequence SET next = $2 WHERE scope OPERATOR(pg_catalog.=) $1",
					2, types, args, NULL, false, 0);
	FakerOwnerExit(&owner);
}

/*
 * The values of unique column C already in A's table count as used;
 * returns how many there are.
 */
static int64
unique_seen(Aggregate *a, ModelColumn *c)
{
	Portal		p = FakerSPICursorOpen(psprintf("SELECT %s FROM %s",
															  quote_identifier(c->name), a->qualname),
											  0, NULL, NULL, NULL, false);
	int64		n = 0;

	for (;;)
	{
		FakerSPIFetch(p, true, 10000);
		if (SPI_processed == 0)
			break;
		for (uint64 t = 0; t < SPI_processed; t++)
		{
			bool		isnull;
			Datum		d = SPI_getbinval(SPI_tuptable->vals[t], SPI_tuptable->tupdesc, 1, &isnull);

			if (!isnull)
			{
				if (HashSetAdd(a->seen, ColumnHash(c, d) ^ (uint64) c->attnum))
					c->nexisting++;
				n++;
			}
		}
		SPI_freetuptable(SPI_tuptable);
		CHECK_FOR_INTERRUPTS();
	}
	SPI_cursor_close(p);
	return n;
}

/*
 * Per-call state of column C of A: its stream, a key DEFAULT faker
 * evaluates itself (so children can reference the row before it is
 * written; not where the database sets the key, DB_KEY: returning.c), its
 * reuse distributor, counters, the values a unique column has.
 */
static void
column_open(FakerPlan *plan, Aggregate *a, Relation rel, ModelColumn *c, bool is_key, bool db_key)
{
	FakerRngInitStream(&c->rng, plan->seed, a->name, c->name);
	ExactOpen(plan, a, c);
	if (c->kind == COL_DEFAULT && !db_key &&
		(is_key || c->evaldefault || (a == plan->target && plan->sinkdesc)))
	{
		Node	   *expr = build_column_default(rel, c->attnum);

		if (expr == NULL)		/* e.g. an identity column of faker_rows */
			expr = (Node *) makeNullConst(c->typid, c->typmod, InvalidOid);
		c->kind = COL_KEYDEFAULT;
		c->defexpr = ExecPrepareExpr(expression_planner((Expr *) expr), plan->estate);
	}
	if (c->reuse)
		ReuseOpen(plan, a, c);	/* persisted: planned over every call (uses.c) */
	if (c->kind == COL_SERIAL_INT && plan->shards > 1)
	{
		/*
		 * shard k of m: the values v = k + 1 (mod m), after the largest such
		 * value in the table (other shards' rows are in other classes, so
		 * the start does not depend on how far they are)
		 */
		c->seq_step = plan->shards;
		c->seq_next = ModelSPIInt8(psprintf("SELECT COALESCE(pg_catalog.max(%s::pg_catalog.int8) OPERATOR(pg_catalog.+) %d, %d) "
										"FROM %s WHERE pg_catalog.mod(%s::pg_catalog.int8 OPERATOR(pg_catalog.-) %d, %d) "
										"OPERATOR(pg_catalog.=) 0",
										quote_identifier(c->name), plan->shards, plan->shard + 1, a->qualname,
										quote_identifier(c->name), plan->shard + 1, plan->shards), 0, NULL, NULL);
	}
	else if (c->kind == COL_SERIAL_INT)
	{
		c->seq_step = 1;
		c->seq_next = ModelSPIInt8(psprintf("SELECT COALESCE(pg_catalog.max(%s)::pg_catalog.int8, 0) "
										"OPERATOR(pg_catalog.+) 1 FROM %s",
										quote_identifier(c->name), a->qualname), 0, NULL, NULL);
	}
	if (c->kind == COL_SEQ && c->prov == NULL)
	{
		sequence_shard(plan, c);
		sequence_open(plan, c);
	}
	if (c->prov)
		ProviderOpen(plan, a, c);
	c->nexisting = 0;
	if (c->unique && (c->kind == COL_GEN || c->kind == COL_EXPR))
	{
		int64		existing = unique_seen(a, c);

		if (c->code_len > 0 && c->kind == COL_GEN)
			CodesOpen(plan, a, c, existing);
	}
}

/* Per-call state of aggregate A: streams, columns, pool (read if READ), writer. */
static void
aggregate_open(FakerPlan *plan, Aggregate *a, bool read)
{
	Relation	rel = table_open(a->relid, AccessShareLock);

	a->seen = HashSetCreate(CurrentMemoryContext);
	a->filters = NIL;
	FakerRngInitStream(&a->crit_rng, plan->seed, a->name, "criteria");
	/* keys others need now, which the database sets: read back (returning.c) */
	a->keys_returned = read && !(a == plan->target && plan->sinkdesc) ? ReturningReason(a) : NULL;
	for (int j = 0; j < a->ncols; j++)
	{
		bool		is_key = false;

		for (int k = 0; k < a->nkeys; k++)
			is_key |= a->keycol[k] == j;
		column_open(plan, a, rel, &a->cols[j], is_key || ProviderNeedsColumn(a, j),
					is_key && a->keys_returned != NULL);
	}
	table_close(rel, AccessShareLock);
	UniquesOpen(plan, a);
	PoolOpen(plan, a, read);
	WriterInit(a);
	for (int c = 0; c < a->nchildren; c++)
		FakerRngInitStream(&a->children[c].rng, plan->seed, a->name,
						   psprintf("children.%s", a->children[c].name));
}

/* Is AGG's pool read in PLAN: does something in the plan reference it? */
bool
PlanReadsPool(FakerPlan *plan, Aggregate *agg)
{
	if (agg->force_read)
		return true;
	for (int i = 0; i < plan->n; i++)
		for (int r = 0; r < plan->aggs[i]->nrefs; r++)
			if (plan->aggs[i]->refs[r].parent == agg)
				return true;
	return false;
}

/* Per-call state of every aggregate: streams, distributors, keys, pools. */
static void
prepare_call(FakerPlan *plan)
{
	plan->estate = CreateExecutorState();
	for (int i = 0; i < plan->n; i++)
		aggregate_open(plan, plan->aggs[i], PlanReadsPool(plan, plan->aggs[i]));
	for (int i = 0; i < plan->n; i++)
		for (int r = 0; r < plan->aggs[i]->nrefs; r++)
		{
			ModelRef   *ref = &plan->aggs[i]->refs[r];

			FakerRngInitStream(&ref->rng, plan->seed, plan->aggs[i]->name, ref->name);
			ref->filter = NULL;
			ref->lookup = NULL;
			/* planned toward the end state, from the uses each parent has (uses.c) */
			ref->uses = UsesOpen(plan, ref->parent, psprintf("c%u", ref->conoid), plan->aggs[i], ref);
			ref->m2o = UsesReader(ref->uses, &ref->spec, ref->parent->pool.n, ref->planned);
		}
}

/* Save the sequence counters for the next call. */
static void
finish_call(FakerPlan *plan)
{
	for (int i = 0; i < plan->n; i++)
		for (int j = 0; j < plan->aggs[i]->ncols; j++)
		{
			ModelColumn *c = &plan->aggs[i]->cols[j];

			if (c->exact)
				ExactFinish(c);
			if (c->prov)
				ProviderFinish(plan, plan->aggs[i], c);
			else if (c->kind == COL_SEQ)
			{
				ModelCounterSave(c->seq_scope, c->seq_next);
			}
		}
}

/*
 * Serialise calls that write the same tables: one row per table in
 * faker.lock, updated by every call that writes faker's state of the
 * table, in OID order (no deadlock), held until the transaction ends.
 * Under READ COMMITTED a second call waits, then sees the first one's rows
 * and pool entries; under REPEATABLE READ or SERIALIZABLE it fails with a
 * serialization error (40001) if the first one committed after its
 * snapshot was taken, and a retry succeeds.
 */
static void
lock_aggregates(FakerPlan *plan)
{
	Oid		   *relids = palloc(sizeof(Oid) * plan->n);
	FakerOwnerScope owner;

	for (int i = 0; i < plan->n; i++)
		relids[i] = plan->aggs[i]->relid;
	for (int i = 0; i < plan->n; i++)
		for (int j = i + 1; j < plan->n; j++)
			if (relids[j] < relids[i])
			{
				Oid			t = relids[i];

				relids[i] = relids[j];
				relids[j] = t;
			}
	FakerOwnerEnter(&owner);
	for (int i = 0; i < plan->n; i++)
	{
		Oid			types[1] = {OIDOID};
		Datum		args[1] = {ObjectIdGetDatum(relids[i])};

		if (i > 0 && relids[i] == relids[i - 1])
			continue;
		if (FakerSPIExecute("INSERT INTO faker.lock AS l (relation) VALUES ($1) ON CONFLICT (relation) "
								  "DO UPDATE SET version = l.version OPERATOR(pg_catalog.+) 1",
								  1, types, args, NULL, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "faker: could not lock the tables of the call");
	}
	FakerOwnerExit(&owner);
}

/*
 * Must the call hold its locks from its start?  When it reads state that
 * it then writes back and that concurrent calls must not share: sequence
 * counters and the positions of exact columns' streams (exact.c), numbered
 * keys (max + 1), unique values and one-to-one parents checked against
 * what is there, plain-column reuse pools (positions).
 * Otherwise the call only reads pools and uses until it creates a row
 * that goes into a pool, and takes the locks then (CallLock): calls that
 * only reuse never wait on each other.
 */
static bool
call_locks_early(FakerPlan *plan)
{
	for (int i = 0; i < plan->n; i++)
	{
		Aggregate  *a = plan->aggs[i];

		if (a->nuactive > 0)
			return true;
		for (int j = 0; j < a->ncols; j++)
		{
			ModelColumn *c = &a->cols[j];

			if (c->reuse || c->prov || c->exact || c->kind == COL_SEQ || c->kind == COL_SERIAL_INT ||
				(c->unique && (c->kind == COL_GEN || c->kind == COL_EXPR)))
				return true;
		}
	}
	return false;
}

/*
 * Take the call's locks now if it does not hold them (before its first
 * write to a pool), then read what other calls added to the pools it has
 * open since it read them: the entries it appends go after those.
 */
void
CallLock(FakerPlan *plan)
{
	if (plan->locked || plan->shards > 1)
		return;
	plan->locked = true;
	lock_aggregates(plan);
	for (int i = 0; i < plan->n; i++)
		PoolCatchUp(plan, plan->aggs[i]);
}

/*
 * Start a call: plan NAMES (the first is the target), lock, plan the
 * distributors from BASE[name] expected rows, load pools, prepare writers.
 */
FakerPlan *
CallBegin(List *names, uint64 seed, const double *base, const char *what, int64 total,
		  TupleDesc sinkdesc, bool read_named)
{
	MemoryContext outer = CurrentMemoryContext;
	MemoryContext cxt = AllocSetContextCreate(outer, "faker call", ALLOCSET_DEFAULT_SIZES);
	FakerPlan  *plan;
	double	   *expected;
	ListCell   *lc;
	int			k = 0;

	SPI_connect();
	MemoryContextSwitchTo(cxt);
	plan = PlanBuildMany(names);
	plan->outer = outer;
	plan->seed = seed;
	plan->rc = palloc0(sizeof(RowCtx));
	plan->rc->plan = plan;
	plan->shard = next_shard;
	plan->shards = next_shards;
	next_shard = 0;
	next_shards = 1;
	/* shards of one fill do not wait on each other (shard.c) */
	if (plan->shards <= 1 && call_locks_early(plan))
		CallLock(plan);
	expected = palloc0(sizeof(double) * plan->n);
	foreach(lc, names)
	{
		for (int i = 0; i < plan->n; i++)
			if (strcmp(plan->aggs[i]->name, (char *) lfirst(lc)) == 0 ||
				(k == 0 && plan->aggs[i] == plan->target))
			{
				expected[i] += base[k];
				plan->aggs[i]->force_read = read_named;
				break;
			}
		k++;
	}
	plan_expected(plan, expected);
	plan->sinkdesc = sinkdesc;
	if (sinkdesc)
	{
		plan->sinkvals = palloc0(sizeof(Datum) * sinkdesc->natts);
		plan->sinknulls = palloc(sizeof(bool) * sinkdesc->natts);
	}
	prepare_call(plan);
	SpacesCheckCall(plan, expected);
	FakerProgressStart(&plan->rc->progress, what, total);
	return plan;
}

/* Make one (non-returned) row of AGG; its key into KEYS. */
void
CallMakeRow(FakerPlan *plan, Aggregate *agg, Datum *keys, bool *knulls, FakerCriteria *crit)
{
	plan->rc->root = false;
	RowMake(plan->rc, agg, NULL, NULL, NULL, keys, knulls, crit);
}

/* Positions in AGG's pool of the rows that satisfy CRIT (see FilterPool). */
int64
CallFilter(FakerPlan *plan, Aggregate *agg, FakerCriteria *crit, int64 **positions)
{
	FilterPool *f = FilterGet(plan, agg, crit);

	*positions = f->pos;
	return f->n;
}

/* A row of the call is done: reset per-row memory, report progress. */
void
CallTick(FakerPlan *plan, int64 done)
{
	ResetPerTupleExprContext(plan->estate);
	FakerProgressTick(&plan->rc->progress, done);
}

/* Finish a call: flush, save counters, report per aggregate, disconnect. */
List *
CallEnd(FakerPlan *plan)
{
	MemoryContext cxt = plan->cxt;
	List	   *result = NIL;

	WriterFlushAll(plan);
	/* uses once per call: per batch, the rows of the most used values would
	 * gain a version each batch, and the upserts walk those chains */
	for (int i = 0; i < plan->n; i++)
		UsesFlush(plan->aggs[i]);
	finish_call(plan);
	MemoryContextSwitchTo(plan->outer);
	for (int i = 0; i < plan->n; i++)
	{
		Aggregate  *a = plan->aggs[i];
		PopulateResult *r;

		if (a != plan->target && a->created + a->reused + a->nulls == 0)
			continue;
		/* name and relation survive the call context */
		r = palloc0(sizeof(PopulateResult));
		r->name = pstrdup(a->name);
		r->relid = a->relid;
		r->created = a->created;
		r->reused = a->reused;
		r->nulls = a->nulls;
		result = lappend(result, r);
	}
	FreeExecutorState(plan->estate);
	SPI_finish();
	MemoryContextDelete(cxt);
	return result;
}

/* Memory context callback: free a kept SPI plan. */
static void
free_plan(void *arg)
{
	SPI_freeplan((SPIPlanPtr) arg);
}

/*
 * A statement prepared during a call, kept across the SPI connections of
 * a paused call and freed with the call's memory (normally or on error).
 */
void *
CallKeepPlan(FakerPlan *plan, void *spiplan)
{
	return KeepPlanIn(plan->cxt, spiplan);
}

/* The same, freed with memory context CXT. */
void *
KeepPlanIn(MemoryContext cxt, void *spiplan)
{
	MemoryContextCallback *cb = MemoryContextAlloc(cxt, sizeof(MemoryContextCallback));

	SPI_keepplan((SPIPlanPtr) spiplan);
	cb->func = free_plan;
	cb->arg = spiplan;
	MemoryContextRegisterResetCallback(cxt, cb);
	return spiplan;
}

/*
 * Pause a call between two rows of a value-per-call function: its
 * prepared statements are kept (every one is prepared with KeepPlanIn,
 * freed with the call's memory), and the SPI connection is given back (a
 * connection cannot stay open while the executor runs the rest of the
 * query).  CallResume connects again.
 */
void
CallPause(FakerPlan *plan)
{
	SPI_finish();
}

/*
 * Resume a paused call (faker_rows, faker_pipe): SPI and the call's memory.
 */
void
CallResume(FakerPlan *plan)
{
	SPI_connect();
	MemoryContextSwitchTo(plan->cxt);
}

/* faker_populate: N rows of AGGREGATE, inserted. */
List *
Populate(const char *aggregate, int64 n, uint64 seed)
{
	double		base = (double) n;
	FakerPlan  *plan = CallBegin(list_make1((char *) aggregate), seed, &base,
								 psprintf("faker_populate(%s)", aggregate), n, NULL, false);
	MemoryContext rowcxt = AllocSetContextCreate(plan->cxt, "faker row", ALLOCSET_DEFAULT_SIZES);

	for (int64 i = 0; i < n; i++)
	{
		MemoryContextSwitchTo(rowcxt);
		plan->rc->root = true;
		RowMake(plan->rc, plan->target, NULL, NULL, NULL, NULL, NULL, NULL);
		MemoryContextSwitchTo(plan->cxt);
		MemoryContextReset(rowcxt);
		CallTick(plan, i + 1);
	}
	return CallEnd(plan);
}

/* faker_rows: plan a call whose target rows are returned (DESC), paused. */
FakerPlan *
RowsBegin(const char *aggregate, int64 n, uint64 seed, TupleDesc desc)
{
	double		base = (double) n;
	FakerPlan  *plan = CallBegin(list_make1((char *) aggregate), seed, &base,
								 psprintf("faker_rows(%s)", aggregate), n, desc, false);

	plan->nrows = n;
	plan->rowcxt = AllocSetContextCreate(plan->cxt, "faker returned row", ALLOCSET_DEFAULT_SIZES);
	CallPause(plan);
	return plan;
}

/*
 * The next row of a faker_rows call (the DONE-th), in *VALUES / *NULLS
 * (by attnum, in the call's memory: copy before the next call), or false
 * when N rows were made: then the call is ended.
 */
bool
RowsNext(FakerPlan *plan, int64 done, Datum **values, bool **nulls)
{
	CallResume(plan);
	if (done >= plan->nrows)
	{
		CallEnd(plan);
		return false;
	}
	CHECK_FOR_INTERRUPTS();
	ResetPerTupleExprContext(plan->estate);
	MemoryContextReset(plan->rowcxt);
	MemoryContextSwitchTo(plan->rowcxt);
	plan->rc->root = true;
	RowMake(plan->rc, plan->target, NULL, NULL, NULL, NULL, NULL, NULL);
	MemoryContextSwitchTo(plan->cxt);
	FakerProgressTick(&plan->rc->progress, done + 1);
	*values = plan->sinkvals;
	*nulls = plan->sinknulls;
	CallPause(plan);
	return true;
}
