/*
 * quantile.c: the "quantiles" generator, values drawn from a quantile
 * sketch (what faker_profile measures of an ordered column).
 *
 *   {"gen": "quantiles", "points": [p0, ..., pk], "scale": s}
 *
 * POINTS (2 to 1001, non-decreasing) are the values at the evenly spaced
 * quantiles 0, 1/k, ..., 1; a value is drawn by inverting the piecewise
 * linear distribution they define (a uniform U, the segment floor(U k),
 * linear inside it), so every segment gets 1/k of the values.  Numbers give
 * double precision, or numeric rounded to SCALE digits when SCALE (0 to 12)
 * is given (scale 0 for integer columns); strings are timestamps with time
 * zone (a date or timestamp column takes them through its input function).
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"

#include "gen/genpriv.h"

/* A point given as a timestamp string, in microseconds. */
static double
q_timestamp(FakerOptions *o, JsonbValue *e)
{
	char	   *s = pnstrdup(e->val.string.val, e->val.string.len);
	volatile Timestamp t = 0;
	volatile bool ok = true;
	MemoryContext oldcxt = CurrentMemoryContext;

	PG_TRY();
	{
		t = DatumGetTimestampTz(DirectFunctionCall3(timestamptz_in, CStringGetDatum(s),
													ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1)));
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(oldcxt);
		FlushErrorState();
		ok = false;
	}
	PG_END_TRY();
	if (!ok || TIMESTAMP_NOT_FINITE(t))
		FakerOptError(o, "points", psprintf("\"%s\" is not a finite timestamp", s));
	return (double) t;
}

/*
 * Read POINTS (all numbers or all timestamp strings, not decreasing) and
 * SCALE (numeric points only) into G; the result type follows from them.
 */
void
GenQuantilesCompile(FakerGen *g, FakerOptions *o)
{
	JsonbValue	v;
	JsonbContainer *c;
	bool		strings = false;

	if (!FakerOptValue(o, "points", &v))
		FakerOptError(o, "points", "is required");
	if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data) ||
		JsonContainerSize(v.val.binary.data) < 2 || JsonContainerSize(v.val.binary.data) > 1001)
		FakerOptError(o, "points", "must be an array of 2 to 1001 values");
	c = v.val.binary.data;
	g->npoints = JsonContainerSize(c);
	g->points = palloc(sizeof(double) * g->npoints);
	for (int i = 0; i < g->npoints; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(c, i);

		if (i == 0)
			strings = e->type == jbvString;
		if (strings && e->type == jbvString)
			g->points[i] = q_timestamp(o, e);
		else if (!strings && e->type == jbvNumeric)
		{
			g->points[i] = DatumGetFloat8(DirectFunctionCall1(numeric_float8,
															  NumericGetDatum(e->val.numeric)));
			if (isnan(g->points[i]) || isinf(g->points[i]))
				FakerOptError(o, "points", "must be finite");
		}
		else
			FakerOptError(o, "points", "must be all numbers or all timestamp strings");
		if (i > 0 && g->points[i] < g->points[i - 1])
			FakerOptError(o, "points", "must not decrease");
	}
	g->scale = -1;
	g->restype = strings ? TIMESTAMPTZOID : FLOAT8OID;
	if (FakerOptPresent(o, "scale"))
	{
		if (strings)
			FakerOptError(o, "scale", "applies to numeric points only");
		g->scale = FakerOptInt(o, "scale", 0, 0, 12);
		g->restype = NUMERICOID;
	}
}

/* The value at POS in [0, npoints - 1]: between points floor(POS) and the next. */
static Datum
quantiles_at(FakerGen *g, double pos)
{
	int			i = Min((int) pos, g->npoints - 2);
	double		v = g->points[i] + (pos - i) * (g->points[i + 1] - g->points[i]);

	/* rounding must not leave the range */
	v = Max(g->points[0], Min(g->points[g->npoints - 1], v));
	if (g->restype == TIMESTAMPTZOID)
		return TimestampTzGetDatum((TimestampTz) llround(v));
	if (g->restype == NUMERICOID)
	{
		char		buf[400];

		snprintf(buf, sizeof(buf), "%.*f", g->scale, v);
		return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
								   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	}
	return Float8GetDatum(v);
}

/*
 * A value of a "quantiles" generator: a uniform position on the sketch's
 * piecewise-linear inverse CDF, interpolated between its points (so values
 * follow the profiled distribution).
 */
Datum
GenQuantilesNext(FakerGen *g, FakerRng *rng)
{
	return quantiles_at(g, FakerRngDouble(rng) * (g->npoints - 1));
}

/* A value of segment I (between points I and I + 1), uniform inside it. */
Datum
GenQuantilesInSegment(FakerGen *g, int i, FakerRng *rng)
{
	return quantiles_at(g, i + FakerRngDouble(rng));
}
