/*
 * eval.c: a bound tree against a value or a row, in C.
 *
 * Comparisons use the type's own btree ordering and the column's
 * collation, so dates compare as dates and numerics as numerics.  NULL
 * follows SQL: a comparison with NULL is unknown, NOT unknown is unknown,
 * and only "true" satisfies; $rel over a NULL or dangling foreign key is
 * false (an EXISTS); $any/$all over a NULL array are false, $len of one is
 * NULL.  The same rules as to_sql.c, so the two agree row for row.
 */
#include "postgres.h"

#include "access/stratnum.h"
#include "access/htup_details.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"

#include "faker.h"
#include "criteria/criteriapriv.h"
#include "security.h"

typedef enum Tri
{
	T_FALSE, T_TRUE, T_UNKNOWN
} Tri;

static Tri	eval_value(FakerCriteria *q, Datum v, bool isnull, FakerCriteriaEnv *env);

/* NODE's ordering on A and B: < 0, 0, > 0. */
int
CriteriaCompare(FakerCriteria *node, Datum a, Datum b)
{
	return DatumGetInt32(FunctionCall2Coll(node->cmp, node->collid, a, b));
}

/* NOT in three-valued logic. */
static Tri
tri_not(Tri t)
{
	return t == T_UNKNOWN ? T_UNKNOWN : (t == T_TRUE ? T_FALSE : T_TRUE);
}

/* The parent row of FK for the row in ENV; false for a NULL key or none. */
static bool
parent_row(FakerCriteriaFK *fk, FakerCriteriaEnv *env, FakerCriteriaEnv *penv)
{
	Datum		keys[32];

	for (int k = 0; k < fk->nkeys; k++)
	{
		if (env->nulls[fk->child_att[k] - 1])
			return false;
		keys[k] = env->values[fk->child_att[k] - 1];
	}
	*penv = *env;
	return env->fetch(env->arg, fk, keys, &penv->values, &penv->nulls);
}

/* $any and $all of Q over the elements of array V. */
static Tri
eval_elements(FakerCriteria *q, Datum v, FakerCriteriaEnv *env)
{
	ArrayType  *arr = DatumGetArrayTypeP(v);
	int16		elmlen;
	bool		elmbyval;
	char		elmalign;
	Datum	   *elems;
	bool	   *enulls;
	int			n;

	get_typlenbyvalalign(ARR_ELEMTYPE(arr), &elmlen, &elmbyval, &elmalign);
	deconstruct_array(arr, ARR_ELEMTYPE(arr), elmlen, elmbyval, elmalign, &elems, &enulls, &n);
	for (int i = 0; i < n; i++)
	{
		bool		ok = eval_value(q->sub, elems[i], enulls[i], env) == T_TRUE;

		if (q->op == Q_ANY && ok)
			return T_TRUE;
		if (q->op == Q_ALL && !ok)
			return T_FALSE;
	}
	return q->op == Q_ALL ? T_TRUE : T_FALSE;
}


/* $eq, $ne, $gt, $gte, $lt, $lte: V against the operand, by the type's order. */
static Tri
eval_compare(FakerCriteria *q, Datum v, bool isnull, FakerCriteriaEnv *env)
{
	Datum		o;
	bool		onull;
	int			c;

	if (isnull)
		return T_UNKNOWN;
	o = OperandValue(q, &q->arg, env, &onull);
	if (onull)
		return T_UNKNOWN;
	c = CriteriaCompare(q, v, o);
	switch (q->op)
	{
		case Q_EQ:
			return c == 0 ? T_TRUE : T_FALSE;
		case Q_NE:
			return c != 0 ? T_TRUE : T_FALSE;
		case Q_GT:
			return c > 0 ? T_TRUE : T_FALSE;
		case Q_GTE:
			return c >= 0 ? T_TRUE : T_FALSE;
		case Q_LT:
			return c < 0 ? T_TRUE : T_FALSE;
		default:
			return c <= 0 ? T_TRUE : T_FALSE;
	}
}

/* $in: true if V equals an operand, else unknown if an operand is NULL (as SQL's IN). */
static Tri
eval_in(FakerCriteria *q, Datum v, bool isnull, FakerCriteriaEnv *env)
{
	Tri			t = T_FALSE;

	if (isnull)
		return T_UNKNOWN;
	for (int i = 0; i < q->nargs; i++)
	{
		bool		onull;
		Datum		o = OperandValue(q, &q->args[i], env, &onull);

		if (onull)
			t = T_UNKNOWN;
		else if (CriteriaCompare(q, v, o) == 0)
			return T_TRUE;
	}
	return t;
}

/*
 * $or (DOMINANT true) and $and (DOMINANT false), three-valued as in SQL: the
 * first branch with the dominant answer decides, else unknown if a branch
 * is unknown, else the other answer.
 */
static Tri
eval_logic(FakerCriteria *q, Datum v, bool isnull, FakerCriteriaEnv *env, Tri dominant)
{
	Tri			t = dominant == T_TRUE ? T_FALSE : T_TRUE;

	for (int i = 0; i < q->nsubs && t != dominant; i++)
	{
		Tri			s = eval_value(q->subs[i], v, isnull, env);

		if (s == dominant || s == T_UNKNOWN)
			t = s;
	}
	return t;
}

/* A row node: its fields' conditions on the row in ENV, ANDed ($rel fields
 * read no column). */
static Tri
eval_row(FakerCriteria *q, FakerCriteriaEnv *env)
{
	Tri			t = T_TRUE;

	for (int i = 0; i < q->nsubs && t != T_FALSE; i++)
	{
		AttrNumber	att = q->attnums[i];
		Tri			s = att > 0 ?
			eval_value(q->subs[i], env->values[att - 1], env->nulls[att - 1], env) :
			eval_value(q->subs[i], (Datum) 0, true, env);

		if (s == T_FALSE || s == T_UNKNOWN)
			t = s;
	}
	return t;
}

/* $len: the condition on the number of elements of the array V. */
static Tri
eval_len(FakerCriteria *q, Datum v, bool isnull, FakerCriteriaEnv *env)
{
	ArrayType  *arr;

	if (isnull)
		return eval_value(q->sub, (Datum) 0, true, env);
	arr = DatumGetArrayTypeP(v);
	return eval_value(q->sub, Int32GetDatum(ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr))),
					  false, env);
}

/* $rel: the condition on the parent row through the foreign key; false if
 * there is no parent (a NULL key, or none found). */
static Tri
eval_rel(FakerCriteria *q, FakerCriteriaEnv *env)
{
	FakerCriteriaEnv penv;

	if (!parent_row(q->fk, env, &penv))
		return T_FALSE;
	return eval_value(q->sub, (Datum) 0, true, &penv) == T_TRUE ? T_TRUE : T_FALSE;
}

/*
 * Q on the value V (value-level nodes) or on the row in ENV (row-level
 * nodes, which ignore V; $or/$and/$not pass both on): a flat dispatch.
 */
static Tri
eval_value(FakerCriteria *q, Datum v, bool isnull, FakerCriteriaEnv *env)
{
	switch (CriteriaShape(q->op))
	{
		case Q_COMPARE:
			return eval_compare(q, v, isnull, env);
		case Q_IN:
			return eval_in(q, v, isnull, env);
		case Q_ISNULL:
			return isnull == q->flag ? T_TRUE : T_FALSE;
		case Q_NOT:
			return tri_not(eval_value(q->sub, v, isnull, env));
		case Q_OR:
			return eval_logic(q, v, isnull, env, T_TRUE);
		case Q_AND:
			return eval_logic(q, v, isnull, env, T_FALSE);
		case Q_ANY:
		case Q_ALL:
			if (isnull)
				return T_FALSE;
			return eval_elements(q, v, env);
		case Q_LEN:
			return eval_len(q, v, isnull, env);
		case Q_REL:
			return eval_rel(q, env);
		case Q_ROW:
			return eval_row(q, env);
	}
	elog(ERROR, "faker: unexpected criteria node %d", (int) q->op);
	return T_UNKNOWN;
}

/* Whether the row in ENV satisfies row-level Q (unknown is false). */
bool
FakerCriteriaEvalRow(FakerCriteria *q, FakerCriteriaEnv *env)
{
	return eval_value(q, (Datum) 0, true, env) == T_TRUE;
}

/* Whether VALUE (ISNULL) satisfies value-level Q (unknown is false). */
bool
FakerCriteriaEvalValue(FakerCriteria *q, Datum value, bool isnull, FakerCriteriaEnv *env)
{
	return eval_value(q, value, isnull, env) == T_TRUE;
}

typedef struct Lookup
{
	char	   *sql;			/* SELECT * FROM parent WHERE key = $1 ... */
	Oid			types[32];
} Lookup;

/* The parent row by SPI: SELECT * FROM parent WHERE its key = KEYS. */
bool
FakerCriteriaFetchSPI(void *arg, FakerCriteriaFK *fk, Datum *keys, Datum **values, bool **nulls)
{
	Lookup	   *lk = fk->lookup;
	MemoryContext cxt;
	TupleDesc	desc;
	HeapTuple	tup;
	int			natts;

	if (lk == NULL)
	{
		/* built once per foreign key, where the key lives */
		MemoryContext old = MemoryContextSwitchTo(GetMemoryChunkContext(fk));
		StringInfoData sql;

		lk = palloc(sizeof(Lookup));
		initStringInfo(&sql);
		appendStringInfo(&sql, "SELECT * FROM %s WHERE ", fk->parent_qualname);
		for (int k = 0; k < fk->nkeys; k++)
		{
			lk->types[k] = get_atttype(fk->parent, fk->parent_att[k]);
			appendStringInfo(&sql, "%s%s %s $%d", k ? " AND " : "",
							 quote_identifier(get_attname(fk->parent, fk->parent_att[k], false)),
							 FakerSqlOperator(lk->types[k], lk->types[k], BTEqualStrategyNumber), k + 1);
		}
		lk->sql = sql.data;
		fk->lookup = lk;
		MemoryContextSwitchTo(old);
	}
	cxt = CurrentMemoryContext;
	if (FakerSPIExecute(lk->sql, fk->nkeys, lk->types, keys, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "faker: \"%s\" failed", lk->sql);
	MemoryContextSwitchTo(cxt);	/* not SPI's: the row's values go to the caller's context */
	if (SPI_processed == 0)
	{
		SPI_freetuptable(SPI_tuptable);
		return false;
	}
	desc = SPI_tuptable->tupdesc;
	tup = SPI_tuptable->vals[0];
	natts = desc->natts;
	*values = palloc(sizeof(Datum) * natts);
	*nulls = palloc(sizeof(bool) * natts);
	heap_deform_tuple(tup, desc, *values, *nulls);
	for (int i = 0; i < natts; i++)
		if (!(*nulls)[i])
		{
			Form_pg_attribute a = TupleDescAttr(desc, i);

			(*values)[i] = datumCopy((*values)[i], a->attbyval, a->attlen);
		}
	SPI_freetuptable(SPI_tuptable);
	return true;
}

/* ---- structural equality ---- */

/* Whether operands A (of NA) and B (of NB) are the same. */
static bool
operand_equal(FakerCriteria *na, Operand *a, FakerCriteria *nb, Operand *b)
{
	if (a->kind != b->kind)
		return false;
	if (a->kind != OPD_LITERAL)
		return strcmp(a->ref, b->ref) == 0;
	if (a->jnull || b->jnull)
		return a->jnull == b->jnull;
	if (na->bound && nb->bound && na->cmp && getBaseType(na->typid) == getBaseType(nb->typid))
		return CriteriaCompare(na, a->value, b->value) == 0;
	return compareJsonbContainers(&a->json->root, &b->json->root) == 0;
}

/* Whether bound trees A and B say the same (for sharing filtered pools). */
bool
CriteriaEqual(FakerCriteria *a, FakerCriteria *b)
{
	if (a == b)
		return true;
	if (a == NULL || b == NULL || a->op != b->op)
		return false;
	switch (CriteriaShape(a->op))
	{
		case Q_COMPARE:
			return operand_equal(a, &a->arg, b, &b->arg);
		case Q_IN:
			if (a->nargs != b->nargs)
				return false;
			for (int i = 0; i < a->nargs; i++)
				if (!operand_equal(a, &a->args[i], b, &b->args[i]))
					return false;
			return true;
		case Q_ISNULL:
			return a->flag == b->flag;
		case Q_REL:
			if (a->fk && b->fk && a->fk->conoid != b->fk->conoid)
				return false;
			/* FALLTHROUGH */
		case Q_NOT:
		case Q_ANY:
		case Q_ALL:
		case Q_LEN:
			return CriteriaEqual(a->sub, b->sub);
		case Q_ROW:
			if (a->nsubs != b->nsubs)
				return false;
			for (int i = 0; i < a->nsubs; i++)
			{
				bool		found = false;

				for (int j = 0; j < b->nsubs && !found; j++)
					found = strcmp(a->fields[i], b->fields[j]) == 0 && CriteriaEqual(a->subs[i], b->subs[j]);
				if (!found)
					return false;
			}
			return true;
		case Q_OR:
		case Q_AND:
			if (a->nsubs != b->nsubs)
				return false;
			for (int i = 0; i < a->nsubs; i++)
				if (!CriteriaEqual(a->subs[i], b->subs[i]))
					return false;
			return true;
	}
	return false;
}
