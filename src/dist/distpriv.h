/*
 * distpriv.h: what the files of src/dist/ share: options.h for reading
 * distributor options, JsonOut for writing them back as jsonb.
 */
#ifndef FAKER_DISTPRIV_H
#define FAKER_DISTPRIV_H

#include "utils/jsonb.h"

#include "options.h"

#include "jsonout.h"		/* and written back with JsonOut */

#include "dist/dist.h"

/*
 * A many-to-one reader (m2o.c; sub-pool draws in subpool.c): the creation
 * schedule, the whole pool's plan, and what sub-pool draws keep.
 */
struct FakerM2O
{
	FakerM2OSpec spec;
	double		wsum;			/* sum of weights */
	/* creation schedule */
	double		acc;
	double		threshold;
	/* the plan (planned == false: static formulas only) */
	bool		planned;
	int64		n0;				/* pool size at start */
	double		P;				/* planned final pool size */
	double		U;				/* planned uses: prior uses + this call's */
	const int64 *prior;			/* prior uses of values 0..nprior-1, or NULL */
	int64		nprior;
	double		carry;			/* rounding remainder, in creation order */
	int64		next_planned;	/* next value index whose quota is due */
	uint32	   *tickets;
	int64		nt;				/* tickets left */
	int64		cap;
	/* sampled instead of planned (small calls over large pools) */
	bool		sampled;
	bool		phase_random;	/* random phase, set at the first draw */
	/* the caller's uses (this reader's, this call's included), read at each draw */
	int64	   *const *live;
	const int64 *nlive;
	const double *ltotal;		/* their sum, or NULL */
	/* sub-pool draws (subpool.c) */
	double	   *gaps;			/* scratch: each member's shortfall */
	int64		gapcap;
	double	   *inc;			/* skew: (j+1)^(1/s - 1), j < ninc */
	double	   *cum;			/* their running sums, cum[j] = inc[0..j-1] */
	int64		ninc;
	struct HTAB *subs;			/* large sub-pools: their uses, by first member */
	int64		unused;			/* values 0..n0-1 with no use (-1: not counted) */
	int64		subcreated;		/* creations of sub-pool draws, this call */
};

/* m2o.c, for subpool.c */
extern FakerDrawKind FakerM2ODrawKind(FakerM2O *m, FakerRng *rng, int64 n);
extern int64 FakerM2OStaticIndex(FakerM2O *m, FakerRng *rng, int64 n);
extern double FakerM2OShareOf(const FakerM2O *m, int64 j, double P);
/* The share of value J of the first N of a pool to reach P values. */
typedef double (*FakerM2OShareFn) (FakerM2O *m, int64 j, int64 n, double P);
extern int64 FakerM2OSampledPick(FakerM2O *m, FakerRng *rng, int64 n, double P, double U,
								 const int64 *members, FakerM2OShareFn share);

#endif
