/*
 * expr.h: user-supplied providers of a column (README, "The spec"):
 *
 *   {"expr": "<SQL expression>"}         expr.c: evaluated per row in the
 *                                        backend, reading other columns of
 *                                        the row and, by "fk.col", of the
 *                                        parent rows
 *   {"gen": "sql", "function": "s.fn"}   expr.c: a SQL function per row
 *   {"from": "table.column"}             lookup.c: values read from a table
 *                                        once per call, with weights
 *   {"gen": "sequence", "scope": [...]}  seqscope.c: a counter per value of
 *                                        other columns
 *
 * The column's kind is COL_EXPR (sequences stay COL_SEQ with a provider);
 * "require", "null_weight", reuse and "unique" apply to the result as to a
 * generator's.
 */
#ifndef FAKER_EXPR_H
#define FAKER_EXPR_H

#include "model/engine.h"

typedef struct ColProvider ColProvider;

/* spec.c: is CS a user provider ("expr", "from", "gen": "sql")? */
extern bool ProviderIsSpec(Jsonb *cs, const char *gen);
/* spec.c: may key K appear in CS (of generator GEN, may be NULL)? */
extern bool ProviderAllowsKey(Jsonb *cs, const char *gen, const char *k);
/* spec.c: set column C up from its spec CS (kind COL_EXPR). */
extern void ProviderSpec(Aggregate *agg, ModelColumn *c, Jsonb *cs, const char *path);
/* spec.c: a sequence's "scope" as an array of columns. */
extern void ProviderSequenceSpec(Aggregate *agg, ModelColumn *c, Jsonb *cs, const char *path);
/* spec.c: attnums of the row's columns C reads (generated before it). */
extern List *ProviderDeps(ModelColumn *c);
/* spec.c: after every column has its kind: what C reads must be made by faker. */
extern void ProviderCheck(Aggregate *agg, const char *root);

/* call.c: must column J of A be evaluated by faker (a DEFAULT an expr reads)? */
extern bool ProviderNeedsColumn(Aggregate *a, int j);
/* call.c: per-call state (plans, lookups, tables read, counters). */
extern void ProviderOpen(FakerPlan *plan, Aggregate *a, ModelColumn *c);
/* call.c: save what lasts beyond the call (scoped sequence counters). */
extern void ProviderFinish(FakerPlan *plan, Aggregate *a, ModelColumn *c);

/* values.c: the next value of column C of the row in RC (column type). */
extern Datum ProviderNext(RowCtx *rc, Aggregate *agg, ModelColumn *c, bool *isnull);
/* values.c: the next number of a scoped sequence for the row in RC. */
extern int64 ProviderSequenceNext(RowCtx *rc, Aggregate *agg, ModelColumn *c);

/* Re-throw the error being handled (in PG_CATCH) with LABEL before its message. */
extern void ProviderRethrow(MemoryContext cxt, const char *label, const char *text, int skip);

/* lookup.c, seqscope.c (called from expr.c) */
extern void LookupSpec(Aggregate *agg, ModelColumn *c, ColProvider *p, JsonbValue *from, const char *path);
extern void LookupOpen(FakerPlan *plan, Aggregate *a, ModelColumn *c, ColProvider *p);
extern Datum LookupNext(ModelColumn *c, ColProvider *p, bool *isnull);
extern void SeqScopeOpen(FakerPlan *plan, Aggregate *a, ModelColumn *c, ColProvider *p);
extern int64 SeqScopeNext(RowCtx *rc, Aggregate *agg, ModelColumn *c, ColProvider *p);
extern void SeqScopeFinish(FakerPlan *plan, Aggregate *a, ModelColumn *c, ColProvider *p);

typedef enum ProvKind
{
	PROV_EXPR,
	PROV_FUNC,
	PROV_FROM,
	PROV_SEQSCOPE
} ProvKind;

/* A value an expression reads: a column of the row, or of a parent row. */
typedef struct ProvParam
{
	char	   *name;			/* as written: "col" or "fk.col" */
	int			col;			/* column index in the row; -1: a parent's */
	int			ref;			/* parent: index of the reference */
	AttrNumber	patt;			/* parent: column of the parent */
	Oid			type;
	int32		typmod;
	Oid			collid;
	/* call: the parent's column by key, and the last key read */
	SPIPlanPtr	lookup;
	Datum		lastkeys[MODEL_MAX_KEYS];
	bool		have_last;
	Datum		lastval;
	bool		lastnull;
} ProvParam;

struct ColProvider
{
	ProvKind	kind;
	char	   *path;			/* aggregate "x": columns.c, for messages */
	char	   *label;			/* aggregate "x": column "c": expr, for messages */
	/* expr and function: an expression over parameters $1..$n */
	char	   *text;
	Node	   *expr;			/* analysed, coerced to the column type */
	int			nparams;
	ProvParam  *params;
	Oid			fnoid;
	/* call */
	ExprState  *state;
	ExprContext *econtext;
	ParamListInfo pli;
	/* from */
	char	   *from_rel;		/* as written */
	char	   *from_col;
	char	   *from_weights;	/* or NULL */
	Oid			from_relid;
	int64		from_n;
	Datum	   *from_vals;
	double	   *from_cum;		/* cumulative weights, or NULL: uniform */
	/* scoped sequence */
	int			nscope;
	int		   *scopecol;		/* column indexes */
	char	   *scopebase;		/* aggregate.column */
	struct HTAB *counters;
	FmgrInfo   *scopeout;		/* output functions of the scope columns */
};

#endif							/* FAKER_EXPR_H */
