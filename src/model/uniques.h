/*
 * uniques.h: every unique constraint and unique index of a table (also
 * partial ones and expression indexes) honoured by the rows faker makes:
 * tuples tracked by hash, seeded from the rows already in the table; a
 * row whose tuple was seen is made again (uniques.c).
 */
#ifndef FAKER_UNIQUES_H
#define FAKER_UNIQUES_H

#include "model/modelpriv.h"
#include "nodes/bitmapset.h"

typedef struct UniqueKey
{
	Oid			indexoid;
	char	   *name;			/* the index (= constraint) name */
	int			nkeys;
	int			col[MODEL_MAX_KEYS];	/* column index, -1 for an expression */
	int16		typlen[MODEL_MAX_KEYS];
	bool		typbyval[MODEL_MAX_KEYS];
	List	   *exprs;			/* index expressions (the table's attnos) */
	List	   *pred;			/* partial index predicate (implicit AND), or NIL */
	bool		nulls_not_distinct;
	Bitmapset  *attrs;			/* attnums the key, expressions and predicate read */
	bool		simple;			/* plain columns, no predicate */
	bool		active;			/* checked by faker (else unique by construction) */
	/* call state */
	List	   *exprstates;
	ExprState  *predstate;
	struct fhset_hash *seen;
	bool	   *refs;			/* per reference: its columns are in the key */
} UniqueKey;

/* catalog.c: the unique indexes of REL */
extern void UniquesLoad(Aggregate *agg, Relation rel);
/* spec.c: constant DEFAULTs of unique keys (before type generators) */
extern void UniquesDefaults(Aggregate *agg);
/* spec.c: which keys faker checks; one-to-one references */
extern void UniquesPrepare(Aggregate *agg);
/* call.c: expression states, tuples already in the table */
extern void UniquesOpen(FakerPlan *plan, Aggregate *agg);
/* row.c: the first key whose tuple the row repeats, or -1 (then the tuples are taken) */
extern int	UniquesConflict(FakerPlan *plan, Aggregate *agg, const Datum *vals, const bool *nulls);
/* row.c: after ATTEMPT conflicts on KEY, set FORCE (per reference: create); error when exhausted */
extern void UniquesRedraw(Aggregate *agg, int key, int attempt, bool *force);
/* row.c: is the parent at pool position POS not referenced yet through one-to-one R? */
extern bool UniquesParentFree(Aggregate *agg, ModelRef *r, int64 pos);

#endif							/* FAKER_UNIQUES_H */
