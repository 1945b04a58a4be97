/*
 * graph.c: the population plan.
 *
 * The aggregates reachable from the target through foreign keys and
 * children, in topological order, parents first (Kahn's algorithm).  A
 * cycle must go through a nullable foreign key: when Kahn's algorithm is
 * stuck, one nullable edge among the remaining aggregates becomes a *back
 * edge* (never creates: it reuses what the pool has, else NULL), and the
 * sort goes on; with no nullable edge left the cycle is an error.  Self
 * references are always back edges.  A bounded tree ("depth", tree.c) is
 * a self-reference only: one asked on a longer cycle is an error naming it.
 */
#include "postgres.h"

#include "catalog/namespace.h"
#include "lib/stringinfo.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/varlena.h"
#include "utils/regproc.h"

#include "model/modelpriv.h"

typedef struct Builder
{
	List	   *aggs;			/* Aggregate * in discovery order */
} Builder;

/* The aggregate NAME among those B has read, or NULL. */
static Aggregate *
find_agg(Builder *b, const char *name)
{
	ListCell   *lc;

	foreach(lc, b->aggs)
		if (strcmp(((Aggregate *) lfirst(lc))->name, name) == 0)
			return lfirst(lc);
	return NULL;
}

/* The aggregate of table RELID already in the plan: references to a table
 * resolve to it, so a parent that lists children is the parent they see. */
static Aggregate *
find_agg_for_table(Builder *b, Oid relid)
{
	ListCell   *lc;

	foreach(lc, b->aggs)
		if (((Aggregate *) lfirst(lc))->relid == relid)
			return lfirst(lc);
	return NULL;
}

static Aggregate *load_agg(Builder *b, const char *name, Oid relid_hint);

/* Load aggregate NAME (defined, or implicit for table RELID_HINT) and,
 * recursively, what it references and its children. */
static Aggregate *
load_agg(Builder *b, const char *name, Oid relid_hint)
{
	Aggregate  *agg = find_agg(b, name);
	Oid			relid;
	Jsonb	   *spec;

	if (agg)
		return agg;
	agg = palloc0(sizeof(Aggregate));
	agg->name = pstrdup(name);
	if (CatalogDefinition(name, relid_hint, &relid, &spec) &&
		(!OidIsValid(relid_hint) || relid == relid_hint))
		agg->defined = true;
	else
	{
		relid = OidIsValid(relid_hint) ? relid_hint : CatalogTableForName(name);
		if (!OidIsValid(relid))
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_OBJECT),
					 errmsg("aggregate \"%s\" does not exist", name),
					 errhint("Define it with faker_define, or name a table.")));
		spec = DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum("{}")));
	}
	agg->spec = spec;
	b->aggs = lappend(b->aggs, agg);
	CatalogLoadTable(agg, relid);
	CatalogKeyColumns(agg);
	SpecApply(agg, spec);

	for (int i = 0; i < agg->nrefs; i++)
	{
		ModelRef   *r = &agg->refs[i];
		Oid			prel = r->parent_relid;

		r->parent = find_agg_for_table(b, prel);
		if (r->parent == NULL)
			r->parent = load_agg(b, CatalogAggregateForTable(prel), prel);
	}
	for (int i = 0; i < agg->nchildren; i++)
	{
		ModelChild *ch = &agg->children[i];
		char	   *path = psprintf("aggregate \"%s\": children.%s.via", agg->name, ch->name);

		ch->child = load_agg(b, ch->name, InvalidOid);
		ch->via = SpecFindReference(ch->child, ch->via_name, path);
		/* by table: the child may still be resolving its own references */
		if (ch->child->refs[ch->via].parent_relid != agg->relid)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: foreign key \"%s\" does not reference %s",
							path, ch->child->refs[ch->via].name, agg->qualname)));
	}
	return agg;
}

/* Map each reference's referenced attnums to positions in the parent's key. */
static void
resolve_keys(Aggregate *agg)
{
	for (int i = 0; i < agg->nrefs; i++)
	{
		ModelRef   *r = &agg->refs[i];

		for (int k = 0; k < r->nkeys; k++)
		{
			int			pos = -1;

			for (int j = 0; j < r->parent->nkeys; j++)
				if (r->parent->cols[r->parent->keycol[j]].attnum == r->pkey[k])
					pos = j;
			if (pos < 0)
				elog(ERROR, "referenced column %d of %s is not in its pool key", r->pkey[k], r->parent->qualname);
			r->pkey[k] = pos;
		}
	}
}

/* Whether a column of reference R of AGG may be NULL. */
static bool
ref_nullable(Aggregate *agg, ModelRef *r)
{
	for (int k = 0; k < r->nkeys; k++)
		if (!agg->cols[r->col[k]].notnull)
			return true;
	return false;
}

/*
 * Can self-reference R of AGG, all of it NOT NULL, make a root row that
 * references itself?  When its columns take the table's own key and no
 * key column is a reference (faker makes the key before the row is
 * written, so the row can point at it).
 */
static bool
self_root_ok(Aggregate *agg, ModelRef *r)
{
	for (int k = 0; k < r->nkeys; k++)
	{
		int			kc = agg->keycol[r->pkey[k]];

		if (kc < 0 || kc == r->col[k] || agg->cols[kc].kind == COL_REF)
			return false;
	}
	return true;
}

/* Kahn's algorithm over the plan; parents get lower order numbers. */
static void
topo_sort(FakerPlan *plan)
{
	int			placed = 0;

	for (int i = 0; i < plan->n; i++)
	{
		Aggregate  *a = plan->aggs[i];

		a->order = -1;
		for (int r = 0; r < a->nrefs; r++)
			if (a->refs[r].parent == a)
			{
				a->refs[r].self_root = !ref_nullable(a, &a->refs[r]) && self_root_ok(a, &a->refs[r]);
				if (!ref_nullable(a, &a->refs[r]) && !a->refs[r].self_root)
					ereport(ERROR,
							(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
							 errmsg("aggregate \"%s\" references itself through \"%s\", which has no nullable column",
									a->name, a->refs[r].name),
							 errdetail("A cycle must go through a nullable foreign key, or population would never end.")));
				a->refs[r].back_edge = true;
			}
	}
	while (placed < plan->n)
	{
		bool		progress = false;

		for (int i = 0; i < plan->n; i++)
		{
			Aggregate  *a = plan->aggs[i];
			bool		ready = a->order < 0;

			for (int r = 0; r < a->nrefs && ready; r++)
				ready = a->refs[r].back_edge || a->refs[r].parent->order >= 0;
			if (ready)
			{
				a->order = placed++;
				progress = true;
			}
		}
		if (!progress)
		{
			/* stuck on a cycle: break it at a nullable edge */
			bool		broken = false;
			StringInfoData names;

			initStringInfo(&names);
			for (int i = 0; i < plan->n && !broken; i++)
			{
				Aggregate  *a = plan->aggs[i];

				if (a->order >= 0)
					continue;
				appendStringInfo(&names, "%s\"%s\"", names.len ? ", " : "", a->name);
				for (int r = 0; r < a->nrefs && !broken; r++)
				{
					ModelRef   *ref = &a->refs[r];

					if (!ref->back_edge && ref->parent->order < 0 && ref_nullable(a, ref))
						ref->back_edge = broken = true;
				}
			}
			if (!broken)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
						 errmsg("cycle of foreign keys with no nullable edge among aggregates %s", names.data),
						 errdetail("A cycle must go through a nullable foreign key, or population would never end.")));
		}
	}
	/* sort by order */
	for (int i = 0; i < plan->n; i++)
		for (int j = i + 1; j < plan->n; j++)
			if (plan->aggs[j]->order < plan->aggs[i]->order)
			{
				Aggregate  *t = plan->aggs[i];

				plan->aggs[i] = plan->aggs[j];
				plan->aggs[j] = t;
			}
}

/*
 * Is there a path of references from FROM to TO (FROM itself when they
 * are the same)?  The aggregates on it, FROM first, are prepended to
 * *PATH; MARK flags the aggregates already tried.
 */
static bool
ref_path(Aggregate *from, Aggregate *to, List **path)
{
	if (from == to)
		return true;
	if (from->mark)
		return false;
	from->mark = 1;
	for (int r = 0; r < from->nrefs; r++)
		if (ref_path(from->refs[r].parent, to, path))
		{
			*path = lcons(from->name, *path);
			return true;
		}
	return false;
}

/*
 * A depth bound applies to a self-reference only: asked on a reference to
 * another aggregate it is an error, naming the cycle when there is one
 * (a tree through several tables is not supported).
 */
static void
check_trees(FakerPlan *plan)
{
	for (int i = 0; i < plan->n; i++)
	{
		Aggregate  *a = plan->aggs[i];

		for (int r = 0; r < a->nrefs; r++)
		{
			ModelRef   *ref = &a->refs[r];
			List	   *path = NIL;
			StringInfoData cycle;
			ListCell   *lc;

			if (ref->tree == NULL || ref->parent == a)
				continue;
			for (int j = 0; j < plan->n; j++)
				plan->aggs[j]->mark = 0;
			if (!ref_path(ref->parent, a, &path))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("aggregate \"%s\": reference \"%s\" has a depth, but it references %s, not %s itself",
								a->name, ref->name, ref->parent->qualname, a->qualname),
						 errhint("\"depth\" and \"fanout\" make a tree of a foreign key of a table to itself.")));
			initStringInfo(&cycle);
			appendStringInfo(&cycle, "\"%s\"", a->name);
			foreach(lc, path)
				appendStringInfo(&cycle, " -> \"%s\"", (char *) lfirst(lc));
			appendStringInfo(&cycle, " -> \"%s\"", a->name);
			ereport(ERROR,
					(errcode(ERRCODE_FEATURE_NOT_SUPPORTED),
					 errmsg("aggregate \"%s\": reference \"%s\" has a depth on the cycle %s, which is not a self-reference",
							a->name, ref->name, cycle.data),
					 errdetail("A depth bound is supported on a foreign key of a table to itself only.")));
		}
	}
}

/* The plan of one aggregate (graph.c, PlanBuildMany). */
FakerPlan *
PlanBuild(const char *aggregate, bool for_call)
{
	return PlanBuildMany(list_make1((char *) aggregate));
}

/* One plan for several aggregates (a pipe's steps); the first is the target. */
FakerPlan *
PlanBuildMany(List *names)
{
	Builder		b = {NIL};
	FakerPlan  *plan = palloc0(sizeof(FakerPlan));
	ListCell   *lc;
	int			i = 0;

	plan->cxt = CurrentMemoryContext;
	foreach(lc, names)
	{
		Aggregate  *a = load_agg(&b, lfirst(lc), InvalidOid);

		if (plan->target == NULL)
			plan->target = a;
	}
	plan->n = list_length(b.aggs);
	plan->aggs = palloc(sizeof(Aggregate *) * plan->n);
	foreach(lc, b.aggs)
	{
		plan->aggs[i++] = lfirst(lc);
		resolve_keys(lfirst(lc));
	}
	topo_sort(plan);
	check_trees(plan);
	return plan;
}
