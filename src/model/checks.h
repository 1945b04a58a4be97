/*
 * checks.h: CHECK constraints of tables and domains -> column providers
 * (checks.c).
 */
#ifndef FAKER_CHECKS_H
#define FAKER_CHECKS_H

#include "compat.h"
#include "model/modelpriv.h"
#include "utils/relcache.h"

/* How a CHECK constraint is honoured by the rows faker makes. */
typedef enum CheckMode
{
	CHECK_TRANSLATED,			/* by the columns' providers (checks.c) */
	CHECK_REDRAW,				/* evaluated on each row, redrawn (checkeval.c) */
	CHECK_POSTGRES				/* reads a column PostgreSQL fills: left to the INSERT */
} CheckMode;

/* One CHECK constraint of the table, or of a column's domain. */
typedef struct CheckRule
{
	Oid			conoid;
	char	   *name;
	Oid			domain;			/* the domain it belongs to, or InvalidOid */
	int			col;			/* a domain's: the column (index in agg->cols) */
	Node	   *expr;			/* the constraint's expression (conbin) */
	bool		read;			/* every conjunct read into the providers */
	CheckMode	mode;
	bool	   *redraw;			/* per column: drawn again when the rule fails */
	ExprState  *state;			/* call: the prepared expression */
} CheckRule;

/*
 * num_nonnulls(cols...) (or num_nulls) against a constant: between LO and
 * HI of COLS are set; each row chooses which, the others are NULL.
 */
typedef struct CheckCount
{
	int			rule;			/* the constraint it comes from */
	int			ncols;
	int		   *cols;			/* column indexes in agg->cols */
	int			lo,
				hi;
	bool		usable;			/* every column can be set or NULL at will */
} CheckCount;

/* The CHECK constraints of an aggregate (agg->checks). */
typedef struct CheckSet
{
	int			n;
	CheckRule  *rules;
	int			nredraw;		/* rules in CHECK_REDRAW mode */
	List	   *counts;			/* CheckCount *, or NIL */
	int		   *maxlen;			/* per column: length(col) <= maxlen, 0: none */
	FakerRng	rng;			/* call: which columns a count sets */
	bool		rng_ready;
	/* call state (checkeval.c) */
	bool		open;
	TupleTableSlot *slot;		/* a row of the table, for table CHECKs */
} CheckSet;

/* spec.c: per column a {"values": [...]} spec, or a "require" object, or NULL */
extern void ChecksRead(Aggregate *agg, char **values_spec, char **require_spec);
/* checkdefaults.c: table CHECK expressions with constant DEFAULTs in place */
extern List *ChecksWithDefaults(Aggregate *agg, Relation rel, List *exprs);
/* spec.c, once every column has its provider: each rule's mode */
extern void ChecksFinish(Aggregate *agg);

/* row.c: the columns the counts of AGG leave NULL in this row, pinned */
extern void ChecksPinCounts(FakerPlan *plan, Aggregate *agg, bool *known, Datum *vals, bool *nulls);

/* checkeval.c: the executor fallback for CHECKs not translated */
#define CHECK_ATTEMPTS 100
extern int	ChecksFailing(FakerPlan *plan, Aggregate *agg, const Datum *vals, const bool *nulls);
extern bool ChecksRedrawable(const ModelColumn *c);
extern void ChecksRedrawSet(Aggregate *agg, CheckRule *r);
extern FAKER_NORETURN void ChecksError(Aggregate *agg, int rule);
extern const char *ChecksModeName(CheckMode mode);
/* A constant's output text; that text as a JSON value (partitions.c too). */
extern char *ChecksConstText(Const *k);
extern void ChecksAppendJsonValue(StringInfo s, Oid t, const char *text);
extern void ChecksPrepareColumns(Aggregate *agg);

/* partition bounds per column (partitions.c) */
typedef struct PartitionCriteria
{
	List	   *values;			/* list partitions: the listed values (char *) */
	Oid			valtype;
	StringInfoData branches;	/* range partitions: $or branches (JSON) */
	int			nbranches;
	bool		free;			/* a partition takes any value */
	bool		has_default;
	bool		hash_incomplete;	/* remainders missing, no default: not handled */
} PartitionCriteria;

extern void PartitionsRead(Aggregate *agg, PartitionCriteria *pc);

#endif							/* FAKER_CHECKS_H */
