/*
 * genrange.c: narrowing a compiled generator to what a "require" allows
 * (README, "Criteria"): a range for the ordered generators, a filtered list for
 * choices.  Values stay uniform (or weighted) within what is left.
 */
#include "postgres.h"

#include "common/int.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/timestamp.h"

#include "gen/genpriv.h"

/*
 * Whether G's values are ordered on the integer (or float) scale that
 * FakerGenNextWithin narrows: a "require" range on such a column is met by
 * narrowing, not by drawing again.
 */
bool
FakerGenOrdered(const FakerGen *g)
{
	return g->kind == G_INT || g->kind == G_NUMERIC || g->kind == G_FLOAT || g->kind == G_DATE ||
		g->kind == G_TIMESTAMP || g->kind == G_TIMESTAMPTZ;
}

/* A bound as a position on the generator's integer scale. */
static int64
scaled(FakerGen *g, Datum d, bool upper, bool incl)
{
	int64		v;

	switch (g->kind)
	{
		case G_INT:
			v = g->restype == INT2OID ? DatumGetInt16(d) :
				g->restype == INT4OID ? DatumGetInt32(d) : DatumGetInt64(d);
			break;
		case G_NUMERIC:
			{
				double		x = DatumGetFloat8(DirectFunctionCall1(numeric_float8, d)) * pow(10, g->scale);
				double		r = upper ? floor(x + 1e-9) : ceil(x - 1e-9);

				/* an exclusive bound that falls on the grid moves off it */
				if (!incl && fabs(r - x) < 1e-9)
					r += upper ? -1 : 1;
				return (int64) r;
			}
		case G_DATE:
			v = DatumGetDateADT(d);
			break;
		default:
			v = DatumGetTimestamp(d);
			break;
	}
	if (!incl)
		v += upper ? -1 : 1;
	return v;
}

/*
 * A value of ordered generator G within the bounds LO and HI (each present
 * or not, inclusive or not) into *OUT: G's own range is narrowed for one
 * draw and restored, so the value is uniform within what both allow.  A
 * default range (G->loose) that the bounds lie outside gives way to theirs,
 * as wide as it was; false if nothing is left.
 */
bool
FakerGenNextWithin(FakerGen *g, FakerRng *rng, Datum lo, bool has_lo, bool lo_incl,
				   Datum hi, bool has_hi, bool hi_incl, Datum *out)
{
	if (g->kind == G_FLOAT)
	{
		double		fmin = g->fmin,
					fmax = g->fmax;
		double		l = has_lo ? (g->restype == FLOAT4OID ? DatumGetFloat4(lo) : DatumGetFloat8(lo)) : fmin;
		double		h = has_hi ? (g->restype == FLOAT4OID ? DatumGetFloat4(hi) : DatumGetFloat8(hi)) : fmax;
		bool		ok;

		l = Max(l, fmin);
		h = Min(h, fmax);
		ok = l < h || (l == h && lo_incl && hi_incl);
		if (ok)
		{
			g->fmin = l;
			g->fmax = h;
			*out = FakerGenNext(g, rng);
		}
		g->fmin = fmin;
		g->fmax = fmax;
		return ok;
	}
	{
		int64		imin = g->imin,
					imax = g->imax;
		int64		l = has_lo ? Max(scaled(g, lo, false, lo_incl), imin) : imin;
		int64		h = has_hi ? Min(scaled(g, hi, true, hi_incl), imax) : imax;

		if (l > h && g->loose && (has_lo || has_hi))
		{
			/* a default range the criteria lie outside: take theirs, as wide as ours */
			int64		span = imax - imin;

			l = has_lo ? scaled(g, lo, false, lo_incl) : scaled(g, hi, true, hi_incl);
			h = has_hi ? scaled(g, hi, true, hi_incl) : l;
			if (!has_hi && pg_add_s64_overflow(l, span, &h))
				h = PG_INT64_MAX;
			if (!has_lo && pg_sub_s64_overflow(h, span, &l))
				l = PG_INT64_MIN;
		}
		if (l > h)
			return false;
		g->imin = l;
		g->imax = h;
		*out = FakerGenNext(g, rng);
		g->imin = imin;
		g->imax = imax;
		return true;
	}
}

/* The number of values of a "choice" generator; 0 for other kinds. */
int
FakerGenChoiceCount(const FakerGen *g)
{
	return g->kind == G_CHOICE ? g->nvalues : 0;
}

/* The text of value I of a "choice" generator (0 <= I < its count). */
const char *
FakerGenChoiceText(const FakerGen *g, int i)
{
	return g->values[i];
}

/* Choice value I's share of the draws: its weight over the total (gen.h). */
double
FakerGenChoiceWeight(const FakerGen *g, int i)
{
	return g->cum ? g->cum[i] - (i ? g->cum[i - 1] : 0) : 1.0 / g->nvalues;
}

/*
 * The strata of G's draws (gen.h): a choice's values by their weights, the
 * segments between a quantiles generator's points, equal; 0 for others.
 */
int
FakerGenStrata(const FakerGen *g, double *weights)
{
	int			n = g->kind == G_CHOICE ? g->nvalues :
		g->kind == G_QUANTILES ? g->npoints - 1 : 0;

	for (int i = 0; weights && i < n; i++)
		weights[i] = g->kind == G_CHOICE ? FakerGenChoiceWeight(g, i) : 1.0 / n;
	return n;
}

/*
 * Keep the values of choice generator G whose KEEP flag is set (those a
 * "require" allows), in their order, with their weights renormalised so
 * that the pick stays weighted within what is left; the number kept, or 0
 * if none is kept (or none has a weight): G must not be used then.
 */
int
FakerGenChoiceKeep(FakerGen *g, const bool *keep)
{
	int			n = 0;
	double		total = 0;
	double	   *w = palloc(sizeof(double) * g->nvalues);

	for (int i = 0; i < g->nvalues; i++)
	{
		double		wi = FakerGenChoiceWeight(g, i);

		if (!keep[i])
			continue;
		g->values[n] = g->values[i];
		w[n++] = wi;
		total += wi;
	}
	if (n == 0 || total <= 0)
		return 0;
	g->nvalues = n;
	if (g->cum)
	{
		double		acc = 0;

		for (int i = 0; i < n; i++)
			g->cum[i] = (acc += w[i] / total);
		g->cum[n - 1] = 1.0;
	}
	return n;
}
