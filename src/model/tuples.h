/*
 * tuples.h: correlated tuples and person-like columns (README, "Correlated
 * tuples", "Person-like columns agree"):
 *
 *   "columns": {"(city, postcode, country)": {"gen": "address", "mean": 5}}
 *   "columns": {"(a, b)": {"from": {"relation": "t", "columns": ["x", "y"]}}}
 *
 * several columns of a row drawn as ONE value (tuples.c), from the
 * "address" generator (src/gen/address.c) or from the rows of a table
 * (lookup.c); and an email or username column left to its default made of
 * the row's generated names (tuples.c).
 */
#ifndef FAKER_TUPLES_H
#define FAKER_TUPLES_H

#include "model/engine.h"

/* A tuple's "from": rows of a relation, NCOLS values each (lookup.c). */
typedef struct TupleFrom
{
	char	   *rel;			/* as written */
	int			ncols;
	char	  **cols;			/* the relation's columns, in the tuple's order */
	char	   *weights;		/* or NULL */
	Oid			relid;
	/* call */
	int64		n;
	Datum	   *vals;			/* n * ncols, in the types of the tuple's columns */
	bool	   *nulls;
	double	   *cum;			/* cumulative weights, or NULL: uniform */
} TupleFrom;

/* lookup.c */
extern void LookupTupleSpec(TupleFrom *f, JsonbValue *from, int ncols, const char *path);
extern void LookupTupleOpen(FakerPlan *plan, Aggregate *agg, TupleFrom *f, const int *cols,
							const char *path);
extern int64 LookupTupleNext(TupleFrom *f, FakerRng *rng);

/* tuples.c: spec.c reads a "(a, b, c)" key with TupleSpec */
extern void TupleSpec(Aggregate *agg, const char *key, Jsonb *spec, const char *path);
/* tuples.c: values.c asks a member column of a tuple for its value */
extern Datum TupleValue(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull);
/* tuples.c: spec.c links default logins to the row's names, after column_order */
extern void TuplesLinkPersons(Aggregate *agg, Jsonb *spec);
/* tuples.c: values.c makes a linked login from the row's names */
extern bool PersonLogin(RowCtx *rc, ModelColumn *c, Datum *out);

#endif							/* FAKER_TUPLES_H */
