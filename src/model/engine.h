/*
 * engine.h: what the files of the population engine share (src/model):
 * the state of a row being made, filtered pools, the set of hashes.
 *
 *   call.c     a call: locks, plan of the distributors, pools, writers
 *   row.c      one row: references, columns, children
 *   values.c   one column's value: providers, uniqueness, criteria
 *   filter.c   the parents that satisfy criteria; criteria environments
 */
#ifndef FAKER_ENGINE_H
#define FAKER_ENGINE_H

#include "model/modelpriv.h"
#include "model/hashset.h"

/* A call's row-making state. */
typedef struct RowCtx
{
	FakerPlan  *plan;
	FakerProgress progress;
	bool		root;			/* the next RowMake makes a top-level row */
	Datum	   *rowvals;		/* the row whose column is being made (expr.h) */
	bool	   *rownulls;
} RowCtx;

/*
 * A filtered pool: the positions in AGG's pool of the rows that satisfy
 * CRIT (filter.c).
 */
typedef struct FilterPool
{
	FakerCriteria *crit;
	char	   *key;			/* CRIT as text; NULL: read for one use ($step) */
	int64	   *pos;
	int64		n,
				cap;
	HashSet    *members;
} FilterPool;

/* spaces.c: before a call writes, the columns that need more values than their generator makes */
extern void SpacesCheckCall(FakerPlan *plan, const double *base);

/* row.c */
extern void RowMake(RowCtx *rc, Aggregate *agg, const bool *pinned, const Datum *pinvals,
					const bool *pinnulls, Datum *outkeys, bool *outnulls, FakerCriteria *crit);

/* values.c */
extern Datum ColumnValue(RowCtx *rc, Aggregate *agg, ModelColumn *c, FakerCriteria *req,
						 Datum *vals, bool *nulls, bool *known, bool *isnull);
extern uint64 ColumnHash(ModelColumn *c, Datum d);

/* filter.c */
extern FilterPool *FilterGet(FakerPlan *plan, Aggregate *agg, FakerCriteria *crit);
extern void FilterAdd(FakerPlan *plan, Aggregate *agg, FakerCriteria *crit, const Datum *vals, const bool *nulls);
extern bool FilterHas(FilterPool *f, int64 pos);
extern void RowEnv(FakerPlan *plan, Aggregate *agg, const Datum *vals, const bool *nulls, const bool *known,
				   FakerCriteriaEnv *env);
extern int	RowPickBranch(void *arg, int n);

#endif							/* FAKER_ENGINE_H */
