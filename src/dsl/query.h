/*
 * query.h: the criteria DSL (README, "Criteria"): MongoDB-like jsonb.
 *
 *   parse.c   jsonb -> operator tree (syntax only, errors with JSON paths),
 *             and the tree back to jsonb
 *   bind.c    tree + relation -> columns, types, $rel through foreign keys
 *   merge.c   AND of criteria from several paths, conflicts are errors
 *   eval.c    evaluate a bound tree against a row / a value, in C
 *   to_sql.c  bound tree -> parameterised SQL predicate
 *
 * A tree is either row-level (a condition on a row of a relation:
 * {"col": q, ...}, combined by $or/$and/$not) or value-level (a condition
 * on one value of a type: $eq, $gt, $in, ...).  Binding fixes which.
 * Other subsystems use only this header.
 */
#ifndef FAKER_QUERY_H
#define FAKER_QUERY_H

#include "postgres.h"

#include "access/attnum.h"
#include "nodes/pg_list.h"
#include "utils/jsonb.h"

typedef struct FakerQuery FakerQuery;	/* palloc'd tree */

/* A foreign key a $rel or a $field goes through. */
typedef struct FakerQueryFK
{
	Oid			conoid;
	char	   *conname;
	Oid			child;			/* referencing relation */
	Oid			parent;			/* referenced relation */
	char	   *parent_qualname;
	int			nkeys;
	AttrNumber	child_att[32];
	AttrNumber	parent_att[32];
	void	   *lookup;			/* eval.c: the parent row's lookup, built once */
} FakerQueryFK;

/* Earlier steps of a pipe, for {"$step": "name.col"} (key columns only). */
typedef struct FakerQueryStep
{
	const char *name;
	Oid			relid;
	int			nkeys;
	AttrNumber	keyatt[32];
} FakerQueryStep;

/* Parse CRITERIA; PATH (e.g. "columns.issued.require") prefixes errors. */
extern FakerQuery *FakerQueryParse(Jsonb *criteria, const char *path);

/* The tree as jsonb again (normalised), for messages and tests. */
extern Jsonb *FakerQueryToJsonb(FakerQuery *q);
extern char *FakerQueryText(FakerQuery *q);

/*
 * Bind to a row of RELID: {"col": q} resolves columns (cast literals to the
 * column's type, take its ordering and collation), {"fk": {"$rel": q}}
 * resolves foreign keys (by constraint name, or a column that belongs to
 * exactly one) and binds q to the parent, recursively.  STEPS (may be NULL)
 * resolve $step operands.  Returns a new tree.
 */
extern FakerQuery *FakerQueryBindRow(FakerQuery *q, Oid relid,
									 const FakerQueryStep *steps, int nsteps);

/*
 * Bind a reference's criteria: a condition on the parent row of foreign key
 * CONOID of CHILD ({"$rel": q}, or q directly).  The result is row-level on
 * the parent.
 */
extern FakerQuery *FakerQueryBindReference(FakerQuery *q, Oid child, Oid conoid,
										   const FakerQueryStep *steps, int nsteps);

/* Bind a condition on one value of TYPID (a column's "require"); $field
 * operands read the row of RELID (may be InvalidOid: no $field). */
extern FakerQuery *FakerQueryBindValue(FakerQuery *q, Oid typid, int32 typmod, Oid collid,
									   Oid relid);

/*
 * AND of two bound trees of the same kind.  Same criteria keep, row
 * conditions merge field by field, $rel merges its inner conditions;
 * criteria that cannot hold together (different equalities, an equality a
 * bound excludes, an empty range) are an ERROR naming AGGREGATE and both
 * criteria with the paths they were parsed at.  Either input may be NULL.
 */
extern FakerQuery *FakerQueryMerge(FakerQuery *a, FakerQuery *b, const char *aggregate);

/* Where evaluation finds the rows it needs. */
typedef struct FakerQueryEnv
{
	Datum	   *values;			/* the row ($field, row-level trees), by attnum - 1 */
	bool	   *nulls;
	/* the parent row of FK with key KEYS (in FK order); false if none */
	bool		(*fetch) (void *arg, FakerQueryFK *fk, Datum *keys,
						  Datum **values, bool **nulls);
	void	   *arg;
	Datum	  **stepkeys;		/* pipes: key values of earlier steps */
	bool	  **stepnulls;
} FakerQueryEnv;

/* The default fetch: SPI lookup by the foreign key (caller is connected). */
extern bool FakerQueryFetchSPI(void *arg, FakerQueryFK *fk, Datum *keys,
							   Datum **values, bool **nulls);

/* True if the row / the value satisfies the bound tree (SQL's NULL logic:
 * unknown is not satisfied). */
extern bool FakerQueryEvalRow(FakerQuery *q, FakerQueryEnv *env);
extern bool FakerQueryEvalValue(FakerQuery *q, Datum value, bool isnull, FakerQueryEnv *env);

/* Parameters of a translated predicate: literals, and $step operands that
 * FakerQueryParamsFill refreshes from an environment. */
typedef struct FakerQueryParams
{
	int			n;
	Oid		   *types;
	Datum	   *values;
	char	   *nulls;			/* SPI style: 'n' or ' ' */
	void	  **sources;		/* operand of each parameter */
	int			alias;			/* alias counter */
} FakerQueryParams;

/*
 * Translate a bound row-level tree into a SQL predicate over ALIAS (quoted
 * identifiers, values as $n parameters appended to PARAMS); $rel becomes
 * EXISTS over the parent table through the foreign key.
 */
extern char *FakerQueryToSQL(FakerQuery *q, const char *alias, FakerQueryParams *params);
extern void FakerQueryParamsFill(FakerQueryParams *params, FakerQueryEnv *env);

/* --- for the population engine --- */

/* Does the tree read other rows ($rel, $field through a foreign key)? */
extern bool FakerQueryIsLocal(FakerQuery *q);

/* Does the value-level tree read other columns ($field, $step)? */
extern bool FakerQueryHasOperandRefs(FakerQuery *q);
extern bool FakerQueryHasSteps(FakerQuery *q);

/* Own columns a tree's $field operands read (attnums, by the row's relation). */
extern List *FakerQueryFieldDeps(FakerQuery *q);

/*
 * A row-level tree split for making a row that satisfies it: the condition
 * on column ATTNUM (value-level), or on foreign key CONOID (row-level on the
 * parent), or NULL if it says nothing of it.  Only fields ANDed at the top
 * are found; FakerQueryHasRest tells whether the tree is more than such an
 * AND ($or, $not at row level).
 */
extern FakerQuery *FakerQueryColumn(FakerQuery *q, AttrNumber attnum);
extern FakerQuery *FakerQueryForeignKey(FakerQuery *q, Oid conoid);
extern bool FakerQueryHasRest(FakerQuery *q);

/*
 * Diamonds: what criteria REQ on the parent of the wide foreign key
 * WIDE_CONOID of CHILD say about the parent of the narrower NARROW_CONOID
 * whose columns it shares (conditions on the shared columns, and $rel
 * through the wide parent's own twin of the narrow key), as row-level
 * criteria on the narrow parent; NULL if nothing.
 */
extern FakerQuery *FakerQueryHoist(FakerQuery *req, Oid child, Oid wide_conoid, Oid narrow_conoid);

/* One branch of each top-level $or, chosen by PICK(arg, n) -> [0, n):
 * the result is a plain AND of fields (or the tree itself). */
extern FakerQuery *FakerQueryChooseBranch(FakerQuery *q, int (*pick) (void *arg, int n), void *arg);

/*
 * A value-level tree's constant answer, if it has one: an equality
 * (*value, *isnull) -- returns true.
 */
extern bool FakerQueryEquality(FakerQuery *q, FakerQueryEnv *env, Datum *value, bool *isnull);

/*
 * The range a value-level tree implies (ANDed comparisons; $field and $step
 * operands read from ENV; *HAS_LO and *HAS_HI start false).  Returns false
 * if it implies none.  Bounds are of the bound type.
 */
extern bool FakerQueryBounds(FakerQuery *q, FakerQueryEnv *env,
							 Datum *lo, bool *has_lo, bool *lo_incl,
							 Datum *hi, bool *has_hi, bool *hi_incl);

#endif							/* FAKER_QUERY_H */
