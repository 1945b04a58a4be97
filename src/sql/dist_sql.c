/*
 * sql/dist_sql.c: SQL entry points of the distributors: faker_draw,
 * faker_counts, faker_fit.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"

#include "compat.h"
#include "dist/dist.h"
#include "prng.h"

PG_FUNCTION_INFO_V1(faker_draw);
PG_FUNCTION_INFO_V1(faker_counts);
PG_FUNCTION_INFO_V1(faker_fit);

/* Refuse a negative value V of argument ARG (22023). */
static inline void
CheckNonNegative(int64 v, const char *arg)
{
	if (v < 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must not be negative", arg)));
}

/* Arguments other than seed must not be NULL (the functions are not STRICT
 * because a NULL seed means fresh randomness). */
static inline void
CheckNotNull(FunctionCallInfo fcinfo, int nargs, const char *const *names)
{
	for (int i = 0; i < nargs; i++)
		if (PG_ARGISNULL(i))
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not be NULL", names[i])));
}

/* faker_draw(distributor, n, pool, seed): simulate n draws over a virtual pool. */
Datum
faker_draw(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int64		n,
				pool;
	FakerM2OSpec spec;
	FakerM2O   *m2o;
	FakerRng	rng;
	static const char *const names[] = {"distributor", "n", "pool"};

	CheckNotNull(fcinfo, 3, names);
	n = PG_GETARG_INT64(1);
	pool = PG_GETARG_INT64(2);
	CheckNonNegative(n, "n");
	CheckNonNegative(pool, "pool");
	FakerM2OParse(PG_GETARG_JSONB_P(0), "distributor", NULL, 10, &spec);
	FakerRngInitStream(&rng, FakerCallSeed(!PG_ARGISNULL(3), PG_ARGISNULL(3) ? 0 : PG_GETARG_INT64(3)),
					   "faker_draw", NULL);
	InitMaterializedSRF(fcinfo, 0);
	m2o = FakerM2OCreate(&spec, pool, (double) n);
	for (int64 i = 0; i < n; i++)
	{
		FakerDraw	d = FakerM2ONext(m2o, &rng, pool);
		Datum		values[3];
		bool		nulls[3] = {false, false, false};

		CHECK_FOR_INTERRUPTS();
		if (d.kind == FAKER_DRAW_CREATE)
		{
			d.index = pool++;
			FakerM2OCreated(m2o, d.index);
		}
		values[0] = Int64GetDatum(i + 1);
		values[1] = Int64GetDatum(d.index);
		nulls[1] = d.kind == FAKER_DRAW_NULL;
		values[2] = BoolGetDatum(d.kind == FAKER_DRAW_CREATE);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* faker_counts(distributor, n, seed): n draws of a one-to-many count. */
Datum
faker_counts(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	int64		n;
	FakerO2M   *o2m;
	FakerRng	rng;
	static const char *const names[] = {"distributor", "n"};

	CheckNotNull(fcinfo, 2, names);
	n = PG_GETARG_INT64(1);
	CheckNonNegative(n, "n");
	o2m = FakerO2MParse(PG_GETARG_JSONB_P(0), "distributor", NULL);
	FakerRngInitStream(&rng, FakerCallSeed(!PG_ARGISNULL(2), PG_ARGISNULL(2) ? 0 : PG_GETARG_INT64(2)),
					   "faker_counts", NULL);
	InitMaterializedSRF(fcinfo, MAT_SRF_USE_EXPECTED_DESC);
	for (int64 i = 0; i < n; i++)
	{
		Datum		v = Int64GetDatum(FakerO2MNext(o2m, &rng));
		bool		isnull = false;

		CHECK_FOR_INTERRUPTS();
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, &v, &isnull);
	}
	return (Datum) 0;
}

/* A text[] argument as C strings; ARG names it in errors. */
static char **
text_array_arg(ArrayType *arr, const char *arg, int *n)
{
	Datum	   *elems;
	bool	   *nulls;
	char	  **out;

	deconstruct_array(arr, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, n);
	if (*n == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s must name at least one column", arg)));
	out = palloc(sizeof(char *) * *n);
	for (int i = 0; i < *n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(ERRCODE_NULL_VALUE_NOT_ALLOWED),
					 errmsg("%s must not contain NULL", arg)));
		out[i] = TextDatumGetCString(elems[i]);
	}
	return out;
}

/*
 * faker_fit(relation, columns, within DEFAULT NULL): measure a table's
 * shape, inside the groups of WITHIN when given.  Not STRICT since 1.3 (a
 * NULL within means none); a NULL relation or columns still gives NULL.
 * Also bound by the 1.0 declaration with two arguments.
 */
Datum
faker_fit(PG_FUNCTION_ARGS)
{
	int			n,
				nw;
	char	  **cols,
			  **within;

	if (PG_ARGISNULL(0) || PG_ARGISNULL(1))
		PG_RETURN_NULL();
	cols = text_array_arg(PG_GETARG_ARRAYTYPE_P(1), "columns", &n);
	if (PG_NARGS() < 3 || PG_ARGISNULL(2))
		PG_RETURN_JSONB_P(FakerFitRelation(PG_GETARG_OID(0), cols, n));
	within = text_array_arg(PG_GETARG_ARRAYTYPE_P(2), "within", &nw);
	PG_RETURN_JSONB_P(FakerFitRelationWithin(PG_GETARG_OID(0), cols, n, within, nw));
}
