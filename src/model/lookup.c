/*
 * lookup.c: {"from": "table.column"} and {"from": {"relation": ...,
 * "column": ..., "weights": "column"}} (expr.h): a column's values drawn
 * from the non-NULL values of a table's column, uniformly or in proportion
 * to a weight column (NULL weights count 0).  The table is read once per
 * call, as the caller (who needs SELECT on it); it must be a table,
 * partitioned table or materialized view (a view could run another role's
 * code).  Values of another type are converted by text I/O.
 */
#include "postgres.h"

#include <math.h>

#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/regproc.h"
#include "utils/varlena.h"

#include "faker.h"
#include "model/expr.h"

/* Raise "PATH.from: MSG" for a "from" that does not fit. */
static void
from_error(const char *path, const char *msg)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s.from: %s", path, msg)));
}

/* The non-empty string V of "from"'s KEY. */
static char *
from_string(JsonbValue *v, const char *path, const char *key)
{
	if (v->type != jbvString || v->val.string.len == 0)
		from_error(path, psprintf("%s must be a non-empty string", key));
	return pnstrdup(v->val.string.val, v->val.string.len);
}

/*
 * "from": "table.column" or {"relation": ..., "column": ..., "weights": ...}:
 * the relation's name (the column and weights go into P).
 */
static char *
from_parse(ColProvider *p, JsonbValue *from, const char *path)
{
	char	   *rel = NULL;

	if (from->type == jbvString)
	{
		char	   *s = from_string(from, path, "it");
		char	   *dot = strrchr(s, '.');

		if (dot == NULL || dot == s || dot[1] == '\0')
			from_error(path, "must be \"table.column\" or {\"relation\": ..., \"column\": ..., \"weights\": ...}");
		rel = pnstrdup(s, dot - s);
		p->from_col = pstrdup(dot + 1);
	}
	else if (from->type == jbvBinary && JsonContainerIsObject(from->val.binary.data))
	{
		JsonbIterator *it = JsonbIteratorInit(from->val.binary.data);
		JsonbValue	k,
					v;
		JsonbIteratorToken tok;

		while ((tok = JsonbIteratorNext(&it, &k, true)) != WJB_DONE)
		{
			char	   *key;

			if (tok != WJB_KEY)
				continue;
			key = pnstrdup(k.val.string.val, k.val.string.len);
			tok = JsonbIteratorNext(&it, &v, true);
			if (strcmp(key, "relation") == 0)
				rel = from_string(&v, path, "relation");
			else if (strcmp(key, "column") == 0)
				p->from_col = from_string(&v, path, "column");
			else if (strcmp(key, "weights") == 0)
				p->from_weights = from_string(&v, path, "weights");
			else
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s.from.%s: unknown option (relation, column, weights)", path, key)));
		}
		if (rel == NULL || p->from_col == NULL)
			from_error(path, "needs \"relation\" and \"column\"");
	}
	else
		from_error(path, "must be \"table.column\" or {\"relation\": ..., \"column\": ..., \"weights\": ...}");
	return rel;
}

/*
 * The relation REL of a "from" exists and is a table or materialized view,
 * with P's column and a numeric weights column.
 */
static void
from_check(ColProvider *p, const char *rel, const char *path)
{
	RangeVar   *rv;
	char		relkind;
	AttrNumber	att;

	rv = makeRangeVarFromNameList(stringToQualifiedNameList(rel));
	p->from_relid = RangeVarGetRelid(rv, AccessShareLock, true);
	if (!OidIsValid(p->from_relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("%s.from: relation \"%s\" does not exist", path, rel)));
	relkind = get_rel_relkind(p->from_relid);
	if (relkind != RELKIND_RELATION && relkind != RELKIND_PARTITIONED_TABLE && relkind != RELKIND_MATVIEW)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("%s.from: \"%s\" is not a table or materialized view", path, rel)));
	att = get_attnum(p->from_relid, p->from_col);
	if (att <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("%s.from: column \"%s\" of \"%s\" does not exist", path, p->from_col, rel)));
	if (p->from_weights)
	{
		AttrNumber	w = get_attnum(p->from_relid, p->from_weights);
		Oid			wt;

		if (w <= 0)
			ereport(ERROR,
					(errcode(ERRCODE_UNDEFINED_COLUMN),
					 errmsg("%s.from.weights: column \"%s\" of \"%s\" does not exist", path, p->from_weights, rel)));
		wt = getBaseType(get_atttype(p->from_relid, w));
		if (wt != INT2OID && wt != INT4OID && wt != INT8OID && wt != FLOAT4OID && wt != FLOAT8OID && wt != NUMERICOID)
			ereport(ERROR,
					(errcode(ERRCODE_DATATYPE_MISMATCH),
					 errmsg("%s.from.weights: column \"%s\" of \"%s\" is of type %s, not a number",
							path, p->from_weights, rel, format_type_be(wt))));
	}
}

/* "from": values read from a column of another relation (its provider P). */
void
LookupSpec(Aggregate *agg, ModelColumn *c, ColProvider *p, JsonbValue *from, const char *path)
{
	char	   *rel = from_parse(p, from, path);

	p->from_rel = rel;
	from_check(p, rel, path);
	(void) agg;
	(void) c;
}

/*
 * The values of the lookup's query result (SPI_tuptable) into P, converted
 * through text where the source type is not the column's (CONV), with their
 * cumulative weights; rows of weight 0 are skipped.
 */
static void
lookup_read(ColProvider *p, ModelColumn *c, bool conv, FmgrInfo *outfn, FmgrInfo *infn, Oid ioparam)
{
	double		total = 0;

	for (uint64 t = 0; t < SPI_processed; t++)
	{
		bool		isnull;
		Datum		d = SPI_getbinval(SPI_tuptable->vals[t], SPI_tuptable->tupdesc, 1, &isnull);

		if (p->from_weights)
		{
			bool		wnull;
			double		w = DatumGetFloat8(SPI_getbinval(SPI_tuptable->vals[t], SPI_tuptable->tupdesc, 2, &wnull));

			if (wnull)
				w = 0;
			if (!(w >= 0) || isinf(w))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s.from.weights: column \"%s\" of \"%s\" holds %g; weights must be finite and not negative",
								p->path, p->from_weights, p->from_rel, w)));
			if (w == 0)
				continue;
			total += w;
			p->from_cum[p->from_n] = total;
		}
		p->from_vals[p->from_n++] = conv ?
			InputFunctionCall(infn, OutputFunctionCall(outfn, d), ioparam, c->typmod) :
			datumCopy(d, c->typbyval, c->typlen);
	}
}

/* Read the values (and weights) of a "from" for a call, into the plan's memory. */
void
LookupOpen(FakerPlan *plan, Aggregate *a, ModelColumn *c, ColProvider *p)
{
	char	   *qual = CatalogQualifiedName(p->from_relid);
	const char *col = quote_identifier(p->from_col);
	char	   *sql;
	MemoryContext old = CurrentMemoryContext;
	Oid			srctype;
	bool		conv;
	FmgrInfo	outfn,
				infn;
	Oid			ioparam = InvalidOid;

	sql = p->from_weights ?
		psprintf("SELECT t.%s, t.%s::pg_catalog.float8 FROM %s t WHERE t.%s IS NOT NULL",
				 col, quote_identifier(p->from_weights), qual, col) :
		psprintf("SELECT t.%s FROM %s t WHERE t.%s IS NOT NULL", col, qual, col);
	PG_TRY();
	{
		if (SPI_execute(sql, true, 0) != SPI_OK_SELECT)
			elog(ERROR, "faker: \"%s\" failed", sql);
	}
	PG_CATCH();
	{
		ProviderRethrow(old, p->label, NULL, 0);
	}
	PG_END_TRY();
	MemoryContextSwitchTo(plan->cxt);
	srctype = SPI_gettypeid(SPI_tuptable->tupdesc, 1);
	conv = srctype != c->typid;
	if (conv)
	{
		Oid			fn;
		bool		isvarlena;

		getTypeOutputInfo(srctype, &fn, &isvarlena);
		fmgr_info(fn, &outfn);
		getTypeInputInfo(c->typid, &fn, &ioparam);
		fmgr_info(fn, &infn);
	}
	p->from_n = 0;
	p->from_vals = MemoryContextAllocHuge(plan->cxt, sizeof(Datum) * Max(SPI_processed, 1));
	p->from_cum = p->from_weights ? MemoryContextAllocHuge(plan->cxt, sizeof(double) * Max(SPI_processed, 1)) : NULL;
	PG_TRY();
	{
		lookup_read(p, c, conv, &outfn, &infn, ioparam);
	}
	PG_CATCH();
	{
		ProviderRethrow(old, p->label, NULL, 0);
	}
	PG_END_TRY();
	SPI_freetuptable(SPI_tuptable);
	MemoryContextSwitchTo(old);
	if (p->from_n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s.from: \"%s\" has no non-NULL value in column \"%s\"%s", p->path, p->from_rel,
						p->from_col, p->from_weights ? " with a positive weight" : "")));
	(void) a;
}

/* The next value of a "from": uniform, or by the weights' cumulative sums. */
Datum
LookupNext(ModelColumn *c, ColProvider *p, bool *isnull)
{
	int64		i;

	*isnull = false;
	if (p->from_cum == NULL)
		return p->from_vals[FakerRngBelow(&c->rng, p->from_n)];
	{
		double		u = FakerRngDouble(&c->rng) * p->from_cum[p->from_n - 1];
		int64		lo = 0,
					hi = p->from_n - 1;

		while (lo < hi)
		{
			int64		mid = (lo + hi) / 2;

			if (p->from_cum[mid] > u)
				hi = mid;
			else
				lo = mid + 1;
		}
		i = lo;
	}
	return p->from_vals[i];
}
