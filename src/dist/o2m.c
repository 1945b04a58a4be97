/*
 * o2m.c: one-to-many count distributors (README, "Distributors").
 *
 * Each parent first gets its own mean X (E[X] = mean):
 *
 *   {"mean": m}                       X = m
 *   {"mean": m, "skew": s}            X = m s (1-U)^(s-1): s = 1 is exactly m,
 *                                     larger s piles most parents near 0 and
 *                                     a few up to s*m (power-law spread)
 *   {"mean": m, "weights": [w..]}     parents fall in k equal groups; group p
 *                                     has X = m k w_p / sum(w)
 *
 * and its count is drawn around X with variance "spread" * X
 * (count_around): 0 is X rounded stochastically, floor(X) + [U < frac(X)]
 * (constant counts), 1 (the default) Poisson(X), more a gamma-Poisson
 * (negative binomial), less a binomial.  The main stream gives each parent
 * the same draws whatever the spread (the count's own draws come from a
 * stream seeded by one of them), so with one seed the spread changes how
 * far counts stray from their parents' X, not which parents are big.
 *
 * The other distributors draw a continuous X and round it stochastically:
 *   {"min": a, "max": b, "weights"}   integer in [a, b]; weights (default
 *                                     uniform) interpolated linearly over it
 *   {"distribution": d, "mean": m}    exponential; pareto ("alpha", default
 *                                     2.5, > 1); lognormal ("sigma", default
 *                                     1); gamma ("shape", default 2); weibull
 *                                     ("shape", default 1.5); uniform
 *                                     ("spread", default 1: [0, 2m])
 */
#include "postgres.h"

#include <math.h>

#include "dist/dist.h"
#include "dist/distpriv.h"

typedef enum O2MKind
{
	O2M_POISSON, O2M_SKEW, O2M_WEIGHTS, O2M_RANGE, O2M_EXPONENTIAL,
	O2M_PARETO, O2M_LOGNORMAL, O2M_GAMMA, O2M_WEIBULL, O2M_UNIFORM
} O2MKind;

static const char *const dist_names[] = {
	NULL, NULL, NULL, NULL, "exponential", "pareto", "lognormal", "gamma", "weibull", "uniform"
};

struct FakerO2M
{
	O2MKind		kind;
	double		mean;
	double		shape;			/* skew, alpha, sigma, gamma/weibull shape, spread */
	int			nweights;
	double	   *weights;
	double		wsum;
	int64		min, max;
	double	   *cum;			/* range: cumulative probabilities of min..max */
	double		scale;			/* derived parameter of the distribution */
	double		spread;			/* poisson, skew, weights: variance / X */
};

#define O2M_MAX_COUNT	1000000000.0
#define O2M_MAX_RANGE	1000000
#define O2M_MAX_SPREAD	1000.0

/*
 * {"min": a, "max": b} (weights optional): a count drawn from the integers
 * a..b, uniformly or with WEIGHTS interpolated linearly across the range;
 * the cumulative probabilities are tabulated once here.
 */
static void
parse_range(FakerO2M *d, FakerOptions *o, const char *dist)
{
	double		lo = FakerOptNumber(o, "min", 0),
				hi = FakerOptNumber(o, "max", 0);
	double		total = 0;

	if (!FakerOptPresent(o, "max"))
		FakerOptError(o, "max", "is required with min");
	if (lo != floor(lo) || lo < 0)
		FakerOptError(o, "min", "must be a non-negative integer");
	if (hi != floor(hi) || hi < lo)
		FakerOptError(o, "max", "must be an integer not less than min");
	if (hi >= 9.2e18)
		FakerOptError(o, "max", "must be less than 2^63");
	if (hi - lo > O2M_MAX_RANGE)
		FakerOptError(o, "max", "range is too wide (at most 1000000 values)");
	if (dist || FakerOptPresent(o, "mean") || FakerOptPresent(o, "skew"))
		FakerOptError(o, dist ? "distribution" : FakerOptPresent(o, "mean") ? "mean" : "skew",
					  "cannot be combined with min/max");
	d->kind = O2M_RANGE;
	d->min = (int64) lo;
	d->max = (int64) hi;
	d->cum = palloc(sizeof(double) * (d->max - d->min + 1));
	for (int64 v = d->min; v <= d->max; v++)
	{
		double		w = 1;

		if (d->nweights == 1)
			w = d->weights[0];
		else if (d->nweights > 1)
		{
			double		x = d->max > d->min ?
				(double) (v - d->min) / (d->max - d->min) * (d->nweights - 1) : 0;
			int			i = Min((int) floor(x), d->nweights - 2);

			w = d->weights[i] + (d->weights[i + 1] - d->weights[i]) * (x - i);
		}
		total += w;
		d->cum[v - d->min] = total;
		d->mean += w * v;
	}
	if (total <= 0)
		FakerOptError(o, "weights", "give no weight to any value of the range");
	for (int64 v = d->min; v <= d->max; v++)
		d->cum[v - d->min] /= total;
	d->mean /= total;
}

/* A named distribution's shape parameter, checked, and its derived scale. */
static void
parse_shape(FakerO2M *d, FakerOptions *o)
{
	switch (d->kind)
	{
		case O2M_PARETO:
			d->shape = FakerOptNumber(o, "alpha", 2.5);
			if (!(d->shape > 1 && d->shape <= 100))
				FakerOptError(o, "alpha", "must be greater than 1 (and at most 100)");
			d->scale = d->mean * (d->shape - 1) / d->shape;
			break;
		case O2M_LOGNORMAL:
			d->shape = FakerOptNumber(o, "sigma", 1);
			if (!(d->shape > 0 && d->shape <= 5))
				FakerOptError(o, "sigma", "must be in (0, 5]");
			d->scale = log(Max(d->mean, 1e-300)) - d->shape * d->shape / 2;
			break;
		case O2M_GAMMA:
			d->shape = FakerOptNumber(o, "shape", 2);
			if (!(d->shape >= 0.01 && d->shape <= 1e6))
				FakerOptError(o, "shape", "must be in [0.01, 1000000]");
			d->scale = d->mean / d->shape;
			break;
		case O2M_WEIBULL:
			d->shape = FakerOptNumber(o, "shape", 1.5);
			if (!(d->shape >= 0.1 && d->shape <= 100))
				FakerOptError(o, "shape", "must be in [0.1, 100]");
			d->scale = d->mean / tgamma(1 + 1 / d->shape);
			break;
		case O2M_UNIFORM:
			d->shape = FakerOptNumber(o, "spread", 1);
			if (!(d->shape >= 0 && d->shape <= 1))
				FakerOptError(o, "spread", "must be between 0 and 1");
			break;
		default:
			break;
	}
}

/*
 * Read an O2M distributor (how many children a parent gets) from SPEC at
 * PATH: a range, a named distribution of MEAN, a skew, weights, or Poisson
 * by default.  Keys in OTHER_KEYS belong to the caller.
 */
FakerO2M *
FakerO2MParse(Jsonb *spec, const char *path, const char *const *other_keys)
{
	FakerOptions o;
	FakerO2M   *d = palloc0(sizeof(FakerO2M));
	char	   *dist;

	FakerOptionsInit(&o, spec, path, true);
	dist = FakerOptString(&o, "distribution", NULL);
	d->weights = FakerOptWeights(&o, "weights", &d->nweights, -1);
	for (int i = 0; i < d->nweights; i++)
		d->wsum += d->weights[i];
	if (FakerOptPresent(&o, "min") || FakerOptPresent(&o, "max"))
	{
		parse_range(d, &o, dist);
		FakerOptionsCheckKeys(&o, other_keys);
		return d;
	}
	if (!FakerOptPresent(&o, "mean"))
		FakerOptError(&o, "mean", "is required (or min and max)");
	d->mean = FakerOptNumber(&o, "mean", 0);
	if (d->mean < 0 || d->mean > 1e6)
		FakerOptError(&o, "mean", "must be between 0 and 1000000");
	if (dist)
	{
		int			k;

		for (k = O2M_EXPONENTIAL; k <= O2M_UNIFORM; k++)
			if (strcmp(dist, dist_names[k]) == 0)
				break;
		if (k > O2M_UNIFORM)
			FakerOptError(&o, "distribution",
						  psprintf("unknown distribution \"%s\" (exponential, pareto, lognormal, gamma, weibull or uniform)", dist));
		d->kind = (O2MKind) k;
		parse_shape(d, &o);
	}
	else if (FakerOptPresent(&o, "skew"))
	{
		d->kind = O2M_SKEW;
		d->shape = FakerOptNumber(&o, "skew", 1);
		if (!(d->shape >= 1 && d->shape <= 100))
			FakerOptError(&o, "skew", "must be between 1 and 100");
		if (d->nweights > 0)
			FakerOptError(&o, "skew", "cannot be combined with weights");
	}
	else if (d->nweights > 0)
		d->kind = O2M_WEIGHTS;
	else
		d->kind = O2M_POISSON;
	if (d->kind <= O2M_WEIGHTS)
	{
		d->spread = FakerOptNumber(&o, "spread", 1);
		if (!(d->spread >= 0 && d->spread <= O2M_MAX_SPREAD))
			FakerOptError(&o, "spread", "must be between 0 and 1000 (the variance of a count over its mean)");
	}
	FakerOptionsCheckKeys(&o, other_keys);
	return d;
}

/* The mean number of children per parent. */
double
FakerO2MMean(const FakerO2M *d)
{
	return d->mean;
}

/* Marsaglia and Tsang's gamma(shape, 1) sampler. */
static double
gamma_draw(FakerRng *rng, double shape)
{
	double		dd,
				c;

	if (shape < 1)
		return gamma_draw(rng, shape + 1) * pow(1 - FakerRngDouble(rng), 1 / shape);
	dd = shape - 1.0 / 3;
	c = 1 / sqrt(9 * dd);
	for (;;)
	{
		double		x = FakerRngNormal(rng),
					v = 1 + c * x,
					u;

		if (v <= 0)
			continue;
		v = v * v * v;
		u = 1 - FakerRngDouble(rng);
		if (log(u) < 0.5 * x * x + dd - dd * v + dd * log(v))
			return dd * v;
	}
}

/*
 * A Poisson draw of MEAN: by multiplication below 30, else by a rounded normal.
 */
static int64
poisson_draw(FakerRng *rng, double mean)
{
	if (mean < 30)
	{
		double		l = exp(-mean),
					p = 1;
		int64		k = 0;

		do
		{
			k++;
			p *= FakerRngDouble(rng);
		} while (p > l);
		return k - 1;
	}
	else
	{
		/* normal approximation, rounded stochastically: unbiased for mean >= 30 */
		double		x = mean + sqrt(mean) * FakerRngNormal(rng);
		double		f;

		if (x < 0)
			x = 0;
		f = floor(x);
		return (int64) f + (FakerRngDouble(rng) < x - f ? 1 : 0);
	}
}

/*
 * A binomial draw of N trials of probability P, exactly while the rarer
 * outcome is expected fewer than 30 times (geometric skips between its
 * occurrences), else by a normal approximation rounded stochastically.
 */
static int64
binomial_draw(FakerRng *rng, int64 n, double p)
{
	double		q = Min(p, 1 - p);
	int64		k = 0;

	if (n * q < 30)
	{
		double		lq = log1p(-q);
		double		pos = 0;

		if (q <= 0)
			return p <= 0 ? 0 : n;
		for (;;)
		{
			pos += floor(log(1 - FakerRngDouble(rng)) / lq) + 1;
			if (pos > n)
				break;
			k++;
		}
	}
	else
	{
		double		x = n * q + sqrt(n * q * (1 - q)) * FakerRngNormal(rng);
		double		f;

		x = Max(0, Min(x, (double) n));
		f = floor(x);
		k = (int64) f + (FakerRngDouble(rng) < x - f ? 1 : 0);
	}
	return q == p ? k : n - k;
}

/*
 * A count of mean X and variance about SPREAD * X, the parent's count
 * around its own mean (header comment).  It takes one value of RNG, always:
 * with spread 0 it is the stochastic rounding's uniform, else the seed of
 * a stream of its own for the draw.
 *
 * spread > 1: Poisson of a gamma(X / (s-1), scale s-1) rate, variance
 * X + (s-1) X.  spread < 1: binomial(n, 1-s) with n = X / (1-s) rounded
 * stochastically, variance s X (plus at most (1-s)^2 / 4 from the
 * rounding of n).
 */
static int64
count_around(FakerRng *rng, double x, double spread)
{
	uint64		r = FakerRngNext(rng);
	FakerRng	own;
	double		f;

	if (!(x > 0))
		return 0;
	x = Min(x, O2M_MAX_COUNT);
	f = floor(x);
	if (spread == 0)
		return (int64) f + ((r >> 11) * (1.0 / 9007199254740992.0) < x - f ? 1 : 0);
	FakerRngInit(&own, r);
	if (spread == 1)
		return poisson_draw(&own, x);
	if (spread > 1)
		return poisson_draw(&own, (spread - 1) * gamma_draw(&own, x / (spread - 1)));
	{
		double		nx = x / (1 - spread),
					nf = floor(nx);

		return binomial_draw(&own, (int64) nf + (FakerRngDouble(&own) < nx - nf ? 1 : 0),
							 1 - spread);
	}
}

/* The number of children of the next parent, by D's distribution. */
int64
FakerO2MNext(FakerO2M *d, FakerRng *rng)
{
	double		x,
				f;
	double		u = 1 - FakerRngDouble(rng);	/* (0, 1] */

	switch (d->kind)
	{
		case O2M_POISSON:
			if (d->spread == 1)
				return poisson_draw(rng, d->mean);	/* as before spread was */
			return count_around(rng, d->mean, d->spread);
		case O2M_RANGE:
			return d->min + FakerCumulativeFind(d->cum, d->max - d->min + 1,
												FakerRngDouble(rng));
		case O2M_SKEW:
			return count_around(rng, d->mean * d->shape * pow(u, d->shape - 1), d->spread);
		case O2M_WEIGHTS:
			{
				int			p = (int) FakerRngBelow(rng, d->nweights);

				return count_around(rng, d->mean * d->nweights * d->weights[p] / d->wsum,
									d->spread);
			}
		case O2M_EXPONENTIAL:
			x = -d->mean * log(u);
			break;
		case O2M_PARETO:
			x = d->scale / pow(u, 1 / d->shape);
			break;
		case O2M_LOGNORMAL:
			x = exp(d->scale + d->shape * FakerRngNormal(rng));
			break;
		case O2M_GAMMA:
			x = d->scale * gamma_draw(rng, d->shape);
			break;
		case O2M_WEIBULL:
			x = d->scale * pow(-log(u), 1 / d->shape);
			break;
		case O2M_UNIFORM:
			x = d->mean * (1 - d->shape + 2 * d->shape * FakerRngDouble(rng));
			break;
		default:
			elog(ERROR, "unknown count distributor %d", (int) d->kind);
	}
	if (!(x >= 0))
		x = 0;
	if (x > O2M_MAX_COUNT)
		x = O2M_MAX_COUNT;
	f = floor(x);
	return (int64) f + (FakerRngDouble(rng) < x - f ? 1 : 0);
}

/* D as jsonb, for faker_explain. */
Jsonb *
FakerO2MToJsonb(const FakerO2M *d)
{
	JsonOut	j;

	JsonOutBegin(&j);
	if (d->kind == O2M_RANGE)
	{
		JsonOutFloat(&j, "min", (double) d->min);
		JsonOutFloat(&j, "max", (double) d->max);
	}
	else
		JsonOutFloat(&j, "mean", d->mean);
	if (d->kind >= O2M_EXPONENTIAL)
		JsonOutString(&j, "distribution", dist_names[d->kind]);
	if (d->kind == O2M_SKEW)
		JsonOutFloat(&j, "skew", d->shape);
	if (d->nweights > 0)
		JsonOutFloats(&j, "weights", d->weights, d->nweights);
	if (d->kind <= O2M_WEIGHTS)
		JsonOutFloat(&j, "spread", d->spread);
	return JsonOutEnd(&j);
}
