/*
 * lookup.c: {"from": "table.column"} and {"from": {"relation": ...,
 * "column": ..., "weights": "column"}} (expr.h): a column's values drawn
 * from the non-NULL values of a table's column, uniformly or in proportion
 * to a weight column (NULL weights count 0).  The table is read once per
 * call, as the caller (who needs SELECT on it); it must be a table,
 * partitioned table or materialized view (a view could run another role's
 * code).  Values of another type are converted by text I/O.
 *
 * A correlated tuple (tuples.c) reads several columns of one relation
 * together: {"from": {"relation": ..., "columns": [...], "weights": ...}},
 * each draw one row.
 */
#include "postgres.h"

#include <math.h>

#include "access/table.h"
#include "catalog/namespace.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/datum.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/regproc.h"
#include "utils/varlena.h"

#include "compat.h"
#include "faker.h"
#include "model/expr.h"
#include "model/tuples.h"

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

/* What from_column_key fills: the provider, the relation's name. */
typedef struct FromColumnKeys
{
	ColProvider *p;
	char	  **rel;
	const char *path;
} FromColumnKeys;

/* A key of a column's "from" object; false if it is not one. */
typedef bool (*FromKeyFn) (void *arg, const char *key, JsonbValue *v);

/*
 * Pass each key of the "from" object FROM with its value to TAKE, in the
 * object's order, so that the errors of a key come where they did; a key
 * TAKE does not know is an error naming PATH.from.KEY and listing KNOWN.
 * A column's "from" and a tuple's share it.
 */
static void
from_each_key(JsonbValue *from, const char *path, const char *known,
			  FromKeyFn take, void *arg)
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
		if (!take(arg, key, &v))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s.from.%s: unknown option %s", path, key, known)));
	}
}

/* A key of a column's "from": relation, column, weights. */
static bool
from_column_key(void *arg, const char *key, JsonbValue *v)
{
	FromColumnKeys *keys = arg;

	if (strcmp(key, "relation") == 0)
		*keys->rel = from_string(v, keys->path, "relation");
	else if (strcmp(key, "column") == 0)
		keys->p->from_col = from_string(v, keys->path, "column");
	else if (strcmp(key, "weights") == 0)
		keys->p->from_weights = from_string(v, keys->path, "weights");
	else
		return false;
	return true;
}

/*
 * The weight in attribute ATT of row TUP read from a "from" relation REL
 * (its weights column WCOL): NULL counts as 0; a negative, infinite or NaN
 * weight is an error naming PATH.from.weights, the column and the value.
 */
static double
from_weight(HeapTuple tup, TupleDesc desc, int att, const char *path,
			const char *wcol, const char *rel)
{
	bool		wnull;
	double		w = DatumGetFloat8(SPI_getbinval(tup, desc, att, &wnull));

	if (wnull)
		w = 0;
	if (!(w >= 0) || isinf(w))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s.from.weights: column \"%s\" of \"%s\" holds %g; weights must be finite and not negative",
						path, wcol, rel, w)));
	return w;
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
		FromColumnKeys keys = {p, &rel, path};

		from_each_key(from, path, "(relation, column, weights)", from_column_key, &keys);
		if (rel == NULL || p->from_col == NULL)
			from_error(path, "needs \"relation\" and \"column\"");
	}
	else
		from_error(path, "must be \"table.column\" or {\"relation\": ..., \"column\": ..., \"weights\": ...}");
	return rel;
}

/*
 * The relation REL of a "from": it exists and is a table, partitioned
 * table or materialized view.
 */
static Oid
from_relation(const char *rel, const char *path)
{
	RangeVar   *rv;
	char		relkind;
	Oid			relid;

	rv = makeRangeVarFromNameList(FakerQualifiedNameList(rel));
	relid = RangeVarGetRelid(rv, AccessShareLock, true);
	if (!OidIsValid(relid))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_TABLE),
				 errmsg("%s.from: relation \"%s\" does not exist", path, rel)));
	relkind = get_rel_relkind(relid);
	if (relkind != RELKIND_RELATION && relkind != RELKIND_PARTITIONED_TABLE && relkind != RELKIND_MATVIEW)
		ereport(ERROR,
				(errcode(ERRCODE_WRONG_OBJECT_TYPE),
				 errmsg("%s.from: \"%s\" is not a table or materialized view", path, rel)));
	return relid;
}

/* Column COL of RELID (named REL) exists: its attnum. */
static AttrNumber
from_column(Oid relid, const char *rel, const char *col, const char *path)
{
	AttrNumber	att = get_attnum(relid, col);

	if (att <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("%s.from: column \"%s\" of \"%s\" does not exist", path, col, rel)));
	return att;
}

/* The weights column W of RELID (named REL) exists and holds numbers. */
static void
from_weights_check(Oid relid, const char *rel, const char *weights, const char *path)
{
	AttrNumber	w = get_attnum(relid, weights);
	Oid			wt;

	if (w <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("%s.from.weights: column \"%s\" of \"%s\" does not exist", path, weights, rel)));
	wt = getBaseType(get_atttype(relid, w));
	if (wt != INT2OID && wt != INT4OID && wt != INT8OID && wt != FLOAT4OID && wt != FLOAT8OID && wt != NUMERICOID)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("%s.from.weights: column \"%s\" of \"%s\" is of type %s, not a number",
						path, weights, rel, format_type_be(wt))));
}

/*
 * The relation REL of a "from" exists and is a table or materialized view,
 * with P's column and a numeric weights column.
 */
static void
from_check(ColProvider *p, const char *rel, const char *path)
{
	p->from_relid = from_relation(rel, path);
	(void) from_column(p->from_relid, rel, p->from_col, path);
	if (p->from_weights)
		from_weights_check(p->from_relid, rel, p->from_weights, path);
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
			double		w = from_weight(SPI_tuptable->vals[t], SPI_tuptable->tupdesc, 2,
										p->path, p->from_weights, p->from_rel);
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
	*isnull = false;
	return p->from_vals[FakerRngWeighted(&c->rng, p->from_cum, p->from_n)];
}

/*
 * The "columns" array V of a tuple's "from" (NCOLS names, one per column
 * of the tuple, in its order) into F.
 */
static void
tuple_from_columns(TupleFrom *f, JsonbValue *v, int ncols, const char *path)
{
	if (v->type != jbvBinary || !JsonContainerIsArray(v->val.binary.data))
		from_error(path, "columns must be an array of column names");
	if ((int) JsonContainerSize(v->val.binary.data) != ncols)
		from_error(path, psprintf("columns names %u columns for a tuple of %d",
								  JsonContainerSize(v->val.binary.data), ncols));
	f->cols = palloc(sizeof(char *) * ncols);
	for (int i = 0; i < ncols; i++)
		f->cols[i] = from_string(getIthJsonbValueFromContainer(v->val.binary.data, i), path, "each of columns");
}

/* What tuple_from_key fills. */
typedef struct TupleFromKeys
{
	TupleFrom  *f;
	const char *path;
} TupleFromKeys;

/* A key of a tuple's "from": relation, columns, weights. */
static bool
tuple_from_key(void *arg, const char *key, JsonbValue *v)
{
	TupleFromKeys *keys = arg;
	TupleFrom  *f = keys->f;

	if (strcmp(key, "relation") == 0)
		f->rel = from_string(v, keys->path, "relation");
	else if (strcmp(key, "columns") == 0)
		tuple_from_columns(f, v, f->ncols, keys->path);
	else if (strcmp(key, "weights") == 0)
		f->weights = from_string(v, keys->path, "weights");
	else
		return false;
	return true;
}

/*
 * A tuple's "from": {"relation": ..., "columns": [...], "weights": ...}, the
 * tuple's NCOLS columns taken together from one row of the relation, which
 * must exist with those columns (and a numeric weights column).
 */
void
LookupTupleSpec(TupleFrom *f, JsonbValue *from, int ncols, const char *path)
{
	TupleFromKeys keys;

	memset(f, 0, sizeof(TupleFrom));
	f->ncols = ncols;
	if (from->type != jbvBinary || !JsonContainerIsObject(from->val.binary.data))
		from_error(path, "must be {\"relation\": ..., \"columns\": [...], \"weights\": ...} for a tuple");
	keys.f = f;
	keys.path = path;
	from_each_key(from, path, "of a tuple (relation, columns, weights)", tuple_from_key, &keys);
	if (f->rel == NULL || f->cols == NULL)
		from_error(path, "needs \"relation\" and \"columns\" for a tuple");
	f->relid = from_relation(f->rel, path);
	for (int i = 0; i < ncols; i++)
	{
		for (int j = 0; j < i; j++)
			if (strcmp(f->cols[i], f->cols[j]) == 0)
				from_error(path, psprintf("column \"%s\" is named twice in columns", f->cols[i]));
		(void) from_column(f->relid, f->rel, f->cols[i], path);
	}
	if (f->weights)
		from_weights_check(f->relid, f->rel, f->weights, path);
}

/*
 * The SQL that reads a tuple's rows: its columns, the weight, skipping
 * rows with a NULL where the tuple's column COLS[i] of AGG is NOT NULL.
 */
static char *
tuple_from_sql(Aggregate *agg, TupleFrom *f, const int *cols)
{
	StringInfoData sql;
	bool		where = false;

	initStringInfo(&sql);
	appendStringInfoString(&sql, "SELECT ");
	for (int i = 0; i < f->ncols; i++)
		appendStringInfo(&sql, "%st.%s", i ? ", " : "", quote_identifier(f->cols[i]));
	if (f->weights)
		appendStringInfo(&sql, ", t.%s::pg_catalog.float8", quote_identifier(f->weights));
	appendStringInfo(&sql, " FROM %s t", CatalogQualifiedName(f->relid));
	for (int i = 0; i < f->ncols; i++)
		if (agg->cols[cols[i]].notnull)
		{
			appendStringInfo(&sql, " %s t.%s IS NOT NULL", where ? "AND" : "WHERE", quote_identifier(f->cols[i]));
			where = true;
		}
	return sql.data;
}

/*
 * The rows of a tuple's "from" query (SPI_tuptable) into F, each value in
 * the type of the tuple's column (through text where they differ), with
 * cumulative weights; rows of weight 0 are skipped.
 */
static void
tuple_from_read(Aggregate *agg, TupleFrom *f, const int *cols, const char *path)
{
	TupleDesc	desc = SPI_tuptable->tupdesc;
	double		total = 0;

	for (uint64 t = 0; t < SPI_processed; t++)
	{
		HeapTuple	tup = SPI_tuptable->vals[t];

		if (f->weights)
		{
			double		w = from_weight(tup, desc, f->ncols + 1, path, f->weights, f->rel);
			if (w == 0)
				continue;
			total += w;
			f->cum[f->n] = total;
		}
		for (int i = 0; i < f->ncols; i++)
		{
			ModelColumn *c = &agg->cols[cols[i]];
			int64		at = f->n * f->ncols + i;
			Datum		d = SPI_getbinval(tup, desc, i + 1, &f->nulls[at]);

			if (f->nulls[at])
				f->vals[at] = (Datum) 0;
			else if (SPI_gettypeid(desc, i + 1) != c->typid)
			{
				Oid			in,
							ioparam;

				getTypeInputInfo(c->typid, &in, &ioparam);
				f->vals[at] = OidInputFunctionCall(in, SPI_getvalue(tup, desc, i + 1), ioparam, c->typmod);
			}
			else
				f->vals[at] = datumCopy(d, c->typbyval, c->typlen);
		}
		f->n++;
		if (t % 1024 == 0)
			CHECK_FOR_INTERRUPTS();
	}
}

/*
 * Read the rows of a tuple's "from" for a call (as the caller, who needs
 * SELECT on them) into the plan's memory; COLS are the tuple's columns of
 * AGG.  An error names PATH.
 */
void
LookupTupleOpen(FakerPlan *plan, Aggregate *agg, TupleFrom *f, const int *cols, const char *path)
{
	char	   *sql = tuple_from_sql(agg, f, cols);
	MemoryContext old = CurrentMemoryContext;
	uint64		rows;

	PG_TRY();
	{
		if (FakerSPIExecute(sql, 0, NULL, NULL, NULL, true, 0) != SPI_OK_SELECT)
			elog(ERROR, "faker: \"%s\" failed", sql);
	}
	PG_CATCH();
	{
		ProviderRethrow(old, path, NULL, 0);
	}
	PG_END_TRY();
	MemoryContextSwitchTo(plan->cxt);
	rows = Max(SPI_processed, 1);
	f->n = 0;
	f->vals = MemoryContextAllocHuge(plan->cxt, sizeof(Datum) * rows * f->ncols);
	f->nulls = MemoryContextAllocHuge(plan->cxt, sizeof(bool) * rows * f->ncols);
	f->cum = f->weights ? MemoryContextAllocHuge(plan->cxt, sizeof(double) * rows) : NULL;
	PG_TRY();
	{
		tuple_from_read(agg, f, cols, path);
	}
	PG_CATCH();
	{
		ProviderRethrow(old, path, NULL, 0);
	}
	PG_END_TRY();
	SPI_freetuptable(SPI_tuptable);
	MemoryContextSwitchTo(old);
	if (f->n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s.from: \"%s\" has no row for the tuple%s", path, f->rel,
						f->weights ? " with a positive weight" : ""),
				 errdetail("Rows with a NULL where the tuple's column is NOT NULL are skipped.")));
}

/* The row of a tuple's "from" a draw picks: uniform, or by weight. */
int64
LookupTupleNext(TupleFrom *f, FakerRng *rng)
{
	return FakerRngWeighted(rng, f->cum, f->n);
}
