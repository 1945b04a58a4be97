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
#include "security.h"

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

/* Where H is, or the empty slot where it would go.  0 is reserved for
 * "empty", so H must not be 0. */
static int64
hashset_slot(HashSet *s, uint64 h)
{
	int64		i = h & (s->cap - 1);

	while (s->slots[i] != h && s->slots[i] != 0)
		i = (i + 1) & (s->cap - 1);
	return i;
}

/* Add H; false if it was there already. */
static bool
hashset_add(HashSet *s, uint64 h)
{
	int64		i;

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
		for (int64 j = 0; j < oldcap; j++)
			if (old[j])
				hashset_add(s, old[j]);
		pfree(old);
	}
	i = hashset_slot(s, h);
	if (s->slots[i] == h)
		return false;
	s->slots[i] = h;
	s->n++;
	return true;
}

static bool
hashset_has(HashSet *s, uint64 h)
{
	if (h == 0)
		h = 1;
	return s->slots[hashset_slot(s, h)] == h;
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
					const bool *pinnulls, Datum *outkeys, bool *outnulls, FakerQuery *crit);

/*
 * A filtered pool: the positions in AGG's pool of the rows that satisfy
 * CRIT (a reference's or a pipe step's "require").  Read once by the SQL
 * translation of CRIT (indexes apply), then kept up to date with the rows
 * this call creates: those made to satisfy CRIT, and others CRIT accepts
 * when it can be checked on the row alone.
 */
typedef struct FilterPool
{
	FakerQuery *crit;
	char	   *key;			/* CRIT as text; NULL: read for one use ($step) */
	int64	   *pos;
	int64		n,
				cap;
	HashSet    *members;
} FilterPool;

static void
filter_push(FilterPool *f, int64 pos)
{
	if (!hashset_add(f->members, (uint64) pos + 1))
		return;
	if (f->n == f->cap)
	{
		f->cap = Max(64, f->cap * 2);
		f->pos = f->pos ? repalloc_huge(f->pos, sizeof(int64) * f->cap) :
			MemoryContextAllocHuge(GetMemoryChunkContext(f), sizeof(int64) * f->cap);
	}
	f->pos[f->n++] = pos;
}

/* The row being built as attnum-indexed arrays, for evaluating criteria. */
static void
row_env(FakerPlan *plan, Aggregate *agg, const Datum *vals, const bool *nulls, const bool *known,
		FakerQueryEnv *env);

static FilterPool *
filter_get(FakerPlan *plan, Aggregate *agg, FakerQuery *crit)
{
	char	   *key = FakerQueryHasSteps(crit) ? NULL : FakerQueryText(crit);
	ListCell   *lc;
	FilterPool *f;
	FakerQueryParams params = {0};
	StringInfoData sql;
	MemoryContext old;
	bool		known[MODEL_MAX_KEYS];
	FakerQueryEnv env = {0};

	if (key)
		foreach(lc, agg->filters)
		{
			f = lfirst(lc);
			if (f->key && strcmp(f->key, key) == 0)
				return f;
		}
	/* rows this call made must be in the table for the query to see them */
	WriterFlush(plan, agg);
	old = MemoryContextSwitchTo(key ? plan->cxt : CurrentMemoryContext);
	f = palloc0(sizeof(FilterPool));
	f->crit = crit;
	f->key = key ? pstrdup(key) : NULL;
	f->members = hashset_new();
	MemoryContextSwitchTo(old);
	initStringInfo(&sql);
	appendStringInfoString(&sql, "SELECT ");
	for (int k = 0; k < agg->nkeys; k++)
	{
		appendStringInfo(&sql, "%st.%s", k ? ", " : "", quote_identifier(agg->cols[agg->keycol[k]].name));
		known[k] = true;
	}
	appendStringInfo(&sql, " FROM %s t WHERE %s", agg->qualname, FakerQueryToSQL(crit, "t", &params));
	env.stepkeys = plan->stepkeys;
	env.stepnulls = plan->stepnulls;
	FakerQueryParamsFill(&params, &env);
	old = CurrentMemoryContext;
	if (SPI_execute_with_args(sql.data, params.n, params.types, params.values, params.nulls, false, 0) != SPI_OK_SELECT)
		elog(ERROR, "faker: \"%s\" failed", sql.data);
	MemoryContextSwitchTo(old);	/* SPI leaves its own context current */
	for (uint64 t = 0; t < SPI_processed; t++)
	{
		Datum		keys[MODEL_MAX_KEYS];
		int64	   *members;
		int64		nm;

		for (int k = 0; k < agg->nkeys; k++)
		{
			bool		isnull;

			keys[k] = SPI_getbinval(SPI_tuptable->vals[t], SPI_tuptable->tupdesc, k + 1, &isnull);
		}
		nm = PoolSubpool(agg, known, keys, &members);
		for (int64 m = 0; m < nm; m++)
			filter_push(f, members[m]);
	}
	SPI_freetuptable(SPI_tuptable);
	if (key)
	{
		old = MemoryContextSwitchTo(plan->cxt);
		agg->filters = lappend(agg->filters, f);
		MemoryContextSwitchTo(old);
	}
	return f;
}

/* A row of AGG was just added to its pool (made to satisfy CRIT, if any). */
static void
filter_add(FakerPlan *plan, Aggregate *agg, FakerQuery *crit, const Datum *vals, const bool *nulls)
{
	ListCell   *lc;
	int64		pos = agg->pool.n - 1;
	char	   *key = NULL;
	FakerQueryEnv env;
	bool		have_env = false;

	foreach(lc, agg->filters)
	{
		FilterPool *f = lfirst(lc);

		if (crit && !key)
			key = FakerQueryText(crit);
		if (crit && strcmp(f->key, key) == 0)
			filter_push(f, pos);
		else if (FakerQueryIsLocal(f->crit))
		{
			if (!have_env)
				row_env(plan, agg, vals, nulls, NULL, &env);
			have_env = true;
			if (FakerQueryEvalRow(f->crit, &env))
				filter_push(f, pos);
		}
	}
}

/* The parent row a criterion reads: written rows by SPI (ours flushed first). */
static bool
engine_fetch(void *arg, FakerQueryFK *fk, Datum *keys, Datum **values, bool **nulls)
{
	FakerPlan  *plan = arg;

	for (int i = 0; i < plan->n; i++)
		if (plan->aggs[i]->relid == fk->parent && plan->aggs[i]->writer)
			WriterFlush(plan, plan->aggs[i]);
	return FakerQueryFetchSPI(NULL, fk, keys, values, nulls);
}

static void
row_env(FakerPlan *plan, Aggregate *agg, const Datum *vals, const bool *nulls, const bool *known,
		FakerQueryEnv *env)
{
	memset(env, 0, sizeof(FakerQueryEnv));
	env->values = palloc0(sizeof(Datum) * (agg->natts + 1));
	env->nulls = palloc(sizeof(bool) * (agg->natts + 1));
	memset(env->nulls, true, sizeof(bool) * (agg->natts + 1));
	for (int i = 0; i < agg->ncols; i++)
		if (known == NULL || known[i])
		{
			env->values[agg->cols[i].attnum - 1] = vals[i];
			env->nulls[agg->cols[i].attnum - 1] = nulls[i];
		}
	env->fetch = engine_fetch;
	env->arg = plan;
	env->stepkeys = plan->stepkeys;
	env->stepnulls = plan->stepnulls;
}

static int
pick_branch(void *arg, int n)
{
	return (int) FakerRngBelow((FakerRng *) arg, n);
}

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

/* The next value of a counter column (sequence, integer key): never a wrap. */
static int64
next_ordinal(Aggregate *agg, ModelColumn *c)
{
	int64		max = c->kind == COL_SEQ ? PG_INT64_MAX :
		c->typid == INT2OID ? PG_INT16_MAX : c->typid == INT4OID ? PG_INT32_MAX : PG_INT64_MAX;

	if (c->seq_next > max || c->seq_next == PG_INT64_MAX)
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("aggregate \"%s\": column \"%s\" has no values left", agg->name, c->name),
				 errdetail("The next value, " INT64_FORMAT ", is beyond the largest value of %s.",
						   c->seq_next, c->kind == COL_SEQ ? "a sequence" : format_type_be(c->typid)),
				 errhint("Give the column a wider type, or a spec of its own.")));
	return c->seq_next++;
}

typedef struct ColumnErrorArg
{
	Aggregate  *agg;
	ModelColumn *col;
} ColumnErrorArg;

/* Error context of a column's value (a domain's CHECK, a type's input). */
static void
column_error_context(void *arg)
{
	ColumnErrorArg *a = arg;

	errcontext("faker: making column \"%s\" of aggregate \"%s\" (%s)", a->col->name, a->agg->name, a->agg->qualname);
}

static Datum column_value_raw(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull);

/* One generated value of column C, with an error context naming it. */
static Datum
column_value(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull)
{
	ColumnErrorArg arg = {agg, c};
	ErrorContextCallback cb = {error_context_stack, column_error_context, &arg};
	Datum		d;

	error_context_stack = &cb;
	d = column_value_raw(rc, agg, c, isnull);
	error_context_stack = cb.previous;
	return d;
}

/* One generated value of column C (reuse pool, uniqueness, conversion). */
static Datum
column_value_raw(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull)
{
	Datum		d;

	*isnull = false;
	switch (c->kind)
	{
		case COL_CONST:
			*isnull = c->constnull;
			return c->constval;
		case COL_SERIAL_INT:
			return int_datum(c->typid, next_ordinal(agg, c));
		case COL_KEYDEFAULT:
			d = ExecEvalExprSwitchContext(c->defexpr, GetPerTupleExprContext(rc->plan->estate), isnull);
			return *isnull ? d : datumCopy(d, c->typbyval, c->typlen);
		case COL_SEQ:
			{
				int64		v = next_ordinal(agg, c);
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

/* A bound of the column's type as a Datum of the generator's type. */
static Datum
to_gen(ModelColumn *c, Datum d)
{
	if (!c->need_io)
		return d;
	return InputFunctionCall(&c->geninfn, OutputFunctionCall(&c->coloutfn, d), c->genioparam, -1);
}

/* A value of column C's generator within [LO, HI] (of the column's type). */
bool
ModelGenWithin(ModelColumn *c, FakerRng *rng, Datum lo, bool has_lo, bool lo_incl,
			   Datum hi, bool has_hi, bool hi_incl, Datum *out)
{
	Datum		g;

	if (!FakerGenNextWithin(c->gen, rng, has_lo ? to_gen(c, lo) : 0, has_lo, lo_incl,
							has_hi ? to_gen(c, hi) : 0, has_hi, hi_incl, &g))
		return false;
	*out = to_column(c, g);
	return true;
}

#define REQUIRE_ATTEMPTS 100

/*
 * A value of column C that satisfies REQ (its own "require", merged with
 * criteria pushed down to this row): an equality is taken as is, an ordered
 * generator is narrowed to the range REQ implies, anything else is drawn
 * again until REQ holds, a bounded number of times.  A NULL from
 * null_weight is kept, as a CHECK constraint would.
 */
static Datum
column_value_req(RowCtx *rc, Aggregate *agg, ModelColumn *c, FakerQuery *req,
				 Datum *vals, bool *nulls, bool *known, bool *isnull)
{
	FakerQueryEnv env;
	Datum		d;
	bool		ranged = c->kind == COL_GEN && !c->reuse && FakerGenOrdered(c->gen);

	if (req == NULL)
		return column_value(rc, agg, c, isnull);
	row_env(rc->plan, agg, vals, nulls, known, &env);
	if (FakerQueryEquality(req, &env, &d, isnull))
	{
		if (*isnull && c->notnull)
			ereport(ERROR,
					(errcode(ERRCODE_NOT_NULL_VIOLATION),
					 errmsg("aggregate \"%s\": criteria require NULL in NOT NULL column \"%s\"",
							agg->name, c->name),
					 errdetail("Criteria: %s", FakerQueryText(req))));
		if (!FakerQueryEvalValue(req, d, *isnull, &env))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("aggregate \"%s\": criteria on column \"%s\" cannot all hold", agg->name, c->name),
					 errdetail("Criteria: %s", FakerQueryText(req))));
		return *isnull ? d : datumCopy(d, c->typbyval, c->typlen);
	}
	for (int attempt = 0; attempt < REQUIRE_ATTEMPTS; attempt++)
	{
		Datum		lo = 0,
					hi = 0;
		bool		has_lo = false,
					has_hi = false,
					lo_incl = true,
					hi_incl = true;

		if (ranged && FakerQueryBounds(req, &env, &lo, &has_lo, &lo_incl, &hi, &has_hi, &hi_incl))
		{
			if (c->null_weight > 0 && FakerRngDouble(&c->rng) < c->null_weight)
			{
				*isnull = true;
				return (Datum) 0;
			}
			*isnull = false;
			if (!ModelGenWithin(c, &c->rng, lo, has_lo, lo_incl, hi, has_hi, hi_incl, &d))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("aggregate \"%s\": no value of column \"%s\" in the generator's range satisfies its criteria",
								agg->name, c->name),
						 errdetail("Criteria: %s", FakerQueryText(req)),
						 errhint("Widen the generator's min/max or relax the criteria.")));
		}
		else
		{
			d = column_value(rc, agg, c, isnull);
			if (*isnull && c->null_weight > 0)
				return d;
		}
		if (FakerQueryEvalValue(req, d, *isnull, &env))
			return d;
		if (c->kind == COL_CONST)
			break;
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("aggregate \"%s\": could not generate a value of column \"%s\" that satisfies its criteria",
					agg->name, c->name),
			 errdetail("%d values in a row failed %s%s.", REQUIRE_ATTEMPTS, FakerQueryText(req),
					   FakerQueryHasOperandRefs(req) ? " (a comparison with a NULL $field is never true)" : ""),
			 errhint("Give the column a source that fits, e.g. \"values\" or a generator range.")));
	return (Datum) 0;
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
draw_reference(RowCtx *rc, Aggregate *agg, ModelRef *r, bool *known, Datum *vals, bool *nulls,
			   FakerQuery *extra)
{
	FakerQuery *crit = r->require;
	bool		filtered = false;
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
	if (extra)
		crit = FakerQueryMerge(crit, extra, agg->name);
	if (crit)
	{
		/* criteria: draw among the parents that satisfy them */
		FilterPool *f = (crit == r->require && r->filter) ? r->filter :
			filter_get(rc->plan, parent, crit);
		int64	   *cands = f->pos;
		int64		ncand = f->n;

		if (crit == r->require)
			r->filter = f;
		if (nknown > 0)
		{
			int64		size = PoolSubpool(parent, pk_known, pk_vals, &members);

			cands = palloc(sizeof(int64) * Max(size, 1));
			ncand = 0;
			for (int64 i = 0; i < size; i++)
				if (hashset_has(f->members, (uint64) members[i] + 1))
					cands[ncand++] = members[i];
		}
		d = FakerM2ONextIn(r->m2o, &r->rng, ncand);
		if (d.kind == FAKER_DRAW_CREATE && r->back_edge)
		{
			/* a cycle never creates: reuse what satisfies, else NULL */
			d.kind = ncand > 0 ? FAKER_DRAW_REUSE : FAKER_DRAW_NULL;
			d.index = ncand > 0 ? (int64) FakerRngBelow(&r->rng, ncand) : 0;
		}
		if (d.kind == FAKER_DRAW_REUSE)
			pos = cands[d.index];
		filtered = true;
	}
	else if (r->back_edge && parent != agg)
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
				MakeRow(rc, parent, ppin, pvals, pnulls, keys, knulls, crit);
				if (nknown == 0 && !filtered)
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
		const bool *pinnulls, Datum *outkeys, bool *outnulls, FakerQuery *crit)
{
	FakerQuery *asked = crit;
	FakerQuery **colcrit = NULL;
	bool		check_all = false;
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

	/* criteria pushed down to this row: per column, per foreign key */
	if (crit)
	{
		crit = FakerQueryChooseBranch(crit, pick_branch, &agg->crit_rng);
		check_all = FakerQueryHasRest(crit);
		colcrit = palloc0(sizeof(FakerQuery *) * agg->ncols);
		for (int i = 0; i < agg->ncols; i++)
		{
			ModelColumn *c = &agg->cols[i];
			FakerQuery *cc = FakerQueryColumn(crit, c->attnum);
			FakerQueryEnv env;
			Datum		v;
			bool		isnull;

			if (cc == NULL)
				continue;
			colcrit[i] = cc;
			if (c->kind == COL_DEFAULT)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("aggregate \"%s\": criteria %s on column \"%s\", which PostgreSQL fills from its DEFAULT",
								agg->name, FakerQueryText(cc), c->name),
						 errhint("Give the column a spec under \"columns\".")));
			if (known[i] || c->kind != COL_REF)
			{
				check_all |= known[i];	/* pinned by another path: checked below */
				continue;
			}
			/* a foreign key column: an equality pins it, anything else is checked */
			row_env(rc->plan, agg, vals, nulls, known, &env);
			check_all = true;
			if (FakerQueryEquality(cc, &env, &v, &isnull))
			{
				known[i] = true;
				nulls[i] = isnull;
				vals[i] = isnull ? (Datum) 0 : datumCopy(v, c->typbyval, c->typlen);
			}
		}
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
					draw_reference(rc, agg, r, known, vals, nulls,
								   crit ? FakerQueryForeignKey(crit, r->conoid) : NULL);
				else if (crit && FakerQueryForeignKey(crit, r->conoid))
					check_all = true;	/* decided by another path: checked below */
			}

	/* the other columns, those a $field reads first */
	for (int o = 0; o < agg->ncols; o++)
	{
		int			i = agg->colorder ? agg->colorder[o] : o;
		ModelColumn *c = &agg->cols[i];
		FakerQuery *req = c->require;

		if (known[i] || c->kind == COL_DEFAULT)
			continue;
		if (c->kind == COL_REF)
		{
			nulls[i] = true;
			continue;
		}
		if (colcrit && colcrit[i])
			req = FakerQueryMerge(req, colcrit[i], agg->name);
		vals[i] = column_value_req(rc, agg, c, req, vals, nulls, known, &nulls[i]);
		known[i] = true;
	}
	if (check_all)
	{
		FakerQueryEnv env;

		row_env(rc->plan, agg, vals, nulls, NULL, &env);
		if (!FakerQueryEvalRow(crit, &env))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("aggregate \"%s\": a row made for criteria %s does not satisfy them",
							agg->name, FakerQueryText(crit)),
					 errdetail("Columns decided by another path (a shared key, a pinned foreign key) contradict them.")));
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
	if (agg->filters)
		filter_add(rc->plan, agg, asked, vals, nulls);
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
			MakeRow(rc, child, cpin, cvals, cnulls, NULL, NULL, NULL);
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

	MemoryContext cxt = CurrentMemoryContext;

	if (SPI_execute_with_args(sql, nargs, types, args, NULL, false, 1) < 0 || SPI_processed != 1)
		elog(ERROR, "faker: \"%s\" failed", sql);
	MemoryContextSwitchTo(cxt);
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
		a->filters = NIL;
		FakerRngInitStream(&a->crit_rng, plan->seed, a->name, "criteria");
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
				c->seq_next = spi_int8(psprintf("SELECT COALESCE(pg_catalog.max(%s)::pg_catalog.int8, 0) "
												"OPERATOR(pg_catalog.+) 1 FROM %s",
												quote_identifier(c->name), a->qualname), 0, NULL, NULL);
			if (c->kind == COL_SEQ)
			{
				Oid			types[2] = {TEXTOID, INT8OID};
				Datum		args[2] = {CStringGetTextDatum(c->seq_scope), Int64GetDatum(c->seq_start)};

				FakerOwnerScope owner;

				FakerOwnerEnter(&owner);
				SPI_execute_with_args("INSERT INTO faker.sequence (scope, next) VALUES ($1, $2) ON CONFLICT DO NOTHING",
									  2, types, args, NULL, false, 0);
				c->seq_next = spi_int8("SELECT next FROM faker.sequence WHERE scope OPERATOR(pg_catalog.=) $1 FOR UPDATE",
									   1, types, args);
				FakerOwnerExit(&owner);
			}
			if (c->unique && (c->kind == COL_GEN))
			{
				/* values already in the table count as used */
				Portal		p = SPI_cursor_open_with_args(NULL, psprintf("SELECT %s FROM %s",
																		  quote_identifier(c->name), a->qualname),
														  0, NULL, NULL, NULL, false, 0);

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
			ref->filter = NULL;
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

				FakerOwnerScope owner;

				FakerOwnerEnter(&owner);
				SPI_execute_with_args("UPDATE faker.sequence SET next = $2 WHERE scope OPERATOR(pg_catalog.=) $1",
									  2, types, args, NULL, false, 0);
				FakerOwnerExit(&owner);
			}
		}
}

/*
 * Serialise calls that write the same tables: one row per table in
 * faker.lock, updated by every call that plans to touch the table, in OID
 * order (no deadlock), held until the transaction ends.  Under READ
 * COMMITTED a second call waits, then sees the first one's rows and pool
 * entries; under REPEATABLE READ or SERIALIZABLE it fails with a
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
		if (SPI_execute_with_args("INSERT INTO faker.lock AS l (relation) VALUES ($1) ON CONFLICT (relation) "
								  "DO UPDATE SET version = l.version OPERATOR(pg_catalog.+) 1",
								  1, types, args, NULL, false, 0) != SPI_OK_INSERT)
			elog(ERROR, "faker: could not lock the tables of the call");
	}
	FakerOwnerExit(&owner);
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
CallMakeRow(FakerPlan *plan, Aggregate *agg, Datum *keys, bool *knulls, FakerQuery *crit)
{
	plan->rc->root = false;
	MakeRow(plan->rc, agg, NULL, NULL, NULL, keys, knulls, crit);
}

/* Positions in AGG's pool of the rows that satisfy CRIT (see FilterPool). */
int64
CallFilter(FakerPlan *plan, Aggregate *agg, FakerQuery *crit, int64 **positions)
{
	FilterPool *f = filter_get(plan, agg, crit);

	*positions = f->pos;
	return f->n;
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
		MakeRow(plan->rc, plan->target, NULL, NULL, NULL, NULL, NULL, NULL);
		MemoryContextSwitchTo(plan->cxt);
		MemoryContextReset(rowcxt);
		CallTick(plan, i + 1);
	}
	return CallEnd(plan);
}
