/*
 * query.h: the criteria DSL (SPEC.md section 3.3): MongoDB-like jsonb.
 *
 *   parse.c   jsonb -> operator tree (syntax only, errors with JSON paths)
 *   bind.c    tree + relation -> columns, types, $rel through foreign keys
 *   merge.c   AND of criteria from several paths, conflicts are errors
 *   eval.c    evaluate a bound tree against a row / a value, in C
 *   to_sql.c  bound tree -> parameterised SQL predicate
 *
 * Owner: the query DSL issue.  Other subsystems use only this header.
 */
#ifndef FAKER_QUERY_H
#define FAKER_QUERY_H

#include "postgres.h"

#include "access/tupdesc.h"
#include "nodes/pg_list.h"
#include "utils/jsonb.h"

typedef struct FakerQuery FakerQuery;	/* opaque tree, palloc'd */

/* Parse criteria.  PATH (e.g. "references.author_id.require") prefixes
 * errors (ERRCODE_INVALID_PARAMETER_VALUE or ERRCODE_SYNTAX_ERROR). */
extern FakerQuery *FakerQueryParse(Jsonb *criteria, const char *path);

/*
 * Bind a parsed tree to relation RELID: a row-level tree ({"col": q, ...})
 * resolves columns (ERRCODE_UNDEFINED_COLUMN naming PATH), casts literal
 * operands to the column types, resolves {"$rel": ...} through the foreign
 * key named by the enclosing key (constraint name, or a column belonging to
 * exactly one FK) to the parent relation, recursively, and $field operands.
 * When SCALAR_TYPID is valid the tree is a scalar condition on one value of
 * that type (a column spec's "require"), and RELID gives the row context for
 * $field.  Returns a new bound tree.
 */
extern FakerQuery *FakerQueryBind(FakerQuery *q, Oid relid, Oid scalar_typid,
								  int32 scalar_typmod, const char *path);

/*
 * AND of two bound trees on the same relation.  Same value keeps, different
 * equalities conflict: ERROR (ERRCODE_INVALID_PARAMETER_VALUE) naming
 * AGGREGATE and both criteria (PATH_A, PATH_B).  Either input may be NULL.
 */
extern FakerQuery *FakerQueryMerge(FakerQuery *a, const char *path_a,
								   FakerQuery *b, const char *path_b,
								   const char *aggregate);

/* Evaluate a bound row-level tree against a row of its relation.  $rel and
 * $field through foreign keys read the parent row (by SPI, keyed lookup). */
extern bool FakerQueryEvalRow(FakerQuery *q, TupleDesc desc, Datum *values, bool *nulls);

/* Evaluate a bound scalar tree on VALUE; ROW (may be NULL) supplies $field. */
extern bool FakerQueryEvalValue(FakerQuery *q, Datum value, bool isnull,
								TupleDesc desc, Datum *values, bool *nulls);

/*
 * Translate a bound row-level tree into a SQL predicate over ALIAS (quoted
 * identifiers, values as $n parameters numbered from *NPARAMS + 1; *TYPES
 * and *VALUES are (re)palloc'd arrays extended with the new parameters).
 * $rel becomes EXISTS over the parent table through the foreign key.
 */
extern char *FakerQueryToSQL(FakerQuery *q, const char *alias, int *nparams,
							 Oid **types, Datum **values);

/* Top-level equalities of a bound row-level tree: a List of
 * FakerQueryEquality, for pinning key columns and pushing criteria down to
 * the providers of a parent created to satisfy them. */
typedef struct FakerQueryEquality
{
	AttrNumber	attnum;
	Oid			typid;
	Datum		value;
	bool		isnull;
} FakerQueryEquality;

extern List *FakerQueryEqualities(FakerQuery *q);

/* Bounds a bound scalar tree implies (for narrowing a generator's range);
 * returns false when the tree implies none.  Inclusive flags as named. */
extern bool FakerQueryBounds(FakerQuery *q, Datum *lo, bool *has_lo, bool *lo_incl,
							 Datum *hi, bool *has_hi, bool *hi_incl);

/* The tree as jsonb again (normalised), for messages and faker_explain. */
extern Jsonb *FakerQueryToJsonb(FakerQuery *q);

#endif							/* FAKER_QUERY_H */
