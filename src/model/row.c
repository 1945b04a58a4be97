/*
 * row.c: make rows, dependencies first.
 *
 * RowMake builds one row of an aggregate: first its references, narrower
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
#include "model/engine.h"
#include "security.h"

/* Is reference R's parent value fully decided by the columns known so far? */
static int
known_count(Aggregate *agg, ModelRef *r, const bool *known)
{
	int			n = 0;

	for (int k = 0; k < r->nkeys; k++)
		n += known[r->col[k]] ? 1 : 0;
	return n;
}

/* Does the parent row R points to (by VALS) satisfy R's criteria?  By SPI. */
static bool
pinned_parent_satisfies(RowCtx *rc, Aggregate *agg, ModelRef *r, const Datum *vals)
{
	FakerCriteriaFK *fk = r->lookup;
	Datum		keys[MODEL_MAX_KEYS];
	FakerCriteriaEnv env;

	if (fk == NULL)
	{
		/* the lookup by this foreign key, kept for the call */
		fk = MemoryContextAllocZero(rc->plan->cxt, sizeof(FakerCriteriaFK));
		fk->conoid = r->conoid;
		fk->conname = r->name;
		fk->child = agg->relid;
		fk->parent = r->parent->relid;
		fk->parent_qualname = r->parent->qualname;
		fk->nkeys = r->nkeys;
		for (int k = 0; k < r->nkeys; k++)
		{
			fk->child_att[k] = agg->cols[r->col[k]].attnum;
			fk->parent_att[k] = r->parent->cols[r->parent->keycol[r->pkey[k]]].attnum;
		}
		r->lookup = fk;
	}
	for (int k = 0; k < r->nkeys; k++)
		keys[k] = vals[r->col[k]];
	RowEnv(rc->plan, r->parent, NULL, NULL, NULL, &env);
	if (!env.fetch(env.arg, fk, keys, &env.values, &env.nulls))
		return false;
	return FakerCriteriaEvalRow(r->require, &env);
}

/*
 * Reference R was decided by another path (a pinned column, a $step, the
 * parent of a child row): the parent must still satisfy R's own criteria,
 * or the row is an error, never silently wrong.
 */
static void
check_pinned_reference(RowCtx *rc, Aggregate *agg, ModelRef *r, const Datum *vals, const bool *nulls)
{
	bool		known[MODEL_MAX_KEYS] = {false};
	Datum		keys[MODEL_MAX_KEYS];
	int64	   *members;
	int64		n;

	for (int k = 0; k < r->nkeys; k++)
	{
		if (nulls[r->col[k]])
			return;				/* references nothing */
		known[r->pkey[k]] = true;
		keys[r->pkey[k]] = vals[r->col[k]];
	}
	if (r->filter == NULL)
		r->filter = FilterGet(rc->plan, r->parent, r->require);
	n = PoolSubpool(r->parent, known, keys, &members);
	for (int64 i = 0; i < n; i++)
		if (FilterHas(r->filter, members[i]))
			return;
	/* not known to satisfy (a row this call made for another reason): look */
	if (pinned_parent_satisfies(rc, agg, r, vals))
		return;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("aggregate \"%s\": reference \"%s\" is decided by another path, and its parent does not satisfy %s",
					agg->name, r->name, FakerCriteriaText(r->require)),
			 errdetail("A pinned column, a pipe step's $step or the parent of a child row chose a parent the reference's criteria exclude.")));
}

/* Draw reference R of a row being built; fills its unknown columns. */
static void
draw_reference(RowCtx *rc, Aggregate *agg, ModelRef *r, bool *known, Datum *vals, bool *nulls,
			   FakerCriteria *extra)
{
	FakerCriteria *crit = r->require;
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
		crit = FakerCriteriaMerge(crit, extra, agg->name);
	if (crit)
	{
		/* criteria: draw among the parents that satisfy them */
		FilterPool *f = (crit == r->require && r->filter) ? r->filter :
			FilterGet(rc->plan, parent, crit);
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
				if (FilterHas(f, members[i]))
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
				RowMake(rc, parent, ppin, pvals, pnulls, keys, knulls, crit);
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

/*
 * Make one row of AGG: pinned columns first, then criteria pushed down to
 * it, references narrower first, the other columns; then the row goes to
 * the writer (or the result of faker_rows), its key to the pool, and its
 * children are made.  OUTKEYS/OUTNULLS receive its key.
 */
void
RowMake(RowCtx *rc, Aggregate *agg, const bool *pinned, const Datum *pinvals,
		const bool *pinnulls, Datum *outkeys, bool *outnulls, FakerCriteria *crit)
{
	FakerCriteria *asked = crit;
	FakerCriteria **colcrit = NULL;
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
		crit = FakerCriteriaChooseBranch(crit, RowPickBranch, &agg->crit_rng);
		check_all = FakerCriteriaHasRest(crit);
		colcrit = palloc0(sizeof(FakerCriteria *) * agg->ncols);
		for (int i = 0; i < agg->ncols; i++)
		{
			ModelColumn *c = &agg->cols[i];
			FakerCriteria *cc = FakerCriteriaColumn(crit, c->attnum);
			FakerCriteriaEnv env;
			Datum		v;
			bool		isnull;

			if (cc == NULL)
				continue;
			colcrit[i] = cc;
			if (c->kind == COL_DEFAULT)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("aggregate \"%s\": criteria %s on column \"%s\", which PostgreSQL fills from its DEFAULT",
								agg->name, FakerCriteriaText(cc), c->name),
						 errhint("Give the column a spec under \"columns\".")));
			if (known[i] || c->kind != COL_REF)
			{
				check_all |= known[i];	/* pinned by another path: checked below */
				continue;
			}
			/* a foreign key column: an equality pins it, anything else is checked */
			RowEnv(rc->plan, agg, vals, nulls, known, &env);
			check_all = true;
			if (FakerCriteriaEquality(cc, &env, &v, &isnull))
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
								   crit ? FakerCriteriaForeignKey(crit, r->conoid) : NULL);
				else if (crit && FakerCriteriaForeignKey(crit, r->conoid))
					check_all = true;	/* decided by another path: checked below */
				else if (r->require && !r->back_edge)
					check_pinned_reference(rc, agg, r, vals, nulls);
			}

	/* the other columns, those a $field reads first */
	for (int o = 0; o < agg->ncols; o++)
	{
		int			i = agg->colorder ? agg->colorder[o] : o;
		ModelColumn *c = &agg->cols[i];
		FakerCriteria *req = c->require;

		if (known[i] || c->kind == COL_DEFAULT)
			continue;
		if (c->kind == COL_REF)
		{
			nulls[i] = true;
			continue;
		}
		if (colcrit && colcrit[i])
			req = FakerCriteriaMerge(req, colcrit[i], agg->name);
		vals[i] = ColumnValue(rc, agg, c, req, vals, nulls, known, &nulls[i]);
		known[i] = true;
	}
	if (check_all)
	{
		FakerCriteriaEnv env;

		RowEnv(rc->plan, agg, vals, nulls, NULL, &env);
		if (!FakerCriteriaEvalRow(crit, &env))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("aggregate \"%s\": a row made for criteria %s does not satisfy them",
							agg->name, FakerCriteriaText(crit)),
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
		FilterAdd(rc->plan, agg, asked, vals, nulls);
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
			RowMake(rc, child, cpin, cvals, cnulls, NULL, NULL, NULL);
	}
}

