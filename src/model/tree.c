/*
 * tree.c: a self-reference filled as a forest of bounded depth (README,
 * "Trees").
 *
 * A reference of a table to itself whose spec has "depth": {"max": D}
 * (and/or "fanout": [f1, f2, ...]) is not drawn by its many-to-one
 * distributor.  Rows are placed breadth-first instead: a root has depth 1;
 * a row above the bound (depth < D) is *open* until it gets its children.
 * Each new row takes as its parent the oldest open row, which gets its
 * whole count of children before the next open row is used; when no open
 * row is left the new row is a root.  So the forest is a sequence of trees
 * filled level by level, every finished tree reaching depth D, and the last
 * one still growing.  A parent at depth d gets f_d children when the
 * "fanout" list has an entry for its level, else 1 + a one-to-many count
 * with mean m - 1 and the reference's skew or weights (dist.h): at least
 * one child, m on average.
 *
 * Nothing is persisted: the first row of a call reads the open rows from
 * the table with one recursive query (the depth of every row reachable
 * from a root, down to D - 1, that has no child yet), sorted by depth and
 * pool position, so a second call continues the breadth-first order where
 * the first stopped.  The one parent a call was serving when it ended
 * keeps the children it got.
 */
#include "postgres.h"

#include "access/stratnum.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"

#include "faker.h"
#include "options.h"
#include "model/tree.h"
#include "security.h"

#define TREE_MAX_DEPTH		100000
#define TREE_MAX_FANOUT		1000000

typedef struct TreeNode
{
	int64		pos;			/* in the aggregate's pool */
	int64		depth;			/* 1 for a root */
} TreeNode;

struct TreeRef
{
	/* the spec */
	int			max_depth;
	int			nfanout;
	int64	   *fanout;			/* children of a parent at depth d + 1 */
	FakerO2M   *extra;			/* children after the first; NULL: none */
	/* the call */
	bool		open;
	FakerRng	rng;
	TreeNode   *queue;			/* open rows, oldest first */
	int64		head,
				tail,
				cap;
	int64		cur;			/* the parent being served, by pool position */
	int64		cur_depth;
	int64		left;			/* children it still gets */
};

/* "depth": {"max": D} of a reference's spec (V, at PATH): D. */
static int
tree_depth_max(JsonbValue *v, const char *path)
{
	FakerOptions o;
	int			max;

	FakerOptionsInit(&o, JsonbValueToJsonb(v), psprintf("%s.depth", path), true);
	if (!FakerOptPresent(&o, "max"))
		FakerOptError(&o, "max", "is required (the number of levels, roots included)");
	max = (int) FakerOptInt(&o, "max", 0, 1, TREE_MAX_DEPTH);
	FakerOptionsCheckKeys(&o, NULL);
	return max;
}

/*
 * The count distributor of a parent's children after the first: mean
 * m - 1 with the reference's skew or weights, so a parent has m children
 * on average and never none (NULL when m is 1: exactly one).  With skew or
 * weights the count is the parent's own mean rounded ("spread": 0), as a
 * reference's shape is without children's counts varying around it.
 */
static FakerO2M *
tree_extra(const FakerM2OSpec *spec, const char *path)
{
	StringInfoData s;

	if (spec->mean <= 1)
		return NULL;
	initStringInfo(&s);
	appendStringInfo(&s, "{\"mean\": %.17g", spec->mean - 1);
	if (spec->skew > 0)
		appendStringInfo(&s, ", \"skew\": %.17g", spec->skew);
	if (spec->nweights > 0)
	{
		appendStringInfoString(&s, ", \"weights\": [");
		for (int i = 0; i < spec->nweights; i++)
			appendStringInfo(&s, "%s%.17g", i ? ", " : "", spec->weights[i]);
		appendStringInfoChar(&s, ']');
	}
	if (spec->skew > 0 || spec->nweights > 0)
		appendStringInfoString(&s, ", \"spread\": 0");
	appendStringInfoChar(&s, '}');
	return FakerO2MParse(DatumGetJsonbP(DirectFunctionCall1(jsonb_in, CStringGetDatum(s.data))),
						 path, NULL);
}

/*
 * Read "depth" and "fanout" of reference R's spec RS (at PATH; its
 * distributor already parsed): a tree, or nothing when neither is given.
 * A tree needs roots (a nullable column), and its roots are its NULLs and
 * its parents are chosen by level, so null_weight and require do not
 * apply.  Whether R is a self-reference is checked by the plan (graph.c).
 */
void
TreeParse(Aggregate *agg, ModelRef *r, Jsonb *rs, const char *path, bool nullable)
{
	FakerOptions o;
	JsonbValue	v;
	bool		has_depth;
	double	   *fan;
	int			nfan;
	TreeRef    *t;

	FakerOptionsInit(&o, rs, path, true);
	has_depth = FakerOptValue(&o, "depth", &v);
	fan = FakerOptNumbers(&o, "fanout", &nfan, -1);
	if (!has_depth && nfan == 0)
		return;
	t = palloc0(sizeof(TreeRef));
	t->max_depth = has_depth ? tree_depth_max(&v, path) : nfan + 1;
	for (int i = 0; i < nfan; i++)
		if (!(fan[i] >= 1 && fan[i] <= TREE_MAX_FANOUT && fan[i] == (int64) fan[i]))
			FakerOptError(&o, "fanout", "must hold integers between 1 and 1000000 (children of each parent, per level)");
	if (nfan > t->max_depth - 1)
		FakerOptError(&o, "fanout", psprintf("gives children to %d levels, but depth.max %d leaves %d level%s with children",
											 nfan, t->max_depth, t->max_depth - 1, t->max_depth == 2 ? "" : "s"));
	if (!nullable)
		FakerOptError(&o, has_depth ? "depth" : "fanout",
					  psprintf("foreign key \"%s\" has no nullable column, so no row can be a root of the tree", r->name));
	if (r->spec.null_weight > 0)
		FakerOptError(&o, "null_weight", "does not apply to a tree (its roots are the NULLs)");
	if (r->require)
		FakerOptError(&o, "require", "cannot be combined with depth or fanout (parents are chosen by level)");
	if (r->spec.mean > TREE_MAX_FANOUT)
		FakerOptError(&o, "mean", "must be at most 1000000 in a tree (children per parent)");
	t->nfanout = nfan;
	t->fanout = palloc(sizeof(int64) * Max(nfan, 1));
	for (int i = 0; i < nfan; i++)
		t->fanout[i] = (int64) fan[i];
	t->extra = tree_extra(&r->spec, path);
	r->tree = t;
}

/* Append the open row at pool position POS, of depth DEPTH. */
static void
tree_push(TreeRef *t, int64 pos, int64 depth)
{
	if (t->tail == t->cap)
	{
		if (t->head > t->cap / 2)
		{
			/* reuse the room of the rows served */
			memmove(t->queue, t->queue + t->head, sizeof(TreeNode) * (t->tail - t->head));
			t->tail -= t->head;
			t->head = 0;
		}
		else
		{
			t->cap *= 2;
			t->queue = repalloc_huge(t->queue, sizeof(TreeNode) * t->cap);
		}
	}
	t->queue[t->tail].pos = pos;
	t->queue[t->tail].depth = depth;
	t->tail++;
}

/* qsort: open rows by depth, then pool position (breadth-first order). */
static int
node_cmp(const void *a, const void *b)
{
	const TreeNode *x = a;
	const TreeNode *y = b;

	if (x->depth != y->depth)
		return x->depth < y->depth ? -1 : 1;
	return x->pos < y->pos ? -1 : x->pos > y->pos ? 1 : 0;
}

/*
 * The query of the open rows of tree R of AGG: every row reachable from a
 * root (a NULL in the key) down to depth $1, with its depth, that no row
 * references yet.  Operators are those of the key columns' types, with
 * their schema.
 */
static char *
tree_sql(Aggregate *agg, ModelRef *r)
{
	StringInfoData names,
				sel,
				roots,
				join,
				out;

	initStringInfo(&names);
	initStringInfo(&sel);
	initStringInfo(&roots);
	initStringInfo(&join);
	initStringInfo(&out);
	for (int k = 0; k < r->nkeys; k++)
	{
		ModelColumn *fc = &agg->cols[r->col[k]];
		ModelColumn *kc = &agg->cols[agg->keycol[r->pkey[k]]];
		const char *sep = k ? ", " : "";

		appendStringInfo(&names, "%sk%d", sep, k);
		appendStringInfo(&sel, "%sc.%s", sep, quote_identifier(kc->name));
		appendStringInfo(&out, "%st.k%d", sep, k);
		appendStringInfo(&roots, "%sc.%s IS NULL", k ? " OR " : "", quote_identifier(fc->name));
		appendStringInfo(&join, "%sc.%s %s t.k%d", k ? " AND " : "", quote_identifier(fc->name),
						 FakerSqlOperator(fc->typid, kc->typid, BTEqualStrategyNumber), k);
	}
	return psprintf("WITH RECURSIVE t(%s, depth) AS ("
					"SELECT %s, 1 FROM %s c WHERE %s "
					"UNION ALL SELECT %s, t.depth OPERATOR(pg_catalog.+) 1 FROM %s c JOIN t ON %s "
					"WHERE t.depth OPERATOR(pg_catalog.<) $1) "
					"SELECT %s, t.depth FROM t WHERE NOT EXISTS (SELECT 1 FROM %s c WHERE %s)",
					names.data, sel.data, agg->qualname, roots.data,
					sel.data, agg->qualname, join.data, out.data, agg->qualname, join.data);
}

/*
 * The open rows already in the table of tree R, into its queue in
 * breadth-first order (by depth, then pool position).  As the caller,
 * who needs SELECT on the key and foreign key columns.
 */
static void
tree_load(Aggregate *agg, ModelRef *r)
{
	TreeRef    *t = r->tree;
	int16		atts[2 * MODEL_MAX_KEYS];
	Oid			types[1] = {INT4OID};
	Datum		args[1] = {Int32GetDatum(t->max_depth - 1)};
	int64		start = t->tail;
	Portal		p;

	for (int k = 0; k < r->nkeys; k++)
	{
		atts[2 * k] = agg->cols[r->col[k]].attnum;
		atts[2 * k + 1] = agg->cols[agg->keycol[r->pkey[k]]].attnum;
	}
	FakerCheckSelect(agg->relid, atts, 2 * r->nkeys);
	p = FakerSPICursorOpen(tree_sql(agg, r), 1, types, args, NULL, false);
	for (;;)
	{
		FakerSPIFetch(p, true, 10000);
		if (SPI_processed == 0)
			break;
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			bool		known[MODEL_MAX_KEYS] = {false};
			Datum		keys[MODEL_MAX_KEYS];
			bool		isnull;
			int64	   *members;

			for (int k = 0; k < r->nkeys; k++)
			{
				known[r->pkey[k]] = true;
				keys[r->pkey[k]] = SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, k + 1, &isnull);
			}
			/* a row missing from the pool (deleted behind faker's back) is skipped */
			if (PoolSubpool(agg, known, keys, &members) > 0)
				tree_push(t, members[0],
						  DatumGetInt32(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc,
													  r->nkeys + 1, &isnull)));
		}
		SPI_freetuptable(SPI_tuptable);
		CHECK_FOR_INTERRUPTS();
	}
	SPI_cursor_close(p);
	qsort(t->queue + start, t->tail - start, sizeof(TreeNode), node_cmp);
}

/* The per-call state of tree R of AGG: its stream, its open rows. */
static void
tree_open(FakerPlan *plan, Aggregate *agg, ModelRef *r)
{
	TreeRef    *t = r->tree;

	FakerRngInitStream(&t->rng, plan->seed, agg->name, psprintf("%s.tree", r->name));
	t->cap = 1024;
	t->queue = MemoryContextAllocHuge(plan->cxt, sizeof(TreeNode) * t->cap);
	t->head = t->tail = t->left = 0;
	t->open = true;
	if (agg->pool.n > 0 && t->max_depth > 1)
		tree_load(agg, r);
}

/* How many children the parent at depth DEPTH gets: its level's fanout, else drawn. */
static int64
tree_count(TreeRef *t, int64 depth)
{
	if (depth - 1 < t->nfanout)
		return t->fanout[depth - 1];
	return 1 + (t->extra ? FakerO2MNext(t->extra, &t->rng) : 0);
}

/* The parent of the next row (pool position), or -1: the row is a root. */
static int64
tree_next(TreeRef *t)
{
	while (t->left <= 0)
	{
		TreeNode   *n;

		if (t->head == t->tail)
			return -1;
		n = &t->queue[t->head++];
		t->cur = n->pos;
		t->cur_depth = n->depth;
		t->left = tree_count(t, n->depth);
	}
	t->left--;
	return t->cur;
}

/* Make the row a root of tree R: its undecided nullable key columns NULL. */
static void
tree_root(Aggregate *agg, ModelRef *r, bool *known, bool *nulls)
{
	for (int k = 0; k < r->nkeys; k++)
		if (!known[r->col[k]] && !agg->cols[r->col[k]].notnull)
		{
			known[r->col[k]] = true;
			nulls[r->col[k]] = true;
		}
}

/*
 * Place the row being made in tree R of AGG: its depth, or 0 when another
 * path decided its parent.  A row whose key another path decided in part
 * becomes a root (so the bound holds), when a column left can be NULL.
 */
static int64
tree_place(Aggregate *agg, ModelRef *r, bool *known, Datum *vals, bool *nulls)
{
	int			nknown = 0;
	bool		knownnull = false;
	bool		nullable = false;
	int64		pos;

	for (int k = 0; k < r->nkeys; k++)
	{
		int			c = r->col[k];

		if (known[c])
		{
			nknown++;
			knownnull |= nulls[c];
		}
		else
			nullable |= !agg->cols[c].notnull;
	}
	if (knownnull || (nknown > 0 && nullable))
	{
		agg->nulls += knownnull ? 0 : 1;
		tree_root(agg, r, known, nulls);
		return 1;
	}
	if (nknown > 0)
		return 0;
	pos = tree_next(r->tree);
	if (pos < 0)
	{
		tree_root(agg, r, known, nulls);
		agg->nulls++;
		return 1;
	}
	for (int k = 0; k < r->nkeys; k++)
	{
		ModelColumn *c = &agg->cols[r->col[k]];
		int64		at = pos * agg->nkeys + r->pkey[k];

		known[r->col[k]] = true;
		nulls[r->col[k]] = agg->pool.nulls[at];
		vals[r->col[k]] = agg->pool.nulls[at] ? (Datum) 0 :
			datumCopy(agg->pool.keys[at], c->typbyval, c->typlen);
	}
	agg->reused++;
	UsesNote(r->uses, pos);
	return r->tree->cur_depth + 1;
}

/*
 * Before a row's references: choose the parent of each tree reference of
 * AGG (see tree.h).  The first row of a call reads the open rows first.
 */
int *
TreeRowBegin(RowCtx *rc, Aggregate *agg, bool *known, Datum *vals, bool *nulls)
{
	int		   *depth = NULL;

	for (int i = 0; i < agg->nrefs; i++)
	{
		ModelRef   *r = &agg->refs[i];

		if (r->tree == NULL)
			continue;
		if (depth == NULL)
			depth = palloc0(sizeof(int) * agg->nrefs);
		if (!r->tree->open)
			tree_open(rc->plan, agg, r);
		depth[i] = (int) tree_place(agg, r, known, vals, nulls);
	}
	return depth;
}

/* The row at pool position POS is made: above the bound, it is open. */
void
TreeRowMade(Aggregate *agg, const int *depth, int64 pos)
{
	for (int i = 0; i < agg->nrefs; i++)
		if (depth[i] > 0 && depth[i] < agg->refs[i].tree->max_depth)
			tree_push(agg->refs[i].tree, pos, depth[i]);
}
