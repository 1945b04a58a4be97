/*
 * criteria.h: criteria (README, "Criteria (`require`)"): MongoDB-like jsonb
 * conditions on rows and values.  (The SQL functions over them keep their
 * older names, faker_query_*: docs/design.md, "Names".)
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
#ifndef FAKER_CRITERIA_H
#define FAKER_CRITERIA_H

#include "postgres.h"

#include "access/attnum.h"
#include "nodes/pg_list.h"
#include "utils/jsonb.h"

typedef struct FakerCriteria FakerCriteria;	/* palloc'd tree */

/* A foreign key a $rel or a $field goes through. */
typedef struct FakerCriteriaFK
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
} FakerCriteriaFK;

/* Earlier steps of a pipe, for {"$step": "name.col"} (key columns only). */
typedef struct FakerCriteriaStep
{
	const char *name;
	Oid			relid;
	int			nkeys;
	AttrNumber	keyatt[32];
} FakerCriteriaStep;

/* Parse CRITERIA; PATH (e.g. "columns.issued.require") prefixes errors. */
extern FakerCriteria *FakerCriteriaParse(Jsonb *criteria, const char *path);

/* The tree as jsonb again (normalised), for messages and tests. */
extern Jsonb *FakerCriteriaToJsonb(FakerCriteria *q);
extern char *FakerCriteriaText(FakerCriteria *q);

/*
 * Bind to a row of RELID: {"col": q} resolves columns (cast literals to the
 * column's type, take its ordering and collation), {"fk": {"$rel": q}}
 * resolves foreign keys (by constraint name, or a column that belongs to
 * exactly one) and binds q to the parent, recursively.  STEPS (may be NULL)
 * resolve $step operands.  Returns a new tree.
 */
extern FakerCriteria *FakerCriteriaBindRow(FakerCriteria *q, Oid relid,
									 const FakerCriteriaStep *steps, int nsteps);

/*
 * Bind a reference's criteria: a condition on the parent row of foreign key
 * CONOID of CHILD ({"$rel": q}, or q directly).  The result is row-level on
 * the parent.
 */
extern FakerCriteria *FakerCriteriaBindReference(FakerCriteria *q, Oid child, Oid conoid,
										   const FakerCriteriaStep *steps, int nsteps);

/* Bind a condition on one value of TYPID (a column's "require"); $field
 * operands read the row of RELID (may be InvalidOid: no $field). */
extern FakerCriteria *FakerCriteriaBindValue(FakerCriteria *q, Oid typid, int32 typmod, Oid collid,
									   Oid relid);

/*
 * AND of two bound trees of the same kind.  Same criteria keep, row
 * conditions merge field by field, $rel merges its inner conditions;
 * criteria that cannot hold together (different equalities, an equality a
 * bound excludes, an empty range) are an ERROR naming AGGREGATE and both
 * criteria with the paths they were parsed at.  Either input may be NULL.
 */
extern FakerCriteria *FakerCriteriaMerge(FakerCriteria *a, FakerCriteria *b, const char *aggregate);

/* Where evaluation finds the rows it needs. */
typedef struct FakerCriteriaEnv
{
	Datum	   *values;			/* the row ($field, row-level trees), by attnum - 1 */
	bool	   *nulls;
	/* the parent row of FK with key KEYS (in FK order); false if none */
	bool		(*fetch) (void *arg, FakerCriteriaFK *fk, Datum *keys,
						  Datum **values, bool **nulls);
	void	   *arg;
	Datum	  **stepkeys;		/* pipes: key values of earlier steps */
	bool	  **stepnulls;
} FakerCriteriaEnv;

/* The default fetch: SPI lookup by the foreign key (caller is connected). */
extern bool FakerCriteriaFetchSPI(void *arg, FakerCriteriaFK *fk, Datum *keys,
							   Datum **values, bool **nulls);

/* True if the row / the value satisfies the bound tree (SQL's NULL logic:
 * unknown is not satisfied). */
extern bool FakerCriteriaEvalRow(FakerCriteria *q, FakerCriteriaEnv *env);
extern bool FakerCriteriaEvalValue(FakerCriteria *q, Datum value, bool isnull, FakerCriteriaEnv *env);

/* Parameters of a translated predicate: literals, and $step operands that
 * FakerCriteriaParamsFill refreshes from an environment. */
typedef struct FakerCriteriaParams
{
	int			n;
	Oid		   *types;
	Datum	   *values;
	char	   *nulls;			/* SPI style: 'n' or ' ' */
	void	  **sources;		/* operand of each parameter */
	int			alias;			/* alias counter */
} FakerCriteriaParams;

/*
 * Translate a bound row-level tree into a SQL predicate over ALIAS (quoted
 * identifiers, values as $n parameters appended to PARAMS); $rel becomes
 * EXISTS over the parent table through the foreign key.
 */
extern char *FakerCriteriaToSQL(FakerCriteria *q, const char *alias, FakerCriteriaParams *params);
extern void FakerCriteriaParamsFill(FakerCriteriaParams *params, FakerCriteriaEnv *env);

/* --- for the population engine --- */

/* Does the tree read other rows ($rel, $field through a foreign key)? */
extern bool FakerCriteriaIsLocal(FakerCriteria *q);

/* Does the value-level tree read other columns ($field, $step)? */
extern bool FakerCriteriaHasOperandRefs(FakerCriteria *q);
extern bool FakerCriteriaHasSteps(FakerCriteria *q);

/* Own columns a tree's $field operands read (attnums, by the row's relation). */
extern List *FakerCriteriaFieldDeps(FakerCriteria *q);

/*
 * A row-level tree split for making a row that satisfies it: the condition
 * on column ATTNUM (value-level), or on foreign key CONOID (row-level on the
 * parent), or NULL if it says nothing of it.  Only fields ANDed at the top
 * are found; FakerCriteriaHasRest tells whether the tree is more than such an
 * AND ($or, $not at row level).
 */
extern FakerCriteria *FakerCriteriaColumn(FakerCriteria *q, AttrNumber attnum);
extern FakerCriteria *FakerCriteriaForeignKey(FakerCriteria *q, Oid conoid);
extern bool FakerCriteriaHasRest(FakerCriteria *q);

/*
 * Diamonds: what criteria REQ on the parent of the wide foreign key
 * WIDE_CONOID of CHILD say about the parent of the narrower NARROW_CONOID
 * whose columns it shares (conditions on the shared columns, and $rel
 * through the wide parent's own twin of the narrow key), as row-level
 * criteria on the narrow parent; NULL if nothing.
 */
extern FakerCriteria *FakerCriteriaHoist(FakerCriteria *req, Oid child, Oid wide_conoid, Oid narrow_conoid);

/* One branch of each top-level $or, chosen by PICK(arg, n) -> [0, n):
 * the result is a plain AND of fields (or the tree itself). */
extern FakerCriteria *FakerCriteriaChooseBranch(FakerCriteria *q, int (*pick) (void *arg, int n), void *arg);

/* One branch of each $or of a value-level tree (also under $and). */
extern FakerCriteria *FakerCriteriaValueBranch(FakerCriteria *q, int (*pick) (void *arg, int n), void *arg);

/*
 * A value-level tree's constant answer, if it has one: an equality
 * (*value, *isnull) -- returns true.
 */
extern bool FakerCriteriaEquality(FakerCriteria *q, FakerCriteriaEnv *env, Datum *value, bool *isnull);

/*
 * The range a value-level tree implies (ANDed comparisons; $field and $step
 * operands read from ENV; *HAS_LO and *HAS_HI start false).  Returns false
 * if it implies none.  Bounds are of the bound type.
 */
extern bool FakerCriteriaBounds(FakerCriteria *q, FakerCriteriaEnv *env,
							 Datum *lo, bool *has_lo, bool *lo_incl,
							 Datum *hi, bool *has_hi, bool *hi_incl);

#endif							/* FAKER_CRITERIA_H */
