/*
 * populate.c: make rows, dependencies first.
 *
 * MakeRow builds one row of an aggregate: first its references, narrower
 * foreign keys before wider ones (so the tenant is chosen before the author
 * that must belong to it), each drawn by its distributor over the parent's
 * pool -- the whole pool, or the sub-pool of parents that agree with the
 * columns already chosen; CREATE makes the parent now, with those columns
 * pinned.  Then the other columns from their providers, then the row goes
 * to the writer, its key to the pool, and its children are made.  A back
 * edge of a cycle never creates: it reuses, or is NULL when the pool is
 * empty, so population ends.
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
#include "model/model.h"

/* A set of 64-bit value hashes (open addressing), for unique columns. */
typedef struct HashSet
{
	uint64	   *slots;
	int64		cap,
				n;
} HashSet;

static HashSet *
hashset_new(void)
{
	HashSet    *s = palloc0(sizeof(HashSet));

	s->cap = 1024;
	s->slots = palloc0(sizeof(uint64) * s->cap);
	return s;
}

/* Add H; false if it was there already.  0 is reserved for "empty". */
static bool
hashset_add(HashSet *s, uint64 h)
{
	if (h == 0)
		h = 1;
	if (s->n * 2 >= s->cap)
	{
		uint64	   *old = s->slots;
		int64		oldcap = s->cap;

		s->cap *= 2;
		s->slots = MemoryContextAllocHuge(GetMemoryChunkContext(old), sizeof(uint64) * s->cap);
		memset(s->slots, 0, sizeof(uint64) * s->cap);
		s->n = 0;
		for (int64 i = 0; i < oldcap; i++)
			if (old[i])
				hashset_add(s, old[i]);
		pfree(old);
	}
	for (int64 i = h & (s->cap - 1);; i = (i + 1) & (s->cap - 1))
	{
		if (s->slots[i] == h)
			return false;
		if (s->slots[i] == 0)
		{
			s->slots[i] = h;
			s->n++;
			return true;
		}
	}
}

static uint64
datum_hash(ModelColumn *c, Datum d)
{
	if (c->typbyval)
		return FakerHash64(&d, sizeof(Datum), 7);
	if (c->typlen > 0)
		return FakerHash64(DatumGetPointer(d), c->typlen, 7);
	{
		struct varlena *v = pg_detoast_datum_packed((struct varlena *) DatumGetPointer(d));

		return FakerHash64(VARDATA_ANY(v), VARSIZE_ANY_EXHDR(v), 7);
	}
}

typedef struct RowCtx
{
	FakerPlan  *plan;
	FakerProgress progress;
	bool		root;			/* the next MakeRow makes a top-level row */
} RowCtx;

static void MakeRow(RowCtx *rc, Aggregate *agg, const bool *pinned, const Datum *pinvals,
					const bool *pinnulls, Datum *outkeys, bool *outnulls);

/* Convert a generator's value to the column type, when they differ. */
static Datum
to_column(ModelColumn *c, Datum d)
{
	if (!c->need_io)
		return d;
	return InputFunctionCall(&c->infn, OutputFunctionCall(&c->outfn, d), c->ioparam, c->typmod);
}

static Datum
int_datum(Oid typid, int64 v)
{
	if (typid == INT2OID)
		return Int16GetDatum((int16) v);
	if (typid == INT4OID)
		return Int32GetDatum((int32) v);
	return Int64GetDatum(v);
}

/* One generated value of column C (reuse pool, uniqueness, conversion). */
static Datum
column_value(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull)
{
	Datum		d;

	*isnull = false;
	switch (c->kind)
	{
		case COL_CONST:
			*isnull = c->constnull;
			return c->constval;
		case COL_SERIAL_INT:
			return int_datum(c->typid, c->seq_next++);
		case COL_KEYDEFAULT:
			d = ExecEvalExprSwitchContext(c->defexpr, GetPerTupleExprContext(rc->plan->estate), isnull);
			return *isnull ? d : datumCopy(d, c->typbyval, c->typlen);
		case COL_SEQ:
			{
				int64		v = c->seq_next++;
				char	   *s = c->seq_format ?
					psprintf("%.*s" INT64_FORMAT "%s", (int) (strstr(c->seq_format, "%s") - c->seq_format),
							 c->seq_format, v, strstr(c->seq_format, "%s") + 2) :
					psprintf(INT64_FORMAT, v);

				d = CStringGetTextDatum(s);
				return to_column(c, d);
			}
		default:
			break;
	}
	if (c->null_weight > 0 && FakerRngDouble(&c->rng) < c->null_weight)
	{
		*isnull = true;
		return (Datum) 0;
	}
	if (c->reuse)
	{
		FakerDraw	dr = FakerM2ONext(c->reuse_m2o, &c->rng, c->reuse_n);

		if (dr.kind == FAKER_DRAW_REUSE)
			return c->reuse_vals[dr.index];
		/* a new value must be new, or the column's distinct count drifts */
		for (int attempt = 0;; attempt++)
		{
			d = to_column(c, FakerGenNext(c->gen, &c->rng));
			if (hashset_add(agg->seen, datum_hash(c, d) ^ ((uint64) c->attnum << 32)) || attempt >= 100)
				break;
		}
		if (c->reuse_n == c->reuse_cap)
		{
			c->reuse_cap = Max(1024, c->reuse_cap * 2);
			c->reuse_vals = c->reuse_vals ? repalloc_huge(c->reuse_vals, sizeof(Datum) * c->reuse_cap) :
				MemoryContextAllocHuge(rc->plan->cxt, sizeof(Datum) * c->reuse_cap);
		}
		c->reuse_vals[c->reuse_n] = (Datum) 0;
		{
			MemoryContext old = MemoryContextSwitchTo(rc->plan->cxt);

			c->reuse_vals[c->reuse_n] = datumCopy(d, c->typbyval, c->typlen);
			MemoryContextSwitchTo(old);
		}
		FakerM2OCreated(c->reuse_m2o, c->reuse_n++);
		return d;
	}
	for (int attempt = 0;; attempt++)
	{
		d = to_column(c, FakerGenNext(c->gen, &c->rng));
		if (!c->unique || hashset_add(agg->seen, datum_hash(c, d) ^ (uint64) c->attnum))
			return d;
		/* taken (e.g. a repeated seed): leave this stream's path for a new one */
		FakerRngInitStream(&c->rng, FakerRngNext(&c->rng), "unique", c->name);
		if (attempt >= 1000)
			ereport(ERROR,
					(errcode(ERRCODE_UNIQUE_VIOLATION),
					 errmsg("aggregate \"%s\": could not generate a new unique value for column \"%s\"",
							agg->name, c->name),
					 errdetail("1000 attempts in a row gave values already used."),
					 errhint("Widen the generator's range or length.")));
	}
}

/* Is reference R's parent value fully decided by the columns known so far? */
static int
known_count(Aggregate *agg, ModelRef *r, const bool *known)
{
	int			n = 0;

	for (int k = 0; k < r->nkeys; k++)
		n += known[r->col[k]] ? 1 : 0;
	return n;
}

/* Draw reference R of a row being built; fills its unknown columns. */
static void
draw_reference(RowCtx *rc, Aggregate *agg, ModelRef *r, bool *known, Datum *vals, bool *nulls)
{
	Aggregate  *parent = r->parent;
	bool		pk_known[MODEL_MAX_KEYS] = {false};
	Datum		pk_vals[MODEL_MAX_KEYS];
	int			nknown = 0;
	FakerDraw	d;
	int64	   *members = NULL;
	int64		pos = -1;
	bool		all_nullable = true;

	for (int k = 0; k < r->nkeys; k++)
	{
		if (known[r->col[k]])
		{
			pk_known[r->pkey[k]] = true;
			pk_vals[r->pkey[k]] = vals[r->col[k]];
			nknown++;
		}
		else
			all_nullable &= !agg->cols[r->col[k]].notnull;
	}
	if (r->back_edge && parent != agg)
	{
		/*
		 * A cycle through another aggregate: only rows already written can be
		 * referenced (their batch is not flushed before ours).
		 */
		d = FakerM2ONext(r->m2o, &r->rng, nknown > 0 ? 0 : parent->pool.flushed);
		if (d.kind == FAKER_DRAW_CREATE)
			d.kind = FAKER_DRAW_NULL;
		pos = d.index;
	}
	else if (nknown > 0)
	{
		int64		size = PoolSubpool(parent, pk_known, pk_vals, &members);

		d = FakerM2ONextIn(r->m2o, &r->rng, size);
		if (d.kind == FAKER_DRAW_REUSE)
			pos = members[d.index];
	}
	else
	{
		d = FakerM2ONext(r->m2o, &r->rng, parent->pool.n);
		pos = d.index;
	}
	if (d.kind == FAKER_DRAW_NULL && !all_nullable)
		d.kind = FAKER_DRAW_CREATE;		/* a NOT NULL column cannot take the null */
	if (d.kind == FAKER_DRAW_CREATE && r->back_edge && parent == agg)
	{
		/* a cycle: reuse what there is, else NULL */
		int64		size = nknown > 0 ? PoolSubpool(parent, pk_known, pk_vals, &members) : parent->pool.n;

		if (size > 0)
		{
			int64		i = (int64) FakerRngBelow(&r->rng, size);

			d.kind = FAKER_DRAW_REUSE;
			pos = nknown > 0 ? members[i] : i;
		}
		else
			d.kind = FAKER_DRAW_NULL;
	}
	switch (d.kind)
	{
		case FAKER_DRAW_NULL:
			parent->nulls++;
			for (int k = 0; k < r->nkeys; k++)
				if (!known[r->col[k]])
				{
					known[r->col[k]] = true;
					nulls[r->col[k]] = true;
				}
			break;
		case FAKER_DRAW_REUSE:
			parent->reused++;
			for (int k = 0; k < r->nkeys; k++)
				if (!known[r->col[k]])
				{
					ModelColumn *c = &agg->cols[r->col[k]];

					known[r->col[k]] = true;
					nulls[r->col[k]] = parent->pool.nulls[pos * parent->nkeys + r->pkey[k]];
					vals[r->col[k]] = datumCopy(parent->pool.keys[pos * parent->nkeys + r->pkey[k]],
												c->typbyval, c->typlen);
				}
			break;
		case FAKER_DRAW_CREATE:
			{
				bool	   *ppin = palloc0(sizeof(bool) * parent->ncols);
				Datum	   *pvals = palloc0(sizeof(Datum) * parent->ncols);
				bool	   *pnulls = palloc0(sizeof(bool) * parent->ncols);
				Datum		keys[MODEL_MAX_KEYS];
				bool		knulls[MODEL_MAX_KEYS];

				for (int k = 0; k < r->nkeys; k++)
					if (known[r->col[k]])
					{
						int			pc = parent->keycol[r->pkey[k]];

						ppin[pc] = true;
						pvals[pc] = vals[r->col[k]];
						pnulls[pc] = nulls[r->col[k]];
					}
				MakeRow(rc, parent, ppin, pvals, pnulls, keys, knulls);
				if (nknown == 0)
					FakerM2OCreated(r->m2o, parent->pool.n - 1);
				for (int k = 0; k < r->nkeys; k++)
					if (!known[r->col[k]])
					{
						known[r->col[k]] = true;
						vals[r->col[k]] = keys[r->pkey[k]];
						nulls[r->col[k]] = knulls[r->pkey[k]];
					}
			}
			break;
		default:
			break;
	}
}

static void
MakeRow(RowCtx *rc, Aggregate *agg, const bool *pinned, const Datum *pinvals,
		const bool *pinnulls, Datum *outkeys, bool *outnulls)
{
	MemoryContext caller = CurrentMemoryContext;
	bool	   *known;
	Datum	   *vals;
	bool	   *nulls;
	Datum		keys[MODEL_MAX_KEYS];
	bool		knulls[MODEL_MAX_KEYS];

	bool		to_sink = rc->root && rc->plan->sink != NULL;

	CHECK_FOR_INTERRUPTS();
	check_stack_depth();
	rc->root = false;
	/* a returned row lives in the caller's per-row memory, not the batch */
	if (!to_sink)
		MemoryContextSwitchTo(WriterContext(agg));
	WriterBuilding(agg, 1);
	known = palloc0(sizeof(bool) * agg->ncols);
	vals = palloc0(sizeof(Datum) * agg->ncols);
	nulls = palloc0(sizeof(bool) * agg->ncols);
	for (int i = 0; pinned && i < agg->ncols; i++)
		if (pinned[i])
		{
			known[i] = true;
			nulls[i] = pinnulls[i];
			vals[i] = pinnulls[i] ? (Datum) 0 :
				datumCopy(pinvals[i], agg->cols[i].typbyval, agg->cols[i].typlen);
		}

	/* references: narrower first, implied ones only if still undecided */
	for (int pass = 0; pass < 2; pass++)
		for (int width = 1; width <= MODEL_MAX_KEYS; width++)
			for (int i = 0; i < agg->nrefs; i++)
			{
				ModelRef   *r = &agg->refs[i];

				if (r->nkeys != width || r->implied != (pass == 1))
					continue;
				if (known_count(agg, r, known) < r->nkeys)
					draw_reference(rc, agg, r, known, vals, nulls);
			}

	/* the other columns */
	for (int i = 0; i < agg->ncols; i++)
	{
		ModelColumn *c = &agg->cols[i];

		if (known[i] || c->kind == COL_DEFAULT)
			continue;
		if (c->kind == COL_REF)
		{
			nulls[i] = true;
			continue;
		}
		vals[i] = column_value(rc, agg, c, &nulls[i]);
	}

	if (to_sink)
	{
		/* faker_rows: the row is the result, not an INSERT; no children */
		TupleDesc	desc = rc->plan->sinkdesc;
		Datum	   *tv = palloc0(sizeof(Datum) * desc->natts);
		bool	   *tn = palloc(sizeof(bool) * desc->natts);

		memset(tn, true, sizeof(bool) * desc->natts);
		for (int i = 0; i < agg->ncols; i++)
			if (agg->cols[i].attnum <= desc->natts)
			{
				tv[agg->cols[i].attnum - 1] = vals[i];
				tn[agg->cols[i].attnum - 1] = nulls[i];
			}
		tuplestore_putvalues(rc->plan->sink, desc, tv, tn);
		agg->created++;
		WriterBuilding(agg, -1);
		MemoryContextSwitchTo(caller);
		return;
	}
	for (int k = 0; k < agg->nkeys; k++)
	{
		keys[k] = vals[agg->keycol[k]];
		knulls[k] = nulls[agg->keycol[k]];
	}
	PoolAppend(agg, keys, knulls);
	MemoryContextSwitchTo(caller);
	for (int k = 0; k < agg->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[agg->keycol[k]];

		keys[k] = knulls[k] ? (Datum) 0 : datumCopy(keys[k], c->typbyval, c->typlen);
		if (outkeys)
		{
			outkeys[k] = keys[k];
			outnulls[k] = knulls[k];
		}
	}
	WriterAdd(agg, vals, nulls);
	agg->created++;
	WriterBuilding(agg, -1);
	if (WriterFull(agg))
		WriterFlush(rc->plan, agg);

	/* children, each pinned to this row through its foreign key */
	for (int i = 0; i < agg->nchildren; i++)
	{
		ModelChild *ch = &agg->children[i];
		Aggregate  *child = ch->child;
		ModelRef   *via = &child->refs[ch->via];
		int64		count = FakerO2MNext(ch->o2m, &ch->rng);
		bool	   *cpin = palloc0(sizeof(bool) * child->ncols);
		Datum	   *cvals = palloc0(sizeof(Datum) * child->ncols);
		bool	   *cnulls = palloc0(sizeof(bool) * child->ncols);

		for (int k = 0; k < via->nkeys; k++)
		{
			cpin[via->col[k]] = true;
			cvals[via->col[k]] = keys[via->pkey[k]];
			cnulls[via->col[k]] = knulls[via->pkey[k]];
		}
		for (int64 j = 0; j < count; j++)
			MakeRow(rc, child, cpin, cvals, cnulls, NULL, NULL);
	}
}

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
static int64
spi_int8(const char *sql, int nargs, Oid *types, Datum *args)
{
	bool		isnull;
	Datum		d;

	if (SPI_execute_with_args(sql, nargs, types, args, NULL, false, 1) < 0 || SPI_processed != 1)
		elog(ERROR, "faker: \"%s\" failed", sql);
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return isnull ? 0 : DatumGetInt64(d);
}

/* Per-call state of every aggregate: streams, distributors, keys, pools. */
static void
prepare_call(FakerPlan *plan)
{
	bool	   *read = palloc0(sizeof(bool) * plan->n);

	plan->estate = CreateExecutorState();
	for (int i = 0; i < plan->n; i++)
	{
		read[i] |= plan->aggs[i]->force_read;
		for (int r = 0; r < plan->aggs[i]->nrefs; r++)
			for (int j = 0; j < plan->n; j++)
				if (plan->aggs[i]->refs[r].parent == plan->aggs[j])
					read[j] = true;
	}

	for (int i = 0; i < plan->n; i++)
	{
		Aggregate  *a = plan->aggs[i];
		Relation	rel = table_open(a->relid, AccessShareLock);

		a->seen = hashset_new();
		for (int j = 0; j < a->ncols; j++)
		{
			ModelColumn *c = &a->cols[j];
			bool		is_key = false;

			for (int k = 0; k < a->nkeys; k++)
				is_key |= a->keycol[k] == j;
			FakerRngInitStream(&c->rng, plan->seed, a->name, c->name);
			if (c->kind == COL_DEFAULT && (is_key || (a == plan->target && plan->sink)))
			{
				Node	   *expr = build_column_default(rel, c->attnum);

				if (expr == NULL)		/* e.g. an identity column of faker_rows */
					expr = (Node *) makeNullConst(c->typid, c->typmod, InvalidOid);
				c->kind = COL_KEYDEFAULT;
				c->defexpr = ExecPrepareExpr(expression_planner((Expr *) expr), plan->estate);
			}
			if (c->reuse)
				c->reuse_m2o = FakerM2OCreate(&c->reuse_spec, 0, a->expected);
			if (c->kind == COL_SERIAL_INT)
				c->seq_next = spi_int8(psprintf("SELECT coalesce(max(%s), 0)::int8 + 1 FROM %s",
												quote_identifier(c->name), a->qualname), 0, NULL, NULL);
			if (c->kind == COL_SEQ)
			{
				Oid			types[2] = {TEXTOID, INT8OID};
				Datum		args[2] = {CStringGetTextDatum(c->seq_scope), Int64GetDatum(c->seq_start)};

				SPI_execute_with_args("INSERT INTO faker.sequence (scope, next) VALUES ($1, $2) ON CONFLICT DO NOTHING",
									  2, types, args, NULL, false, 0);
				c->seq_next = spi_int8("SELECT next FROM faker.sequence WHERE scope = $1 FOR UPDATE",
									   1, types, args);
			}
			if (c->unique && (c->kind == COL_GEN))
			{
				/* values already in the table count as used */
				Portal		p = SPI_cursor_open_with_args(NULL, psprintf("SELECT %s FROM %s",
																		  quote_identifier(c->name), a->qualname),
														  0, NULL, NULL, NULL, true, 0);

				for (;;)
				{
					SPI_cursor_fetch(p, true, 10000);
					if (SPI_processed == 0)
						break;
					for (uint64 t = 0; t < SPI_processed; t++)
					{
						bool		isnull;
						Datum		d = SPI_getbinval(SPI_tuptable->vals[t], SPI_tuptable->tupdesc, 1, &isnull);

						if (!isnull)
							hashset_add(a->seen, datum_hash(c, d) ^ (uint64) c->attnum);
					}
					SPI_freetuptable(SPI_tuptable);
				}
				SPI_cursor_close(p);
			}
		}
		table_close(rel, AccessShareLock);
		PoolOpen(plan, a, read[i]);
		WriterInit(a);
		for (int c = 0; c < a->nchildren; c++)
			FakerRngInitStream(&a->children[c].rng, plan->seed, a->name,
							   psprintf("children.%s", a->children[c].name));
	}
	for (int i = 0; i < plan->n; i++)
		for (int r = 0; r < plan->aggs[i]->nrefs; r++)
		{
			ModelRef   *ref = &plan->aggs[i]->refs[r];

			FakerRngInitStream(&ref->rng, plan->seed, plan->aggs[i]->name, ref->name);
			ref->m2o = FakerM2OCreate(&ref->spec, ref->parent->pool.n, ref->planned);
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

			if (c->kind == COL_SEQ)
			{
				Oid			types[2] = {TEXTOID, INT8OID};
				Datum		args[2] = {CStringGetTextDatum(c->seq_scope), Int64GetDatum(c->seq_next)};

				SPI_execute_with_args("UPDATE faker.sequence SET next = $2 WHERE scope = $1",
									  2, types, args, NULL, false, 0);
			}
		}
}

/* Serialise calls that write the same tables (fixed order: no deadlock). */
static void
lock_aggregates(FakerPlan *plan)
{
	Oid		   *relids = palloc(sizeof(Oid) * plan->n);

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
	for (int i = 0; i < plan->n; i++)
	{
		Oid			types[1] = {INT4OID};
		Datum		args[1] = {Int32GetDatum((int32) relids[i])};

		if (i > 0 && relids[i] == relids[i - 1])
			continue;
		SPI_execute_with_args("SELECT pg_catalog.pg_advisory_xact_lock(1717658469, $1)",
							  1, types, args, NULL, false, 0);
	}
}

/*
 * Start a call: plan NAMES (the first is the target), lock, plan the
 * distributors from BASE[name] expected rows, load pools, prepare writers.
 */
FakerPlan *
CallBegin(List *names, uint64 seed, const double *base, const char *what, int64 total,
		  Tuplestorestate *sink, TupleDesc sinkdesc, bool read_named)
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
	lock_aggregates(plan);
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
	plan->sink = sink;
	plan->sinkdesc = sinkdesc;
	prepare_call(plan);
	FakerProgressStart(&plan->rc->progress, what, total);
	return plan;
}

/* Make one (non-returned) row of AGG; its key into KEYS. */
void
CallMakeRow(FakerPlan *plan, Aggregate *agg, Datum *keys, bool *knulls)
{
	plan->rc->root = false;
	MakeRow(plan->rc, agg, NULL, NULL, NULL, keys, knulls);
}

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
		r->agg = palloc0(sizeof(Aggregate));
		r->agg->name = pstrdup(a->name);
		r->agg->relid = a->relid;
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

List *
Populate(const char *aggregate, int64 n, uint64 seed, Tuplestorestate *sink, TupleDesc sinkdesc)
{
	double		base = (double) n;
	FakerPlan  *plan = CallBegin(list_make1((char *) aggregate), seed, &base,
								 psprintf("faker_populate(%s)", aggregate), n, sink, sinkdesc, false);
	MemoryContext rowcxt = AllocSetContextCreate(plan->cxt, "faker row", ALLOCSET_DEFAULT_SIZES);
	for (int64 i = 0; i < n; i++)
	{
		MemoryContextSwitchTo(rowcxt);
		plan->rc->root = true;
		MakeRow(plan->rc, plan->target, NULL, NULL, NULL, NULL, NULL);
		MemoryContextSwitchTo(plan->cxt);
		MemoryContextReset(rowcxt);
		CallTick(plan, i + 1);
	}
	return CallEnd(plan);
}
