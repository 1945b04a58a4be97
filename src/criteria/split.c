/*
 * split.c: what a bound tree says about one column or foreign key, for
 * making rows that satisfy it (README, "Criteria"): the equality to pin, the range
 * to narrow a generator to, the parent conditions to push down.
 */
#include "postgres.h"

#include "access/table.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "utils/relcache.h"

#include "criteria/criteriapriv.h"

/*
 * Whether PRED holds for a node of Q or one of its operands (operand NULL:
 * the node itself), anywhere in the tree.
 */
static bool
walk_any(FakerCriteria *q, bool (*pred) (FakerCriteria *, Operand *))
{
	if (q == NULL)
		return false;
	if (pred(q, NULL))
		return true;
	if (q->op == Q_IN)
		for (int i = 0; i < q->nargs; i++)
			if (pred(q, &q->args[i]))
				return true;
	if (q->op <= Q_LTE && pred(q, &q->arg))
		return true;
	if (walk_any(q->sub, pred))
		return true;
	for (int i = 0; i < q->nsubs; i++)
		if (walk_any(q->subs[i], pred))
			return true;
	return false;
}

/* walk_any: a $rel, or a $field read through a foreign key. */
static bool
reads_other_rows(FakerCriteria *q, Operand *o)
{
	if (o == NULL)
		return q->op == Q_REL;
	return o->kind == OPD_FIELD && o->fk != NULL;
}

/* walk_any: an operand that is not a literal ($field, $step). */
static bool
has_ref(FakerCriteria *q, Operand *o)
{
	return o != NULL && o->kind != OPD_LITERAL;
}

/* walk_any: a $step operand. */
static bool
has_step(FakerCriteria *q, Operand *o)
{
	return o != NULL && o->kind == OPD_STEP;
}

/* Whether Q reads the row's own columns only (criteria.h). */
bool
FakerCriteriaIsLocal(FakerCriteria *q)
{
	return !walk_any(q, reads_other_rows);
}

/* Whether Q's operands read other columns or steps ($field, $step). */
bool
FakerCriteriaHasOperandRefs(FakerCriteria *q)
{
	return walk_any(q, has_ref);
}

/* Whether Q's operands read earlier steps of a pipe ($step). */
bool
FakerCriteriaHasSteps(FakerCriteria *q)
{
	return walk_any(q, has_step);
}

/*
 * Add to DEPS the attnums of the row's own columns Q's $field operands read.
 */
static List *
field_deps(FakerCriteria *q, List *deps)
{
	if (q == NULL)
		return deps;
	if (q->op <= Q_LTE && q->arg.kind == OPD_FIELD && q->arg.fk == NULL)
		deps = list_append_unique_int(deps, q->arg.attnum);
	if (q->op == Q_IN)
		for (int i = 0; i < q->nargs; i++)
			if (q->args[i].kind == OPD_FIELD && q->args[i].fk == NULL)
				deps = list_append_unique_int(deps, q->args[i].attnum);
	if (q->op != Q_REL)
		deps = field_deps(q->sub, deps);
	for (int i = 0; i < q->nsubs; i++)
		deps = field_deps(q->subs[i], deps);
	return deps;
}

/* The row's own columns Q's $field operands read (attnums). */
List *
FakerCriteriaFieldDeps(FakerCriteria *q)
{
	return field_deps(q, NIL);
}

/* A AND B, either of which may be NULL (nothing); a new value-level $and. */
static FakerCriteria *
and_of(FakerCriteria *a, FakerCriteria *b)
{
	FakerCriteria *q;

	if (a == NULL)
		return b;
	if (b == NULL)
		return a;
	q = palloc(sizeof(FakerCriteria));
	*q = *a;
	q->op = Q_AND;
	q->sub = NULL;
	q->nsubs = 2;
	q->subs = palloc(sizeof(FakerCriteria *) * 2);
	q->subs[0] = a;
	q->subs[1] = b;
	return q;
}

/*
 * The part of row-level Q on column ATTNUM (value-level), ANDed from the
 * fields at its top, or NULL (criteria.h).
 */
FakerCriteria *
FakerCriteriaColumn(FakerCriteria *q, AttrNumber attnum)
{
	FakerCriteria *r = NULL;

	if (q == NULL)
		return NULL;
	if (q->op == Q_AND && q->rowlevel)
	{
		for (int i = 0; i < q->nsubs; i++)
			r = and_of(r, FakerCriteriaColumn(q->subs[i], attnum));
		return r;
	}
	if (q->op != Q_ROW)
		return NULL;
	for (int i = 0; i < q->nsubs; i++)
		if (q->attnums[i] == attnum)
		{
			FakerCriteria *s = q->subs[i];

			/* the value part only: $rel parts go to the foreign key */
			if (s->op == Q_REL)
				continue;
			if (s->op == Q_AND)
				for (int j = 0; j < s->nsubs; j++)
				{
					if (s->subs[j]->op != Q_REL)
						r = and_of(r, s->subs[j]);
				}
			else
				r = and_of(r, s);
		}
	return r;
}

/* and_of for row-level criteria: a new $and is marked row-level. */
static FakerCriteria *
row_and(FakerCriteria *a, FakerCriteria *b)
{
	FakerCriteria *q = and_of(a, b);

	if (q && q != a && q != b)
		q->rowlevel = true;
	return q;
}

/*
 * The part of row-level Q on foreign key CONOID (row-level on the parent),
 * ANDed from the fields at its top, or NULL (criteria.h).
 */
FakerCriteria *
FakerCriteriaForeignKey(FakerCriteria *q, Oid conoid)
{
	FakerCriteria *r = NULL;

	if (q == NULL)
		return NULL;
	if (q->op == Q_AND && q->rowlevel)
	{
		for (int i = 0; i < q->nsubs; i++)
			r = row_and(r, FakerCriteriaForeignKey(q->subs[i], conoid));
		return r;
	}
	if (q->op != Q_ROW)
		return NULL;
	for (int i = 0; i < q->nsubs; i++)
	{
		FakerCriteria *s = q->subs[i];

		if (s->op == Q_REL && s->fk->conoid == conoid)
			r = row_and(r, s->sub);
		if (s->op == Q_AND)
			for (int j = 0; j < s->nsubs; j++)
				if (s->subs[j]->op == Q_REL && s->subs[j]->fk->conoid == conoid)
					r = row_and(r, s->subs[j]->sub);
	}
	return r;
}

/* Does a value-level tree hide a $rel where it cannot be pushed down? */
static bool
rel_inside(FakerCriteria *q)
{
	return walk_any(q, reads_other_rows);
}

/*
 * Whether row-level Q says more than an AND of fields and foreign keys
 * ($or, $not at row level): a made row must then be checked whole.
 */
bool
FakerCriteriaHasRest(FakerCriteria *q)
{
	if (q == NULL)
		return false;
	if (q->op == Q_AND && q->rowlevel)
	{
		for (int i = 0; i < q->nsubs; i++)
			if (FakerCriteriaHasRest(q->subs[i]))
				return true;
		return false;
	}
	if (q->op != Q_ROW)
		return true;
	for (int i = 0; i < q->nsubs; i++)
	{
		FakerCriteria *s = q->subs[i];

		if (s->op == Q_REL)
		{
			if (FakerCriteriaHasRest(s->sub))
				return true;
			continue;
		}
		if (s->op == Q_AND)
		{
			for (int j = 0; j < s->nsubs; j++)
				if (s->subs[j]->op == Q_REL ? FakerCriteriaHasRest(s->subs[j]->sub) : rel_inside(s->subs[j]))
					return true;
			continue;
		}
		if (rel_inside(s))
			return true;
	}
	return false;
}

/*
 * One branch of each $or of a value-level tree (under $and too), chosen by
 * PICK: what an ordered generator is narrowed to (partition bounds, an OR
 * of ranges); the value is still checked against the whole tree.
 */
FakerCriteria *
FakerCriteriaValueBranch(FakerCriteria *q, int (*pick) (void *arg, int n), void *arg)
{
	FakerCriteria *r;

	if (q == NULL || q->rowlevel)
		return q;
	if (q->op == Q_OR && q->nsubs > 0)
		return FakerCriteriaValueBranch(q->subs[pick(arg, q->nsubs)], pick, arg);
	if (q->op != Q_AND)
		return q;
	r = palloc(sizeof(FakerCriteria));
	*r = *q;
	r->subs = palloc(sizeof(FakerCriteria *) * Max(q->nsubs, 1));
	for (int i = 0; i < q->nsubs; i++)
		r->subs[i] = FakerCriteriaValueBranch(q->subs[i], pick, arg);
	return r;
}

/*
 * One branch of each top-level $or of Q, chosen by PICK: a plain AND of
 * fields the row maker can follow (criteria.h).
 */
FakerCriteria *
FakerCriteriaChooseBranch(FakerCriteria *q, int (*pick) (void *arg, int n), void *arg)
{
	FakerCriteria *r;

	if (q == NULL || !q->rowlevel)
		return q;
	switch (q->op)
	{
		case Q_OR:
			return FakerCriteriaChooseBranch(q->subs[pick(arg, q->nsubs)], pick, arg);
		case Q_AND:
			r = palloc(sizeof(FakerCriteria));
			*r = *q;
			r->subs = palloc(sizeof(FakerCriteria *) * q->nsubs);
			for (int i = 0; i < q->nsubs; i++)
				r->subs[i] = FakerCriteriaChooseBranch(q->subs[i], pick, arg);
			return r;
		case Q_ROW:
			r = palloc(sizeof(FakerCriteria));
			*r = *q;
			r->subs = palloc(sizeof(FakerCriteria *) * q->nsubs);
			for (int i = 0; i < q->nsubs; i++)
			{
				FakerCriteria *s = q->subs[i];

				if (s->op == Q_REL)
				{
					FakerCriteria *rel = palloc(sizeof(FakerCriteria));

					*rel = *s;
					rel->sub = FakerCriteriaChooseBranch(s->sub, pick, arg);
					s = rel;
				}
				r->subs[i] = s;
			}
			return r;
		default:
			return q;
	}
}

/*
 * Whether value-level Q fixes the value ($eq, IS NULL, a $in of one, an AND
 * holding one):
 * then the value (*VALUE, *ISNULL), operands read from ENV.
 */
bool
FakerCriteriaEquality(FakerCriteria *q, FakerCriteriaEnv *env, Datum *value, bool *isnull)
{
	if (q == NULL)
		return false;
	switch (q->op)
	{
		case Q_EQ:
			*value = OperandValue(q, &q->arg, env, isnull);
			return true;
		case Q_ISNULL:
			if (!q->flag)
				return false;
			*isnull = true;
			*value = (Datum) 0;
			return true;
		case Q_IN:
			if (q->nargs != 1)
				return false;
			*value = OperandValue(q, &q->args[0], env, isnull);
			return true;
		case Q_AND:
			for (int i = 0; i < q->nsubs; i++)
				if (FakerCriteriaEquality(q->subs[i], env, value, isnull))
					return true;
			return false;
		default:
			return false;
	}
}

/*
 * Narrow the bounds (*LO, *HI) to those Q implies ($gt ... $lte, ANDs of
 * them, operands read from ENV); whether any bound is known.
 */
bool
FakerCriteriaBounds(FakerCriteria *q, FakerCriteriaEnv *env, Datum *lo, bool *has_lo, bool *lo_incl,
				 Datum *hi, bool *has_hi, bool *hi_incl)
{
	Datum		v;
	bool		isnull;
	int			c;

	if (q == NULL)
		return *has_lo || *has_hi;
	switch (q->op)
	{
		case Q_GT:
		case Q_GTE:
			v = OperandValue(q, &q->arg, env, &isnull);
			if (isnull)
				break;
			c = *has_lo ? CriteriaCompare(q, v, *lo) : 1;
			if (c > 0 || (c == 0 && q->op == Q_GT))
			{
				*lo = v;
				*has_lo = true;
				*lo_incl = q->op == Q_GTE;
			}
			break;
		case Q_LT:
		case Q_LTE:
			v = OperandValue(q, &q->arg, env, &isnull);
			if (isnull)
				break;
			c = *has_hi ? CriteriaCompare(q, v, *hi) : -1;
			if (c < 0 || (c == 0 && q->op == Q_LT))
			{
				*hi = v;
				*has_hi = true;
				*hi_incl = q->op == Q_LTE;
			}
			break;
		case Q_AND:
			for (int i = 0; i < q->nsubs; i++)
				FakerCriteriaBounds(q->subs[i], env, lo, has_lo, lo_incl, hi, has_hi, hi_incl);
			break;
		default:
			break;
	}
	return *has_lo || *has_hi;
}

/* A bound row-level tree on RELID with one field: column ATT satisfies COND. */
static FakerCriteria *
row_of(Oid relid, AttrNumber att, FakerCriteria *cond)
{
	FakerCriteria *q = CriteriaNew(Q_ROW, cond->path);

	q->bound = true;
	q->rowlevel = true;
	q->relid = relid;
	q->nsubs = 1;
	q->fields = palloc(sizeof(char *));
	q->fields[0] = get_attname(relid, att, false);
	q->subs = palloc(sizeof(FakerCriteria *));
	q->subs[0] = cond;
	q->attnums = palloc(sizeof(AttrNumber));
	q->attnums[0] = att;
	return q;
}

/*
 * The criteria a child's wide foreign key puts on the narrow key inside it,
 * as row-level criteria on the narrow parent (criteria.h).
 */
FakerCriteria *
FakerCriteriaHoist(FakerCriteria *req, Oid child, Oid wide_conoid, Oid narrow_conoid)
{
	FakerCriteriaFK *wide = CriteriaForeignKeyByOid(child, wide_conoid);
	FakerCriteriaFK *narrow = CriteriaForeignKeyByOid(child, narrow_conoid);
	FakerCriteria *out = NULL;
	Relation	rel;
	ListCell   *lc;

	/* conditions on the wide parent's columns that are the shared child columns */
	for (int j = 0; j < narrow->nkeys; j++)
		for (int k = 0; k < wide->nkeys; k++)
			if (wide->child_att[k] == narrow->child_att[j])
			{
				FakerCriteria *cond = FakerCriteriaColumn(req, wide->parent_att[k]);

				if (cond)
					out = row_and(out, row_of(narrow->parent, narrow->parent_att[j], cond));
			}
	/* $rel through a foreign key of the wide parent that is the narrow one's twin */
	rel = table_open(wide->parent, AccessShareLock);
	foreach(lc, RelationGetFKeyList(rel))
	{
		ForeignKeyCacheInfo *f = lfirst(lc);
		bool		twin = f->confrelid == narrow->parent && f->nkeys == narrow->nkeys;

		for (int j = 0; twin && j < f->nkeys; j++)
		{
			bool		found = false;

			/* f's column j in the wide parent is the child column narrow maps to the same parent column */
			for (int k = 0; k < wide->nkeys && !found; k++)
				for (int i = 0; i < narrow->nkeys && !found; i++)
					found = wide->parent_att[k] == f->conkey[j] &&
						wide->child_att[k] == narrow->child_att[i] &&
						narrow->parent_att[i] == f->confkey[j];
			twin = found;
		}
		if (twin)
		{
			FakerCriteria *cond = FakerCriteriaForeignKey(req, f->conoid);

			if (cond)
				out = row_and(out, cond);
		}
	}
	table_close(rel, AccessShareLock);
	return out;
}
