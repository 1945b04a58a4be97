/*
 * fit.c: measure the shape of a table's references (faker_fit), the
 * inverse of the distributors.
 *
 * Rows whose columns are all NULL are nulls; the others are grouped by the
 * columns' values (one group per parent) and the groups ranked by size.
 *   mean        non-null rows / groups
 *   null_weight null rows / rows
 *   weights     the share of non-null rows held by each quarter of the
 *               ranks: quarter q holds ranks [floor(qG/4), floor((q+1)G/4))
 *   skew, r2    least squares of ln(count) on ln(rank) over the top 90% of
 *               ranks (ranks 1..max(2, floor(0.9 G))): alpha = -slope
 *               clamped to [0, 0.9], skew = 1/(1-alpha) (so 1..10).  Fewer
 *               than 2 groups: skew 1, r2 0.
 *
 * With WITHIN (faker_fit's third argument, e.g. the tenant of a composite
 * tenant/author key), the same figures are taken inside each group of the
 * WITHIN columns and pooled: a row is null when its columns outside WITHIN
 * are all NULL; parents are ranked inside their group, each parent's count
 * goes to the quarter of its own group's ranks; the slope is the pooled
 * within-group least squares (every group of 2+ parents contributes its
 * centred sums over its top 90% of ranks, so group sizes do not bend it).
 * "groups" counts parents, "within_groups" the groups of WITHIN.
 */
#include "postgres.h"

#include <math.h>

#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "faker.h"
#include "dist/dist.h"
#include "dist/distpriv.h"

/* skew and r2 from the centred sums of squares of x = ln(rank), y = ln(count) */
static void
fit_slope(double vx, double vy, double cxy, double *skew, double *r2)
{
	if (vx > 0)
	{
		double		alpha = -cxy / vx;

		alpha = Max(0, Min(0.9, alpha));
		*skew = 1 / (1 - alpha);
		*r2 = vy > 0 ? Max(0, cxy * cxy / (vx * vy)) : 0;
	}
}

/* The result object; WITHIN_GROUPS < 0: no "within_groups" key. */
static Jsonb *
fit_json(double nonnull, double nulls, int64 g, double *shares, double skew, double r2,
		 int64 within_groups)
{
	JsonOut	j;

	JsonOutBegin(&j);
	if (g > 0)
		JsonOutFloat(&j, "mean", nonnull / g);
	JsonOutFloat(&j, "null_weight", nonnull + nulls > 0 ? nulls / (nonnull + nulls) : 0);
	for (int q = 0; q < 4; q++)
		shares[q] = nonnull > 0 ? shares[q] / nonnull : 0;
	JsonOutFloats(&j, "weights", shares, 4);
	JsonOutFloat(&j, "skew", skew);
	JsonOutFloat(&j, "r2", r2);
	JsonOutFloat(&j, "rows", nonnull + nulls);
	JsonOutFloat(&j, "groups", (double) g);
	if (within_groups >= 0)
		JsonOutFloat(&j, "within_groups", (double) within_groups);
	return JsonOutEnd(&j);
}

/*
 * The shape of G use counts sorted in descending order, plus NULLS null
 * uses: the share of each quarter of the ranks (the "weights" a distributor
 * takes) and the skew, a least-squares slope of log(count) over log(rank)
 * over the first 90% of the ranks (the last tenth left out), with its r2
 * to say how well a power law fits.
 */
Jsonb *
FakerFitCounts(const int64 *counts, int64 g, int64 nulls)
{
	double		nonnull = 0,
				shares[4] = {0, 0, 0, 0},
				skew = 1,
				r2 = 0;

	for (int64 i = 0; i < g; i++)
	{
		nonnull += counts[i];
		shares[Min(3, (int) ((i * 4) / Max(g, 1)))] += counts[i];
	}
	if (g >= 2)
	{
		int64		m = Max(2, (int64) floor(0.9 * g));
		double		sx = 0,
					sy = 0,
					sxx = 0,
					sxy = 0,
					syy = 0;

		for (int64 i = 0; i < m; i++)
		{
			double		x = log((double) (i + 1)),
						y = log((double) Max(counts[i], 1));

			sx += x;
			sy += y;
			sxx += x * x;
			sxy += x * y;
			syy += y * y;
		}
		fit_slope(sxx - sx * sx / m, syy - sy * sy / m, sxy - sx * sy / m, &skew, &r2);
	}
	return fit_json(nonnull, nulls, g, shares, skew, r2, -1);
}

/* Rows whose columns are all NULL (ALLNULL: the SQL test); SPI connected. */
static int64
fit_null_count(const char *rel, const char *allnull)
{
	char	   *q = psprintf("SELECT pg_catalog.count(*) FROM %s WHERE %s", rel, allnull);

	if (SPI_execute(q, true, 0) != SPI_OK_SELECT)
		elog(ERROR, "faker_fit: null count failed");
	return DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &(bool){false}));
}

/*
 * faker_fit's worker: the shape of the references COLUMNS of relation RELID
 * make, measured as the caller.  Rows whose columns are all NULL are the
 * null uses; the others are grouped by the columns' values and their counts,
 * largest first (a cursor, 10000 at a time: a table may have many groups),
 * go to FakerFitCounts.
 */
Jsonb *
FakerFitRelation(Oid relid, char **columns, int ncolumns)
{
	StringInfoData q,
				allnull,
				cols;
	char	   *rel;
	int64	   *counts;
	int64		ngroups = 0,
				cap = 1024,
				nulls;
	Portal		portal;
	Jsonb	   *result;
	MemoryContext outer = CurrentMemoryContext;

	rel = quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
									 get_rel_name(relid));
	for (int i = 0; i < ncolumns; i++)
		if (get_attnum(relid, columns[i]) == InvalidAttrNumber)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" of relation %s does not exist", columns[i], rel)));

	/* the all-NULL test and the grouping, over quoted identifiers */
	initStringInfo(&allnull);
	initStringInfo(&cols);
	for (int i = 0; i < ncolumns; i++)
	{
		appendStringInfo(&allnull, "%s%s IS NULL", i ? " AND " : "", quote_identifier(columns[i]));
		appendStringInfo(&cols, "%s%s", i ? ", " : "", quote_identifier(columns[i]));
	}
	SPI_connect();
	nulls = fit_null_count(rel, allnull.data);

	initStringInfo(&q);
	appendStringInfo(&q, "SELECT pg_catalog.count(*) AS n FROM %s WHERE NOT (%s) GROUP BY %s",
					 rel, allnull.data, cols.data);
	appendStringInfoString(&q, " ORDER BY n DESC");

	counts = MemoryContextAllocHuge(outer, sizeof(int64) * cap);
	portal = FakerSPICursorOpen(q.data, 0, NULL, NULL, NULL, true);
	for (;;)
	{
		FakerSPIFetch(portal, true, 10000);
		if (SPI_processed == 0)
			break;
		if (ngroups + (int64) SPI_processed > cap)
		{
			cap = Max(cap * 2, ngroups + (int64) SPI_processed);
			counts = repalloc_huge(counts, sizeof(int64) * cap);
		}
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			bool		isnull;

			counts[ngroups++] = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[i],
															SPI_tuptable->tupdesc, 1, &isnull));
		}
		SPI_freetuptable(SPI_tuptable);
		CHECK_FOR_INTERRUPTS();
	}
	SPI_cursor_close(portal);
	SPI_finish();
	result = FakerFitCounts(counts, ngroups, nulls);
	pfree(counts);
	return result;
}

/* Is NAME one of the N strings of LIST? */
static bool
name_in(const char *name, char **list, int n)
{
	for (int i = 0; i < n; i++)
		if (strcmp(list[i], name) == 0)
			return true;
	return false;
}

/* What FakerFitRelationWithin accumulates over the parents, in group order. */
typedef struct WithinFit
{
	int64		ngroups;		/* parents */
	int64		nwgroups;		/* within-groups */
	double		nonnull;		/* children with a parent */
	double		shares[4];		/* children of each quarter of a group's ranks */
	double		vx,				/* pooled within-group (co)variances */
				vy,
				cxy;
	/* sums of the current within-group */
	double		sx,
				sy,
				sxx,
				sxy,
				syy;
	int64		m;
} WithinFit;

/*
 * The query of FakerFitRelationWithin: one row per parent (the distinct
 * values of COLUMNS not in WITHIN) with its count, its rank in its group
 * (the values of WITHIN) and the group's size, groups in order.  Checks the
 * columns; *ALLNULL gets the condition "no parent" for fit_null_count.
 */
static char *
within_query(Oid relid, const char *rel, char **columns, int ncolumns,
			 char **within, int nwithin, char **allnull_out)
{
	StringInfoData q,
				allnull,
				wcols,
				gcols,
				alias;
	int			ninner = 0;

	for (int i = 0; i < ncolumns + nwithin; i++)
	{
		const char *c = i < ncolumns ? columns[i] : within[i - ncolumns];

		if (get_attnum(relid, c) == InvalidAttrNumber)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("column \"%s\" of relation %s does not exist", c, rel)));
	}

	initStringInfo(&allnull);
	initStringInfo(&wcols);
	initStringInfo(&gcols);
	initStringInfo(&alias);
	for (int i = 0; i < ncolumns; i++)
	{
		if (name_in(columns[i], within, nwithin) || name_in(columns[i], columns, i))
			continue;
		appendStringInfo(&allnull, "%s%s IS NULL", ninner ? " AND " : "", quote_identifier(columns[i]));
		appendStringInfo(&gcols, ", %s", quote_identifier(columns[i]));
		ninner++;
	}
	if (ninner == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("within must leave at least one of columns outside it")));
	for (int i = 0; i < nwithin; i++)
	{
		appendStringInfo(&wcols, "%s%s", i ? ", " : "", quote_identifier(within[i]));
		appendStringInfo(&alias, "%sw%d", i ? ", " : "", i);
	}

	initStringInfo(&q);
	appendStringInfo(&q,
					 "SELECT s.n, pg_catalog.row_number() OVER g, pg_catalog.count(*) OVER g"
					 " FROM (SELECT pg_catalog.count(*), %s FROM %s WHERE NOT (%s) GROUP BY %s%s) s(n, %s)"
					 " WINDOW g AS (PARTITION BY %s ORDER BY s.n DESC"
					 " ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)"
					 " ORDER BY %s, 2",
					 wcols.data, rel, allnull.data, wcols.data, gcols.data, alias.data,
					 alias.data, alias.data);
	*allnull_out = allnull.data;
	return q.data;
}

/* Add the current within-group's log-log sums to the pooled (co)variances. */
static void
within_close_group(WithinFit *w)
{
	if (w->m >= 2)
	{
		w->vx += w->sxx - w->sx * w->sx / w->m;
		w->vy += w->syy - w->sy * w->sy / w->m;
		w->cxy += w->sxy - w->sx * w->sy / w->m;
	}
	w->sx = w->sy = w->sxx = w->sxy = w->syy = 0;
	w->m = 0;
}

/*
 * One parent: N children, rank R in a group of GS.  Its quarter of the ranks
 * gets its children; the ranks of the head of the group (not the last tenth,
 * where ties and ones flatten the curve) feed the log-log fit of the skew.
 */
static void
within_add(WithinFit *w, int64 n, int64 r, int64 gs)
{
	if (r == 1)
	{
		within_close_group(w);
		w->nwgroups++;
	}
	w->ngroups++;
	w->nonnull += n;
	w->shares[Min(3, (int) (((r - 1) * 4) / gs))] += n;
	if (gs >= 2 && r <= Max(2, (int64) floor(0.9 * gs)))
	{
		double		x = log((double) r),
					y = log((double) Max(n, 1));

		w->sx += x;
		w->sy += y;
		w->sxx += x * x;
		w->sxy += x * y;
		w->syy += y * y;
		w->m++;
	}
}

/*
 * Fit an M2O distributor to the foreign key COLUMNS of RELID where parents
 * are ranked within the groups of WITHIN (e.g. a per-customer skew of
 * orders within each shop): shares and skew are pooled over the groups.
 */
Jsonb *
FakerFitRelationWithin(Oid relid, char **columns, int ncolumns, char **within, int nwithin)
{
	WithinFit	w;
	char	   *rel,
			   *q,
			   *allnull;
	int64		nulls;
	double		skew = 1,
				r2 = 0;
	Portal		portal;

	memset(&w, 0, sizeof(w));
	rel = quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
									 get_rel_name(relid));
	q = within_query(relid, rel, columns, ncolumns, within, nwithin, &allnull);

	SPI_connect();
	nulls = fit_null_count(rel, allnull);
	portal = FakerSPICursorOpen(q, 0, NULL, NULL, NULL, true);
	for (;;)
	{
		FakerSPIFetch(portal, true, 10000);
		if (SPI_processed == 0)
			break;
		for (uint64 i = 0; i < SPI_processed; i++)
		{
			HeapTuple	t = SPI_tuptable->vals[i];
			TupleDesc	d = SPI_tuptable->tupdesc;
			bool		isnull;

			within_add(&w, DatumGetInt64(SPI_getbinval(t, d, 1, &isnull)),
					   DatumGetInt64(SPI_getbinval(t, d, 2, &isnull)),
					   DatumGetInt64(SPI_getbinval(t, d, 3, &isnull)));
		}
		SPI_freetuptable(SPI_tuptable);
		CHECK_FOR_INTERRUPTS();
	}
	within_close_group(&w);
	SPI_cursor_close(portal);
	SPI_finish();
	fit_slope(w.vx, w.vy, w.cxy, &skew, &r2);
	return fit_json(w.nonnull, (double) nulls, w.ngroups, w.shares, skew, r2, w.nwgroups);
}
