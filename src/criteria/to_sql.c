/*
 * to_sql.c: a bound row-level tree as a SQL predicate.
 *
 * Identifiers are quoted, values are $n parameters of the column's type
 * (so an index on the column serves the read), $rel is an EXISTS over the
 * parent table joined on the foreign key, $field through a foreign key a
 * scalar subquery, $any/$all unnest the array.  NULL logic is SQL's, which
 * eval.c follows.
 */
#include "postgres.h"

#include "access/stratnum.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "criteria/criteriapriv.h"
#include "security.h"

typedef struct ParamSource
{
	FakerCriteria *node;
	Operand    *operand;
} ParamSource;

/* A new SQL parameter for operand O of NODE: its number ($n). */
static int
add_param(FakerCriteriaParams *p, FakerCriteria *node, Operand *o)
{
	ParamSource *src = palloc(sizeof(ParamSource));

	if (p->n == 0)
	{
		p->types = palloc(sizeof(Oid) * 8);
		p->values = palloc(sizeof(Datum) * 8);
		p->nulls = palloc(sizeof(char) * 8);
		p->sources = palloc(sizeof(void *) * 8);
	}
	else if ((p->n & (p->n - 1)) == 0 && p->n >= 8)
	{
		p->types = repalloc(p->types, sizeof(Oid) * p->n * 2);
		p->values = repalloc(p->values, sizeof(Datum) * p->n * 2);
		p->nulls = repalloc(p->nulls, sizeof(char) * p->n * 2);
		p->sources = repalloc(p->sources, sizeof(void *) * p->n * 2);
	}
	src->node = node;
	src->operand = o;
	p->types[p->n] = node->typid;
	p->values[p->n] = o->value;
	p->nulls[p->n] = o->kind == OPD_LITERAL && o->jnull ? 'n' : ' ';
	p->sources[p->n] = src;
	return ++p->n;
}

/* "ALIAS.column" for attribute ATT of RELID. */
static char *
column_ref(const char *alias, Oid relid, AttrNumber att)
{
	return psprintf("%s.%s", alias, quote_identifier(get_attname(relid, att, false)));
}

/* The equality of key column K of a foreign key, parent = child. */
static char *
key_eq(FakerCriteriaFK *fk, int k)
{
	return FakerSqlOperator(get_atttype(fk->parent, fk->parent_att[k]),
							get_atttype(fk->child, fk->child_att[k]), BTEqualStrategyNumber);
}

/* An operand as SQL: a parameter, or the column it names. */
static char *
sql_operand(FakerCriteria *q, Operand *o, const char *rowalias, Oid rowrel, FakerCriteriaParams *p)
{
	char	   *expr;

	if (o->kind != OPD_FIELD)
		return psprintf("$%d", add_param(p, q, o));
	if (o->fk == NULL)
		expr = column_ref(rowalias, rowrel, o->attnum);
	else
	{
		StringInfoData b;
		char	   *pa = psprintf("f%d", ++p->alias);

		initStringInfo(&b);
		appendStringInfo(&b, "(SELECT %s FROM %s %s WHERE ", column_ref(pa, o->fk->parent, o->attnum),
						 o->fk->parent_qualname, pa);
		for (int k = 0; k < o->fk->nkeys; k++)
			appendStringInfo(&b, "%s%s %s %s", k ? " AND " : "",
							 column_ref(pa, o->fk->parent, o->fk->parent_att[k]),
							 key_eq(o->fk, k),
							 column_ref(rowalias, rowrel, o->fk->child_att[k]));
		appendStringInfoChar(&b, ')');
		expr = b.data;
	}
	if (o->cast)
		expr = psprintf("CAST(%s AS %s)", expr, format_type_with_typemod(q->typid, q->typmod));
	return expr;
}

/* The operator of Q's comparison, named with its schema (security.h). */
static const char *
sql_op(FakerCriteria *q)
{
	switch (q->op)
	{
		case Q_EQ:
		case Q_IN:
			return FakerSqlOperator(q->typid, q->typid, BTEqualStrategyNumber);
		case Q_NE:
			return FakerSqlOperator(q->typid, q->typid, 0);
		case Q_GT:
			return FakerSqlOperator(q->typid, q->typid, BTGreaterStrategyNumber);
		case Q_GTE:
			return FakerSqlOperator(q->typid, q->typid, BTGreaterEqualStrategyNumber);
		case Q_LT:
			return FakerSqlOperator(q->typid, q->typid, BTLessStrategyNumber);
		default:
			return FakerSqlOperator(q->typid, q->typid, BTLessEqualStrategyNumber);
	}
}

static void sql_value(FakerCriteria *q, const char *expr, const char *rowalias, Oid rowrel,
					  FakerCriteriaParams *p, StringInfo buf);

/*
 * $any / $all of Q on the array EXPR: a subquery over its elements (unnest,
 * alias e<N>); $all is true of an empty array but not of a NULL one, and
 * an element whose condition is NULL makes it false, as eval.c decides.
 */
static void
sql_elements(FakerCriteria *q, const char *expr, const char *rowalias, Oid rowrel,
			 FakerCriteriaParams *p, StringInfo buf)
{
	char	   *ea = psprintf("e%d", ++p->alias);
	char	   *ev = psprintf("%s.v", ea);

	if (q->op == Q_ANY)
		appendStringInfo(buf, "EXISTS (SELECT 1 FROM pg_catalog.unnest(%s) AS %s(v) WHERE ", expr, ea);
	else
		appendStringInfo(buf, "(%s IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_catalog.unnest(%s) AS %s(v) WHERE (",
						 expr, expr, ea);
	sql_value(q->sub, ev, rowalias, rowrel, p, buf);
	appendStringInfoString(buf, q->op == Q_ANY ? ")" : ") IS NOT TRUE))");
}

/*
 * $rel of Q: an EXISTS over the parent table of Q's foreign key (alias
 * r<N>), joined to the row ROWALIAS of ROWREL on the key's columns, with
 * Q's condition on the parent's row.
 */
static void
sql_parent(FakerCriteria *q, const char *rowalias, Oid rowrel,
		   FakerCriteriaParams *p, StringInfo buf)
{
	char	   *ra = psprintf("r%d", ++p->alias);

	appendStringInfo(buf, "EXISTS (SELECT 1 FROM %s %s WHERE ", q->fk->parent_qualname, ra);
	for (int k = 0; k < q->fk->nkeys; k++)
		appendStringInfo(buf, "%s %s %s AND ",
						 column_ref(ra, q->fk->parent, q->fk->parent_att[k]),
						 key_eq(q->fk, k),
						 column_ref(rowalias, rowrel, q->fk->child_att[k]));
	appendStringInfoChar(buf, '(');
	sql_value(q->sub, NULL, ra, q->fk->parent, p, buf);
	appendStringInfoString(buf, "))");
}

/* Condition Q on the value EXPR (value-level nodes) or on the row ROWALIAS
 * of ROWREL (row-level nodes, which ignore EXPR). */
static void
sql_value(FakerCriteria *q, const char *expr, const char *rowalias, Oid rowrel,
		  FakerCriteriaParams *p, StringInfo buf)
{
	switch (CriteriaShape(q->op))
	{
		case Q_COMPARE:
			appendStringInfo(buf, "%s %s %s", expr, sql_op(q),
							 sql_operand(q, &q->arg, rowalias, rowrel, p));
			break;
		case Q_IN:
			appendStringInfo(buf, "%s %s ANY (ARRAY[", expr, sql_op(q));
			for (int i = 0; i < q->nargs; i++)
				appendStringInfo(buf, "%s%s", i ? ", " : "", sql_operand(q, &q->args[i], rowalias, rowrel, p));
			appendStringInfoString(buf, "])");
			break;
		case Q_ISNULL:
			appendStringInfo(buf, "%s IS %sNULL", expr, q->flag ? "" : "NOT ");
			break;
		case Q_NOT:
			appendStringInfoString(buf, "NOT (");
			sql_value(q->sub, expr, rowalias, rowrel, p, buf);
			appendStringInfoChar(buf, ')');
			break;
		case Q_OR:
		case Q_AND:
			appendStringInfoChar(buf, '(');
			for (int i = 0; i < q->nsubs; i++)
			{
				if (i > 0)
					appendStringInfoString(buf, q->op == Q_OR ? " OR " : " AND ");
				appendStringInfoChar(buf, '(');
				sql_value(q->subs[i], expr, rowalias, rowrel, p, buf);
				appendStringInfoChar(buf, ')');
			}
			appendStringInfoChar(buf, ')');
			break;
		case Q_ANY:
		case Q_ALL:
			sql_elements(q, expr, rowalias, rowrel, p, buf);
			break;
		case Q_LEN:
			sql_value(q->sub, psprintf("pg_catalog.cardinality(%s)", expr), rowalias, rowrel, p, buf);
			break;
		case Q_REL:
			sql_parent(q, rowalias, rowrel, p, buf);
			break;
		case Q_ROW:
			/* the fields of the row ROWALIAS, ANDed */
			for (int i = 0; i < q->nsubs; i++)
			{
				AttrNumber	att = q->attnums[i];

				appendStringInfoString(buf, i ? " AND (" : "(");
				sql_value(q->subs[i], att > 0 ? column_ref(rowalias, q->relid, att) : "NULL",
						  rowalias, q->relid, p, buf);
				appendStringInfoChar(buf, ')');
			}
			break;
	}
}

/* Q as a SQL condition on the rows of ALIAS, operands as PARAMS. */
char *
FakerCriteriaToSQL(FakerCriteria *q, const char *alias, FakerCriteriaParams *params)
{
	StringInfoData buf;

	initStringInfo(&buf);
	sql_value(q, NULL, alias, q->relid, params, &buf);
	return buf.data;
}

/* The values of PARAMS for the row in ENV. */
void
FakerCriteriaParamsFill(FakerCriteriaParams *params, FakerCriteriaEnv *env)
{
	for (int i = 0; i < params->n; i++)
	{
		ParamSource *src = params->sources[i];
		bool		isnull;

		if (src->operand->kind == OPD_LITERAL)
			continue;
		params->values[i] = OperandValue(src->node, src->operand, env, &isnull);
		params->nulls[i] = isnull ? 'n' : ' ';
	}
}
