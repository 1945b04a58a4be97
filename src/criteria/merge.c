/*
 * merge.c: criteria from several paths, ANDed.
 *
 * Same criteria keep; row conditions merge field by field; $rel merges its
 * inner conditions; anything else becomes an AND that must still be
 * satisfiable as far as constants tell: two different equalities, an
 * equality another condition rejects, an empty range or IS NULL against a
 * comparison are a conflict, an ERROR naming the aggregate and both
 * criteria.  Nothing is silently dropped.
 */
#include "postgres.h"

#include "utils/lsyscache.h"

#include "criteria/criteriapriv.h"

static FakerCriteria *merge(FakerCriteria *a, FakerCriteria *b, const char *aggregate);

/*
 * Raise the error for criteria A and B on one aggregate that cannot both hold.
 */
static void
conflict(FakerCriteria *a, FakerCriteria *b, const char *aggregate, const char *why)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("aggregate \"%s\": conflicting criteria %s (at %s) and %s (at %s)",
					aggregate, FakerCriteriaText(a), a->path, FakerCriteriaText(b), b->path),
			 errdetail("%s", why)));
}

/* Only literals, no $rel, no rows: can be decided on a value alone. */
static bool
constant(FakerCriteria *q)
{
	switch (CriteriaShape(q->op))
	{
		case Q_COMPARE:
			return q->arg.kind == OPD_LITERAL;
		case Q_IN:
			for (int i = 0; i < q->nargs; i++)
				if (q->args[i].kind != OPD_LITERAL)
					return false;
			return true;
		case Q_ISNULL:
			return true;
		case Q_NOT:
		case Q_ANY:
		case Q_ALL:
		case Q_LEN:
			return constant(q->sub);
		case Q_OR:
		case Q_AND:
			for (int i = 0; i < q->nsubs; i++)
				if (!constant(q->subs[i]))
					return false;
			return true;
		default:
			return false;
	}
}

/* Flatten ANDs into LIST. */
static List *
conjuncts(FakerCriteria *q, List *list)
{
	if (q->op == Q_AND)
	{
		for (int i = 0; i < q->nsubs; i++)
			list = conjuncts(q->subs[i], list);
		return list;
	}
	return lappend(list, q);
}

/* Check that the value-level conjunction of A and B can hold. */
static void
check_values(FakerCriteria *a, FakerCriteria *b, const char *aggregate)
{
	List	   *all = conjuncts(b, conjuncts(a, NIL));
	ListCell   *lc,
			   *lc2;
	FakerCriteria *lo = NULL,
			   *hi = NULL;

	foreach(lc, all)
	{
		FakerCriteria *x = lfirst(lc);

		if (!constant(x))
			continue;
		/* an equality: every other constant condition must accept it */
		if ((x->op == Q_EQ || (x->op == Q_ISNULL && x->flag)))
			foreach(lc2, all)
		{
			FakerCriteria *y = lfirst(lc2);

			if (y == x || !constant(y))
				continue;
			if (!FakerCriteriaEvalValue(y, x->arg.value, x->op == Q_ISNULL, NULL))
				conflict(x, y, aggregate, x->op == Q_ISNULL ?
						 "NULL satisfies no comparison." :
						 "The equality is rejected by the other condition.");
		}
		/* $in: some member must survive every other constant condition */
		if (x->op == Q_IN)
		{
			bool		any = false;

			for (int i = 0; i < x->nargs && !any; i++)
			{
				bool		ok = true;

				foreach(lc2, all)
				{
					FakerCriteria *y = lfirst(lc2);

					if (y != x && constant(y))
						ok &= FakerCriteriaEvalValue(y, x->args[i].value, false, NULL);
				}
				any = ok;
			}
			if (!any)
				conflict(a, b, aggregate, "No value of $in satisfies the other conditions.");
		}
		if (x->op == Q_GT || x->op == Q_GTE)
		{
			if (lo == NULL || CriteriaCompare(x, x->arg.value, lo->arg.value) > 0 ||
				(CriteriaCompare(x, x->arg.value, lo->arg.value) == 0 && x->op == Q_GT))
				lo = x;
		}
		if (x->op == Q_LT || x->op == Q_LTE)
		{
			if (hi == NULL || CriteriaCompare(x, x->arg.value, hi->arg.value) < 0 ||
				(CriteriaCompare(x, x->arg.value, hi->arg.value) == 0 && x->op == Q_LT))
				hi = x;
		}
	}
	if (lo && hi)
	{
		int			c = CriteriaCompare(lo, lo->arg.value, hi->arg.value);

		if (c > 0 || (c == 0 && (lo->op == Q_GT || hi->op == Q_LT)))
			conflict(lo, hi, aggregate, "The range is empty.");
	}
}

/* A AND B, their conjuncts flattened into one $and. */
static FakerCriteria *
make_and(FakerCriteria *a, FakerCriteria *b)
{
	List	   *all = conjuncts(b, conjuncts(a, NIL));
	FakerCriteria *q = CriteriaNew(Q_AND, a->path);
	ListCell   *lc;
	int			i = 0;

	*q = *a;
	q->op = Q_AND;
	q->path = a->path;
	q->sub = NULL;
	q->nsubs = 0;
	q->subs = palloc(sizeof(FakerCriteria *) * list_length(all));
	foreach(lc, all)
	{
		bool		dup = false;

		for (int j = 0; j < i && !dup; j++)
			dup = CriteriaEqual(q->subs[j], lfirst(lc));
		if (!dup)
			q->subs[i++] = lfirst(lc);
	}
	q->nsubs = i;
	return i == 1 ? q->subs[0] : q;
}

/*
 * Two row-level ANDs of fields merged: a field both name gets both
 * conditions (merge), the others are kept.
 */
static FakerCriteria *
merge_rows(FakerCriteria *a, FakerCriteria *b, const char *aggregate)
{
	FakerCriteria *q = palloc(sizeof(FakerCriteria));
	int			n = a->nsubs;

	*q = *a;
	q->fields = palloc(sizeof(char *) * (a->nsubs + b->nsubs));
	q->subs = palloc(sizeof(FakerCriteria *) * (a->nsubs + b->nsubs));
	q->attnums = palloc(sizeof(AttrNumber) * (a->nsubs + b->nsubs));
	memcpy(q->fields, a->fields, sizeof(char *) * n);
	memcpy(q->subs, a->subs, sizeof(FakerCriteria *) * n);
	memcpy(q->attnums, a->attnums, sizeof(AttrNumber) * n);
	for (int j = 0; j < b->nsubs; j++)
	{
		int			i;

		for (i = 0; i < a->nsubs; i++)
			if (strcmp(a->fields[i], b->fields[j]) == 0 ||
				(a->attnums[i] > 0 && a->attnums[i] == b->attnums[j]))
				break;
		if (i < a->nsubs)
			q->subs[i] = merge(q->subs[i], b->subs[j], aggregate);
		else
		{
			q->fields[n] = b->fields[j];
			q->subs[n] = b->subs[j];
			q->attnums[n] = b->attnums[j];
			n++;
		}
	}
	q->nsubs = n;
	return q;
}

/*
 * A and B merged (either may be NULL): equal trees once, row-level ANDs
 * field by field, $rel on one foreign key inside, else their AND once the
 * values are checked not to contradict each other.
 */
static FakerCriteria *
merge(FakerCriteria *a, FakerCriteria *b, const char *aggregate)
{
	if (a == NULL)
		return b;
	if (b == NULL || CriteriaEqual(a, b))
		return a;
	if (!a->bound || !b->bound)
		elog(ERROR, "faker: merging unbound criteria");
	if (a->rowlevel != b->rowlevel)
		conflict(a, b, aggregate, "A condition on a row cannot be merged with one on a value.");
	if (a->rowlevel)
	{
		if (a->relid != b->relid)
			conflict(a, b, aggregate, "The conditions are on different tables.");
		if (a->op == Q_ROW && b->op == Q_ROW)
			return merge_rows(a, b, aggregate);
		return make_and(a, b);
	}
	if (a->op == Q_REL && b->op == Q_REL && a->fk->conoid == b->fk->conoid)
	{
		FakerCriteria *q = palloc(sizeof(FakerCriteria));

		*q = *a;
		q->sub = merge(a->sub, b->sub, aggregate);
		return q;
	}
	if ((a->op == Q_REL) != (b->op == Q_REL) && a->op != Q_AND && b->op != Q_AND)
	{
		/* a $rel and a condition on the key value: both hold, as an AND */
		return make_and(a, b);
	}
	if (OidIsValid(a->typid) && OidIsValid(b->typid) && getBaseType(a->typid) != getBaseType(b->typid))
		conflict(a, b, aggregate, "The conditions are on values of different types.");
	check_values(a, b, aggregate);
	return make_and(a, b);
}

/* The criteria of two paths to one aggregate as one tree (criteria.h). */
FakerCriteria *
FakerCriteriaMerge(FakerCriteria *a, FakerCriteria *b, const char *aggregate)
{
	return merge(a, b, aggregate);
}
