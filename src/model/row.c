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
#include "model/checks.h"
#include "model/engine.h"
#include "model/tree.h"
#include "model/uniques.h"
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

/* The state of one reference draw: what the row already says of the key. */
typedef struct RefDraw
{
	bool		pk_known[MODEL_MAX_KEYS];	/* by position in the parent's key */
	Datum		pk_vals[MODEL_MAX_KEYS];
	int			nknown;
	bool		all_nullable;	/* the undecided columns all take NULL */
	bool		filtered;		/* drawn among parents that satisfy criteria */
	int64		pos;			/* the parent reused, by pool position */
} RefDraw;

/* What the row being built already says of R's key columns. */
static void
ref_known(Aggregate *agg, ModelRef *r, const bool *known, const Datum *vals, RefDraw *rd)
{
	memset(rd, 0, sizeof(RefDraw));
	rd->all_nullable = true;
	rd->pos = -1;
	for (int k = 0; k < r->nkeys; k++)
	{
		if (known[r->col[k]])
		{
			rd->pk_known[r->pkey[k]] = true;
			rd->pk_vals[r->pkey[k]] = vals[r->col[k]];
			rd->nknown++;
		}
		else
			rd->all_nullable &= !agg->cols[r->col[k]].notnull;
	}
}

/*
 * Are G's columns (a reference of the row) exactly among the key columns
 * of R that the row already knows?  And with C (a reference of R's
 * parent), does C map each of them, as a column of the parent, to the same
 * key of G's table as G does?  (book -> tenant, book -> author and
 * author -> tenant agree on tenant_id.)
 */
static bool
same_scope(Aggregate *agg, ModelRef *r, const RefDraw *rd, ModelRef *g, ModelRef *c)
{
	for (int k = 0; k < g->nkeys; k++)
	{
		int			pc = -1;

		/* the row's column g->col[k] is one of R's known columns, parent column pc */
		for (int kk = 0; kk < r->nkeys; kk++)
			if (r->col[kk] == g->col[k] && rd->pk_known[r->pkey[kk]])
				pc = r->parent->keycol[r->pkey[kk]];
		if (pc < 0)
			return false;
		if (c == NULL)
			continue;
		/* ... and the parent's reference C maps pc to the same key of the grandparent */
		for (int k2 = 0; k2 < c->nkeys; k2++)
			if (c->col[k2] == pc)
			{
				if (c->pkey[k2] != g->pkey[k])
					return false;
				pc = -2;
			}
		if (pc != -2)
			return false;
	}
	return true;
}

/*
 * The share of R's parents that R's sub-pool should hold (dist.h,
 * FakerSubpool), or -1.  When the known key columns are those of another
 * reference G of the row (book -> tenant) and R's parent describes its own
 * reference to the same table over them (author -> tenant, "references" in
 * its spec), the parents are spread over the grandparents by that
 * reference's shape: the grandparent at position j of the T that G plans
 * toward by the end of the call holds share_parent(j/T .. (j+1)/T) of
 * them, while the overall mean is R's.
 * Without such a reference each sub-pool keeps R's mean (-1).
 */
static double
subpool_share(Aggregate *agg, ModelRef *r, const RefDraw *rd, const Datum *vals)
{
	ModelRef   *g = NULL,
			   *c = NULL;
	bool		known[MODEL_MAX_KEYS] = {false};
	Datum		keys[MODEL_MAX_KEYS];
	int64	   *members;
	double		T,
				j;

	for (int i = 0; i < agg->nrefs && g == NULL; i++)
	{
		ModelRef   *x = &agg->refs[i];

		if (x != r && !x->implied && !x->back_edge && x->m2o && x->nkeys == rd->nknown &&
			same_scope(agg, r, rd, x, NULL))
			g = x;
	}
	for (int i = 0; g && i < r->parent->nrefs && c == NULL; i++)
	{
		ModelRef   *x = &r->parent->refs[i];

		if (x->has_spec && x->parent == g->parent && x->nkeys == g->nkeys &&
			same_scope(agg, r, rd, g, x))
			c = x;
	}
	if (c == NULL)
		return -1;
	for (int k = 0; k < g->nkeys; k++)
	{
		known[g->pkey[k]] = true;
		keys[g->pkey[k]] = vals[g->col[k]];
	}
	if (PoolSubpool(g->parent, known, keys, &members) <= 0)
		return -1;
	j = (double) members[0];
	T = Max(Max(FakerM2OPlannedPool(g->m2o), (double) g->parent->pool.n), j + 1);
	return FakerM2OShare(&c->spec, j / T, (j + 1) / T);
}

/*
 * A draw among the parents that satisfy CRIT (and agree with the known key
 * columns); a back edge reuses what satisfies, else is NULL.
 */
static FakerDraw
ref_draw_filtered(RowCtx *rc, ModelRef *r, FakerCriteria *crit, RefDraw *rd)
{
	Aggregate  *parent = r->parent;
	FilterPool *f = (crit == r->require && r->filter) ? r->filter : FilterGet(rc->plan, parent, crit);
	int64	   *cands = f->pos;
	int64		ncand = f->n;
	FakerSubpool sp = {.share = -1};
	FakerDraw	d;

	if (crit == r->require)
		r->filter = f;
	if (rd->nknown > 0)
	{
		int64	   *members;
		int64		size = PoolSubpool(parent, rd->pk_known, rd->pk_vals, &members);

		cands = palloc(sizeof(int64) * Max(size, 1));
		ncand = 0;
		for (int64 i = 0; i < size; i++)
			if (FilterHas(f, members[i]))
				cands[ncand++] = members[i];
		/* no share (subpool_share): it is the whole sub-pool's, not CRIT's part's */
	}
	sp.members = cands;
	sp.n = ncand;
	d = FakerM2ONextIn(r->m2o, &r->rng, &sp);
	if (d.kind == FAKER_DRAW_CREATE && r->back_edge)
	{
		d.kind = ncand > 0 ? FAKER_DRAW_REUSE : FAKER_DRAW_NULL;
		d.index = ncand > 0 ? (int64) FakerRngBelow(&r->rng, ncand) : 0;
	}
	if (d.kind == FAKER_DRAW_REUSE)
		rd->pos = cands[d.index];
	rd->filtered = true;
	return d;
}

/*
 * Draw reference R: among parents that satisfy criteria, along a back edge
 * (only rows already written), in the sub-pool that agrees with the known
 * columns, or over the whole pool.  A NOT NULL column never takes a NULL,
 * and a self-reference never creates.
 */
static FakerDraw
ref_draw(RowCtx *rc, Aggregate *agg, ModelRef *r, FakerCriteria *crit, RefDraw *rd, const Datum *vals)
{
	Aggregate  *parent = r->parent;
	int64	   *members = NULL;
	FakerDraw	d;

	if (r->one_to_one && !crit && rd->nknown == 0 && !r->back_edge)
	{
		/* one-to-one: the next parent no row references yet, else a new one */
		d.index = 0;
		d.kind = FAKER_DRAW_CREATE;
		if (r->spec.null_weight > 0 && rd->all_nullable && FakerRngDouble(&r->rng) < r->spec.null_weight)
			d.kind = FAKER_DRAW_NULL;
		else
			while (r->o2o_next < parent->pool.n)
			{
				int64		pos = r->o2o_next++;

				if (UniquesParentFree(agg, r, pos))
				{
					d.kind = FAKER_DRAW_REUSE;
					rd->pos = pos;
					break;
				}
			}
		return d;
	}
	if (crit)
		d = ref_draw_filtered(rc, r, crit, rd);
	else if (r->back_edge && parent != agg)
	{
		/* a cycle through another aggregate: its unflushed rows are not in the table yet */
		d = FakerM2ONext(r->m2o, &r->rng, rd->nknown > 0 ? 0 : parent->pool.flushed);
		if (d.kind == FAKER_DRAW_CREATE)
			d.kind = FAKER_DRAW_NULL;
		rd->pos = d.index;
	}
	else if (rd->nknown > 0)
	{
		FakerSubpool sp;

		sp.n = PoolSubpool(parent, rd->pk_known, rd->pk_vals, &members);
		sp.members = members;
		sp.share = subpool_share(agg, r, rd, vals);
		d = FakerM2ONextIn(r->m2o, &r->rng, &sp);
		if (d.kind == FAKER_DRAW_REUSE)
			rd->pos = members[d.index];
	}
	else
	{
		d = FakerM2ONext(r->m2o, &r->rng, parent->pool.n);
		rd->pos = d.index;
	}
	if (d.kind == FAKER_DRAW_NULL && !rd->all_nullable)
		d.kind = FAKER_DRAW_CREATE;		/* a NOT NULL column cannot take the null */
	if (d.kind == FAKER_DRAW_CREATE && r->back_edge && parent == agg)
	{
		/* a self-reference: reuse what there is, else NULL */
		int64		size = rd->nknown > 0 ? PoolSubpool(parent, rd->pk_known, rd->pk_vals, &members) : parent->pool.n;

		if (size > 0)
		{
			int64		i = (int64) FakerRngBelow(&r->rng, size);

			d.kind = FAKER_DRAW_REUSE;
			rd->pos = rd->nknown > 0 ? members[i] : i;
		}
		else
			d.kind = FAKER_DRAW_NULL;
	}
	return d;
}

/* Create the parent of reference R now, with the known key columns pinned. */
static void
ref_create(RowCtx *rc, Aggregate *agg, ModelRef *r, FakerCriteria *crit, RefDraw *rd,
		   bool *known, Datum *vals, bool *nulls)
{
	Aggregate  *parent = r->parent;
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
	rd->pos = parent->pool.n - 1;
	if (rd->nknown == 0 && !rd->filtered)
		FakerM2OCreated(r->m2o, parent->pool.n - 1);
	for (int k = 0; k < r->nkeys; k++)
		if (!known[r->col[k]])
		{
			known[r->col[k]] = true;
			vals[r->col[k]] = keys[r->pkey[k]];
			nulls[r->col[k]] = knulls[r->pkey[k]];
		}
}

/* Draw reference R of a row being built; fills its unknown columns. */
static void
draw_reference(RowCtx *rc, Aggregate *agg, ModelRef *r, bool *known, Datum *vals, bool *nulls,
			   FakerCriteria *extra, bool force_create)
{
	FakerCriteria *crit = extra ? FakerCriteriaMerge(r->require, extra, agg->name) : r->require;
	Aggregate  *parent = r->parent;
	RefDraw		rd;
	FakerDraw	d;

	ref_known(agg, r, known, vals, &rd);
	d = ref_draw(rc, agg, r, crit, &rd, vals);
	/* a unique key over the reference repeated: a new parent (not along a cycle) */
	if (force_create && d.kind == FAKER_DRAW_REUSE && !r->back_edge)
		d.kind = FAKER_DRAW_CREATE;
	switch (d.kind)
	{
		case FAKER_DRAW_NULL:
			if (r->self_root)
				break;			/* a root: the row's own key (row_self_roots) */
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
			UsesNote(r->uses, rd.pos);
			for (int k = 0; k < r->nkeys; k++)
				if (!known[r->col[k]])
				{
					ModelColumn *c = &agg->cols[r->col[k]];
					int64		at = rd.pos * parent->nkeys + r->pkey[k];

					known[r->col[k]] = true;
					nulls[r->col[k]] = parent->pool.nulls[at];
					vals[r->col[k]] = datumCopy(parent->pool.keys[at], c->typbyval, c->typlen);
				}
			break;
		case FAKER_DRAW_CREATE:
			ref_create(rc, agg, r, crit, &rd, known, vals, nulls);
			UsesNote(r->uses, rd.pos);
			break;
		default:
			break;
	}
}

/* The row being built: which columns are decided, and their values. */
typedef struct RowState
{
	bool	   *known;
	Datum	   *vals;
	bool	   *nulls;
	FakerCriteria *crit;			/* criteria pushed down to the row ($or branch chosen) */
	FakerCriteria **colcrit;		/* the part of CRIT on each column, or NULL */
	bool		check_all;		/* evaluate CRIT on the finished row */
} RowState;

/* Start row ST of AGG with the PINNED columns (their values copied). */
static void
row_start(Aggregate *agg, const bool *pinned, const Datum *pinvals, const bool *pinnulls, RowState *st)
{
	memset(st, 0, sizeof(RowState));
	st->known = palloc0(sizeof(bool) * agg->ncols);
	st->vals = palloc0(sizeof(Datum) * agg->ncols);
	st->nulls = palloc0(sizeof(bool) * agg->ncols);
	for (int i = 0; pinned && i < agg->ncols; i++)
		if (pinned[i])
		{
			st->known[i] = true;
			st->nulls[i] = pinnulls[i];
			st->vals[i] = pinnulls[i] ? (Datum) 0 :
				datumCopy(pinvals[i], agg->cols[i].typbyval, agg->cols[i].typlen);
		}
}

/*
 * Criteria pushed down to this row: one $or branch, then per column (an
 * equality on a foreign key column pins it; what another path pinned is
 * checked on the finished row).
 */
static void
row_criteria(RowCtx *rc, Aggregate *agg, FakerCriteria *crit, RowState *st)
{
	st->crit = FakerCriteriaChooseBranch(crit, RowPickBranch, &agg->crit_rng);
	st->check_all = FakerCriteriaHasRest(st->crit);
	st->colcrit = palloc0(sizeof(FakerCriteria *) * agg->ncols);
	for (int i = 0; i < agg->ncols; i++)
	{
		ModelColumn *c = &agg->cols[i];
		FakerCriteria *cc = FakerCriteriaColumn(st->crit, c->attnum);
		FakerCriteriaEnv env;
		Datum		v;
		bool		isnull;

		if (cc == NULL)
			continue;
		st->colcrit[i] = cc;
		if (c->kind == COL_DEFAULT)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("aggregate \"%s\": criteria %s on column \"%s\", which PostgreSQL fills from its DEFAULT",
							agg->name, FakerCriteriaText(cc), c->name),
					 errhint("Give the column a spec under \"columns\".")));
		if (st->known[i] || c->kind != COL_REF)
		{
			st->check_all |= st->known[i];	/* pinned by another path: checked below */
			continue;
		}
		RowEnv(rc->plan, agg, st->vals, st->nulls, st->known, &env);
		st->check_all = true;
		if (FakerCriteriaEquality(cc, &env, &v, &isnull))
		{
			st->known[i] = true;
			st->nulls[i] = isnull;
			st->vals[i] = isnull ? (Datum) 0 : datumCopy(v, c->typbyval, c->typlen);
		}
	}
}

/* References: narrower first, implied ones only if still undecided. */
static void
row_references(RowCtx *rc, Aggregate *agg, RowState *st, const bool *force)
{
	for (int pass = 0; pass < 2; pass++)
		for (int width = 1; width <= MODEL_MAX_KEYS; width++)
			for (int i = 0; i < agg->nrefs; i++)
			{
				ModelRef   *r = &agg->refs[i];
				FakerCriteria *fkcrit = st->crit ? FakerCriteriaForeignKey(st->crit, r->conoid) : NULL;

				if (r->nkeys != width || r->implied != (pass == 1))
					continue;
				if (known_count(agg, r, st->known) < r->nkeys)
					draw_reference(rc, agg, r, st->known, st->vals, st->nulls, fkcrit, force && force[i]);
				else if (fkcrit)
					st->check_all = true;	/* decided by another path: checked below */
				else if (r->require && !r->back_edge)
					check_pinned_reference(rc, agg, r, st->vals, st->nulls);
			}
}

/*
 * NOT NULL self-references left undecided (the table had no row to
 * reference yet): the row is a root and references itself, its own key.
 */
static void
row_self_roots(Aggregate *agg, RowState *st)
{
	for (int i = 0; i < agg->nrefs; i++)
	{
		ModelRef   *r = &agg->refs[i];

		if (!r->self_root || known_count(agg, r, st->known) == r->nkeys)
			continue;
		for (int k = 0; k < r->nkeys; k++)
		{
			int			kc = agg->keycol[r->pkey[k]];

			if (st->known[r->col[k]])
				continue;		/* pinned */
			st->vals[r->col[k]] = st->vals[kc];
			st->nulls[r->col[k]] = st->nulls[kc];
			st->known[r->col[k]] = true;
		}
	}
}

/* The other columns, those a $field reads first. */
static void
row_columns(RowCtx *rc, Aggregate *agg, RowState *st)
{
	for (int o = 0; o < agg->ncols; o++)
	{
		int			i = agg->colorder ? agg->colorder[o] : o;
		ModelColumn *c = &agg->cols[i];
		FakerCriteria *req = c->require;

		if (st->known[i] || c->kind == COL_DEFAULT)
			continue;
		if (c->kind == COL_REF)
		{
			st->nulls[i] = true;
			continue;
		}
		if (st->colcrit && st->colcrit[i])
			req = FakerCriteriaMerge(req, st->colcrit[i], agg->name);
		st->vals[i] = ColumnValue(rc, agg, c, req, st->vals, st->nulls, st->known, &st->nulls[i]);
		st->known[i] = true;
	}
	row_self_roots(agg, st);
}

/*
 * References, the other columns, and the CHECK constraints faker could
 * not translate (checkeval.c): a row that fails one has the columns that
 * constraint reads made again -- references too (entity0 <> entity1 over
 * two foreign keys), drawn again from their pools; when one constraint
 * failed CHECK_ATTEMPTS times on a row, the call fails.  Tables without
 * such a constraint go straight to row_references and row_columns.
 * FORCE: per reference, create (row_unique), or NULL.
 */
static void
row_columns_checked(RowCtx *rc, Aggregate *agg, RowState *st, const bool *force)
{
	bool	   *known0;
	int		   *fails;

	if (agg->checks == NULL || agg->checks->nredraw == 0)
	{
		row_references(rc, agg, st, force);
		row_columns(rc, agg, st);
		return;
	}
	known0 = palloc(sizeof(bool) * agg->ncols);
	memcpy(known0, st->known, sizeof(bool) * agg->ncols);
	fails = palloc0(sizeof(int) * agg->checks->n);
	for (;;)
	{
		int			bad;
		bool	   *redraw;

		row_references(rc, agg, st, force);
		row_columns(rc, agg, st);
		bad = ChecksFailing(rc->plan, agg, st->vals, st->nulls);
		if (bad < 0)
			return;
		if (++fails[bad] >= CHECK_ATTEMPTS)
			ChecksError(agg, bad);
		CHECK_FOR_INTERRUPTS();
		/* the failing rule's columns again; what satisfies the others stays */
		redraw = agg->checks->rules[bad].redraw;
		for (int i = 0; i < agg->ncols; i++)
			if (!known0[i] && redraw[i])
				st->known[i] = false;
	}
}

/*
 * References and columns of a row of a table with unique keys faker
 * checks: made again while a key's tuple repeats one already used (in the
 * table or in the call), the references of that key creating parents after
 * a few attempts (uniques.c).
 */
static void
row_unique(RowCtx *rc, Aggregate *agg, RowState *st)
{
	bool	   *known0 = palloc(sizeof(bool) * agg->ncols);
	Datum	   *vals0 = palloc(sizeof(Datum) * agg->ncols);
	bool	   *nulls0 = palloc(sizeof(bool) * agg->ncols);
	bool		check0 = st->check_all;
	bool	   *force = palloc0(sizeof(bool) * Max(agg->nrefs, 1));

	memcpy(known0, st->known, sizeof(bool) * agg->ncols);
	memcpy(vals0, st->vals, sizeof(Datum) * agg->ncols);
	memcpy(nulls0, st->nulls, sizeof(bool) * agg->ncols);
	for (int attempt = 0;; attempt++)
	{
		int			key;

		row_columns_checked(rc, agg, st, force);
		key = UniquesConflict(rc->plan, agg, st->vals, st->nulls);
		if (key < 0)
			return;
		UniquesRedraw(agg, key, attempt, force);
		memcpy(st->known, known0, sizeof(bool) * agg->ncols);
		memcpy(st->vals, vals0, sizeof(Datum) * agg->ncols);
		memcpy(st->nulls, nulls0, sizeof(bool) * agg->ncols);
		st->check_all = check0;
	}
}

/* A row whose columns another path decided must still satisfy its criteria. */
static void
row_check(RowCtx *rc, Aggregate *agg, RowState *st)
{
	FakerCriteriaEnv env;

	RowEnv(rc->plan, agg, st->vals, st->nulls, NULL, &env);
	if (!FakerCriteriaEvalRow(st->crit, &env))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aggregate \"%s\": a row made for criteria %s does not satisfy them",
						agg->name, FakerCriteriaText(st->crit)),
				 errdetail("Columns decided by another path (a shared key, a pinned foreign key) contradict them.")));
}

/* faker_rows: the row is the result, not an INSERT; no children. */
static void
row_to_sink(RowCtx *rc, Aggregate *agg, RowState *st)
{
	TupleDesc	desc = rc->plan->sinkdesc;

	memset(rc->plan->sinknulls, true, sizeof(bool) * desc->natts);
	for (int i = 0; i < agg->ncols; i++)
		if (agg->cols[i].attnum <= desc->natts)
		{
			rc->plan->sinkvals[agg->cols[i].attnum - 1] = st->vals[i];
			rc->plan->sinknulls[agg->cols[i].attnum - 1] = st->nulls[i];
		}
}

/* Children, each pinned to the row of key KEYS through its foreign key. */
static void
row_children(RowCtx *rc, Aggregate *agg, const Datum *keys, const bool *knulls)
{
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

/*
 * Write the row of AGG in ST now, where the database sets its key
 * (returning.c): the key it returned replaces faker's in KEYS/KNULLS and in
 * the row, so the pool, the filters and the children get it.
 */
static void
row_write_returning(RowCtx *rc, Aggregate *agg, RowState *st, Datum *keys, bool *knulls)
{
	WriterAdd(agg, st->vals, st->nulls);
	WriterFlush(rc->plan, agg);
	WriterReturnedKeys(agg, keys, knulls);
	for (int k = 0; k < agg->nkeys; k++)
	{
		st->vals[agg->keycol[k]] = keys[k];
		st->nulls[agg->keycol[k]] = knulls[k];
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
	MemoryContext caller = CurrentMemoryContext;
	bool		to_sink = rc->root && rc->plan->sinkdesc != NULL;
	RowState	st;
	Datum		keys[MODEL_MAX_KEYS];
	bool		knulls[MODEL_MAX_KEYS];
	int		   *tree_depth;

	CHECK_FOR_INTERRUPTS();
	check_stack_depth();
	rc->root = false;
	/* a returned row lives in the caller's per-row memory, not the batch */
	if (!to_sink)
		MemoryContextSwitchTo(WriterContext(agg));
	WriterBuilding(agg, 1);
	row_start(agg, pinned, pinvals, pinnulls, &st);
	if (crit)
		row_criteria(rc, agg, crit, &st);
	if (agg->checks && agg->checks->counts)
		ChecksPinCounts(rc->plan, agg, st.known, st.vals, st.nulls);
	/* a bounded tree chooses the parent by level (tree.c) */
	tree_depth = TreeRowBegin(rc, agg, st.known, st.vals, st.nulls);
	if (agg->nuactive > 0)
		row_unique(rc, agg, &st);
	else
		row_columns_checked(rc, agg, &st, NULL);
	if (st.check_all)
		row_check(rc, agg, &st);
	agg->created++;
	if (to_sink)
	{
		row_to_sink(rc, agg, &st);
		WriterBuilding(agg, -1);
		MemoryContextSwitchTo(caller);
		return;
	}
	for (int k = 0; k < agg->nkeys; k++)
	{
		keys[k] = st.vals[agg->keycol[k]];
		knulls[k] = st.nulls[agg->keycol[k]];
	}
	if (agg->pool.exists)
		CallLock(rc->plan);		/* the first write to a pool takes the call's locks */
	if (agg->keys_returned)
		row_write_returning(rc, agg, &st, keys, knulls);
	PoolAppend(agg, keys, knulls);
	if (tree_depth)
		TreeRowMade(agg, tree_depth, agg->pool.n - 1);
	if (agg->filters)
		FilterAdd(rc->plan, agg, crit, st.vals, st.nulls);
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
	if (!agg->keys_returned)
		WriterAdd(agg, st.vals, st.nulls);
	WriterBuilding(agg, -1);
	if (WriterFull(agg))
		WriterFlush(rc->plan, agg);
	row_children(rc, agg, keys, knulls);
}
