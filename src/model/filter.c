/*
 * filter.c: filtered pools, the parents that satisfy a criterion.
 *
 * A reference's or a pipe step's "require" reads the matching rows of the
 * parent table once, by the SQL translation of the criteria (indexes
 * apply), intersected with the pool; the call then keeps the list up to
 * date with the rows it creates: those made to satisfy the criteria, and
 * others the criteria accept when they can be checked on the row alone.
 * Also the environment criteria are evaluated in (the row being built,
 * parent rows fetched by SPI after the call's own rows are flushed).
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
#include "security.h"

/* Add position POS of the pool to F (once). */
static void
filter_push(FilterPool *f, int64 pos)
{
	if (!HashSetAdd(f->members, (uint64) pos + 1))
		return;
	if (f->n == f->cap)
	{
		f->cap = Max(64, f->cap * 2);
		f->pos = f->pos ? repalloc_huge(f->pos, sizeof(int64) * f->cap) :
			MemoryContextAllocHuge(GetMemoryChunkContext(f), sizeof(int64) * f->cap);
	}
	f->pos[f->n++] = pos;
}

/* The filtered pool of CRIT over AGG: the one this call already has, or read now. */
FilterPool *
FilterGet(FakerPlan *plan, Aggregate *agg, FakerCriteria *crit)
{
	char	   *key = FakerCriteriaHasSteps(crit) ? NULL : FakerCriteriaText(crit);
	ListCell   *lc;
	FilterPool *f;
	FakerCriteriaParams params = {0};
	StringInfoData sql;
	MemoryContext old;
	bool		known[MODEL_MAX_KEYS];
	FakerCriteriaEnv env = {0};

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
	f->members = HashSetCreate(CurrentMemoryContext);
	MemoryContextSwitchTo(old);
	initStringInfo(&sql);
	appendStringInfoString(&sql, "SELECT ");
	for (int k = 0; k < agg->nkeys; k++)
	{
		appendStringInfo(&sql, "%st.%s", k ? ", " : "", quote_identifier(agg->cols[agg->keycol[k]].name));
		known[k] = true;
	}
	appendStringInfo(&sql, " FROM %s t WHERE %s", agg->qualname, FakerCriteriaToSQL(crit, "t", &params));
	env.stepkeys = plan->stepkeys;
	env.stepnulls = plan->stepnulls;
	FakerCriteriaParamsFill(&params, &env);
	old = CurrentMemoryContext;
	if (FakerSPIExecute(sql.data, params.n, params.types, params.values, params.nulls, false, 0) != SPI_OK_SELECT)
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
void
FilterAdd(FakerPlan *plan, Aggregate *agg, FakerCriteria *crit, const Datum *vals, const bool *nulls)
{
	ListCell   *lc;
	int64		pos = agg->pool.n - 1;
	char	   *key = NULL;
	FakerCriteriaEnv env;
	bool		have_env = false;

	foreach(lc, agg->filters)
	{
		FilterPool *f = lfirst(lc);

		if (crit && !key)
			key = FakerCriteriaText(crit);
		if (crit && strcmp(f->key, key) == 0)
			filter_push(f, pos);
		else if (FakerCriteriaIsLocal(f->crit))
		{
			if (!have_env)
				RowEnv(plan, agg, vals, nulls, NULL, &env);
			have_env = true;
			if (FakerCriteriaEvalRow(f->crit, &env))
				filter_push(f, pos);
		}
	}
}

/* The parent row a criterion reads: written rows by SPI (ours flushed first). */
static bool
engine_fetch(void *arg, FakerCriteriaFK *fk, Datum *keys, Datum **values, bool **nulls)
{
	FakerPlan  *plan = arg;

	for (int i = 0; i < plan->n; i++)
		if (plan->aggs[i]->relid == fk->parent && plan->aggs[i]->writer)
			WriterFlush(plan, plan->aggs[i]);
	return FakerCriteriaFetchSPI(NULL, fk, keys, values, nulls);
}

/* The row being built as attnum-indexed arrays, for evaluating criteria. */
void
RowEnv(FakerPlan *plan, Aggregate *agg, const Datum *vals, const bool *nulls, const bool *known,
		FakerCriteriaEnv *env)
{
	memset(env, 0, sizeof(FakerCriteriaEnv));
	env->fetch = engine_fetch;
	env->arg = plan;
	env->stepkeys = plan->stepkeys;
	env->stepnulls = plan->stepnulls;
	if (vals == NULL)
		return;					/* the caller fills values and nulls */
	env->values = palloc0(sizeof(Datum) * (agg->natts + 1));
	env->nulls = palloc(sizeof(bool) * (agg->natts + 1));
	memset(env->nulls, true, sizeof(bool) * (agg->natts + 1));
	for (int i = 0; i < agg->ncols; i++)
		if (known == NULL || known[i])
		{
			env->values[agg->cols[i].attnum - 1] = vals[i];
			env->nulls[agg->cols[i].attnum - 1] = nulls[i];
		}
}

/* Choose one of N branches of an $or, from the stream ARG. */
int
RowPickBranch(void *arg, int n)
{
	return (int) FakerRngBelow((FakerRng *) arg, n);
}


/* Is position POS of the pool in F? */
bool
FilterHas(FilterPool *f, int64 pos)
{
	return HashSetHas(f->members, (uint64) pos + 1);
}
