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

#include "dsl/dslpriv.h"

static bool
walk_any(FakerQuery *q, bool (*pred) (FakerQuery *, Operand *))
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

static bool
reads_other_rows(FakerQuery *q, Operand *o)
{
	if (o == NULL)
		return q->op == Q_REL;
	return o->kind == OPD_FIELD && o->fk != NULL;
}

static bool
has_ref(FakerQuery *q, Operand *o)
{
	return o != NULL && o->kind != OPD_LITERAL;
}

static bool
has_step(FakerQuery *q, Operand *o)
{
	return o != NULL && o->kind == OPD_STEP;
}

bool
FakerQueryIsLocal(FakerQuery *q)
{
	return !walk_any(q, reads_other_rows);
}

bool
FakerQueryHasOperandRefs(FakerQuery *q)
{
	return walk_any(q, has_ref);
}

bool
FakerQueryHasSteps(FakerQuery *q)
{
	return walk_any(q, has_step);
}

static List *
field_deps(FakerQuery *q, List *deps)
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

List *
FakerQueryFieldDeps(FakerQuery *q)
{
	return field_deps(q, NIL);
}

static FakerQuery *
and_of(FakerQuery *a, FakerQuery *b)
{
	FakerQuery *q;

	if (a == NULL)
		return b;
	if (b == NULL)
		return a;
	q = palloc(sizeof(FakerQuery));
	*q = *a;
	q->op = Q_AND;
	q->sub = NULL;
	q->nsubs = 2;
	q->subs = palloc(sizeof(FakerQuery *) * 2);
	q->subs[0] = a;
	q->subs[1] = b;
	return q;
}

FakerQuery *
FakerQueryColumn(FakerQuery *q, AttrNumber attnum)
{
	FakerQuery *r = NULL;

	if (q == NULL)
		return NULL;
	if (q->op == Q_AND && q->rowlevel)
	{
		for (int i = 0; i < q->nsubs; i++)
			r = and_of(r, FakerQueryColumn(q->subs[i], attnum));
		return r;
	}
	if (q->op != Q_ROW)
		return NULL;
	for (int i = 0; i < q->nsubs; i++)
		if (q->attnums[i] == attnum)
		{
			FakerQuery *s = q->subs[i];

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

static FakerQuery *
row_and(FakerQuery *a, FakerQuery *b)
{
	FakerQuery *q = and_of(a, b);

	if (q && q != a && q != b)
		q->rowlevel = true;
	return q;
}

FakerQuery *
FakerQueryForeignKey(FakerQuery *q, Oid conoid)
{
	FakerQuery *r = NULL;

	if (q == NULL)
		return NULL;
	if (q->op == Q_AND && q->rowlevel)
	{
		for (int i = 0; i < q->nsubs; i++)
			r = row_and(r, FakerQueryForeignKey(q->subs[i], conoid));
		return r;
	}
	if (q->op != Q_ROW)
		return NULL;
	for (int i = 0; i < q->nsubs; i++)
	{
		FakerQuery *s = q->subs[i];

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
rel_inside(FakerQuery *q)
{
	return walk_any(q, reads_other_rows);
}

bool
FakerQueryHasRest(FakerQuery *q)
{
	if (q == NULL)
		return false;
	if (q->op == Q_AND && q->rowlevel)
	{
		for (int i = 0; i < q->nsubs; i++)
			if (FakerQueryHasRest(q->subs[i]))
				return true;
		return false;
	}
	if (q->op != Q_ROW)
		return true;
	for (int i = 0; i < q->nsubs; i++)
	{
		FakerQuery *s = q->subs[i];

		if (s->op == Q_REL)
		{
			if (FakerQueryHasRest(s->sub))
				return true;
			continue;
		}
		if (s->op == Q_AND)
		{
			for (int j = 0; j < s->nsubs; j++)
				if (s->subs[j]->op == Q_REL ? FakerQueryHasRest(s->subs[j]->sub) : rel_inside(s->subs[j]))
					return true;
			continue;
		}
		if (rel_inside(s))
			return true;
	}
	return false;
}

FakerQuery *
FakerQueryChooseBranch(FakerQuery *q, int (*pick) (void *arg, int n), void *arg)
{
	FakerQuery *r;

	if (q == NULL || !q->rowlevel)
		return q;
	switch (q->op)
	{
		case Q_OR:
			return FakerQueryChooseBranch(q->subs[pick(arg, q->nsubs)], pick, arg);
		case Q_AND:
			r = palloc(sizeof(FakerQuery));
			*r = *q;
			r->subs = palloc(sizeof(FakerQuery *) * q->nsubs);
			for (int i = 0; i < q->nsubs; i++)
				r->subs[i] = FakerQueryChooseBranch(q->subs[i], pick, arg);
			return r;
		case Q_ROW:
			r = palloc(sizeof(FakerQuery));
			*r = *q;
			r->subs = palloc(sizeof(FakerQuery *) * q->nsubs);
			for (int i = 0; i < q->nsubs; i++)
			{
				FakerQuery *s = q->subs[i];

				if (s->op == Q_REL)
				{
					FakerQuery *rel = palloc(sizeof(FakerQuery));

					*rel = *s;
					rel->sub = FakerQueryChooseBranch(s->sub, pick, arg);
					s = rel;
				}
				r->subs[i] = s;
			}
			return r;
		default:
			return q;
	}
}

bool
FakerQueryEquality(FakerQuery *q, FakerQueryEnv *env, Datum *value, bool *isnull)
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
				if (FakerQueryEquality(q->subs[i], env, value, isnull))
					return true;
			return false;
		default:
			return false;
	}
}

bool
FakerQueryBounds(FakerQuery *q, FakerQueryEnv *env, Datum *lo, bool *has_lo, bool *lo_incl,
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
			c = *has_lo ? QueryCompare(q, v, *lo) : 1;
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
			c = *has_hi ? QueryCompare(q, v, *hi) : -1;
			if (c < 0 || (c == 0 && q->op == Q_LT))
			{
				*hi = v;
				*has_hi = true;
				*hi_incl = q->op == Q_LTE;
			}
			break;
		case Q_AND:
			for (int i = 0; i < q->nsubs; i++)
				FakerQueryBounds(q->subs[i], env, lo, has_lo, lo_incl, hi, has_hi, hi_incl);
			break;
		default:
			break;
	}
	return *has_lo || *has_hi;
}

/* A bound row-level tree on RELID with one field: column ATT satisfies COND. */
static FakerQuery *
row_of(Oid relid, AttrNumber att, FakerQuery *cond)
{
	FakerQuery *q = QueryNew(Q_ROW, cond->path);

	q->bound = true;
	q->rowlevel = true;
	q->relid = relid;
	q->nsubs = 1;
	q->fields = palloc(sizeof(char *));
	q->fields[0] = get_attname(relid, att, false);
	q->subs = palloc(sizeof(FakerQuery *));
	q->subs[0] = cond;
	q->attnums = palloc(sizeof(AttrNumber));
	q->attnums[0] = att;
	return q;
}

FakerQuery *
FakerQueryHoist(FakerQuery *req, Oid child, Oid wide_conoid, Oid narrow_conoid)
{
	FakerQueryFK *wide = QueryForeignKeyByOid(child, wide_conoid);
	FakerQueryFK *narrow = QueryForeignKeyByOid(child, narrow_conoid);
	FakerQuery *out = NULL;
	Relation	rel;
	ListCell   *lc;

	/* conditions on the wide parent's columns that are the shared child columns */
	for (int j = 0; j < narrow->nkeys; j++)
		for (int k = 0; k < wide->nkeys; k++)
			if (wide->child_att[k] == narrow->child_att[j])
			{
				FakerQuery *cond = FakerQueryColumn(req, wide->parent_att[k]);

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
			FakerQuery *cond = FakerQueryForeignKey(req, f->conoid);

			if (cond)
				out = row_and(out, cond);
		}
	}
	table_close(rel, AccessShareLock);
	return out;
}
