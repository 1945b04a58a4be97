/*
 * dist.h: distributors (README, "Distributors", and "Performance and
 * fidelity" for the end state they must reach).
 *
 * Many-to-one (M2O): each draw over a pool of n values yields REUSE(index),
 * NULL or CREATE.  Read strategies are pure functions of the pool size plus
 * a little per-call state (the plan that makes the end state match the
 * requested weights/skew); the pool itself (write store) is elsewhere
 * (src/model/store.c) and shared by every reader.
 *
 * One-to-many (O2M): a count of children per parent.
 *
 * Other subsystems use only this header.
 */
#ifndef FAKER_DIST_H
#define FAKER_DIST_H

#include "postgres.h"

#include "utils/jsonb.h"

#include "prng.h"

/* ---- many-to-one ---- */

typedef struct FakerM2OSpec
{
	double		mean;			/* >= 1: average uses per value */
	double		skew;			/* >= 1, or 0 when not given */
	int			nweights;		/* 0 when not given */
	double	   *weights;		/* relative, non-negative, not all zero */
	double		null_weight;	/* [0, 1] */
} FakerM2OSpec;

/*
 * Parse distributor options from a jsonb object (mean, skew, weights,
 * null_weight).  Keys listed in OTHER_KEYS (NULL-terminated, may be NULL) are
 * skipped (the caller owns them, e.g. "require", "via"); any other unknown key
 * is an ERROR.  DEFAULT_MEAN applies when "mean" is absent.  Errors
 * (ERRCODE_INVALID_PARAMETER_VALUE) name PATH and the key.
 */
extern void FakerM2OParse(Jsonb *spec, const char *path, const char *const *other_keys,
						  double default_mean, FakerM2OSpec *out);

/* The spec as jsonb (for faker_explain). */
extern Jsonb *FakerM2OSpecToJsonb(const FakerM2OSpec *spec);

typedef enum FakerDrawKind
{
	FAKER_DRAW_REUSE,
	FAKER_DRAW_NULL,
	FAKER_DRAW_CREATE
} FakerDrawKind;

typedef struct FakerDraw
{
	FakerDrawKind kind;
	int64		index;			/* REUSE: 0-based index, 0 = oldest */
} FakerDraw;

typedef struct FakerM2O FakerM2O;	/* opaque per-call reader state */

/*
 * A reader for one call.  POOL_SIZE is the pool's size at the start of the
 * call, PLANNED_DRAWS how many draws the call expects to make (used to plan
 * the end state; may be an estimate, or <= 0 when unknown).
 */
extern FakerM2O *FakerM2OCreate(const FakerM2OSpec *spec, int64 pool_size,
								double planned_draws);

/*
 * The same, planned toward the end state of the whole pool: PRIOR[j] (j <
 * NPRIOR) is how many times value j was used before this call (by the same
 * reference); each value's quota is its end-state target minus those uses.
 * PRIOR is read during the call only.
 */
extern FakerM2O *FakerM2OCreateWithUses(const FakerM2OSpec *spec, int64 pool_size,
										double planned_draws, const int64 *prior, int64 nprior);

/*
 * The same over uses the caller keeps counting during the call: *USES[j]
 * (j < *NUSES) are the uses of value j so far, this call's included, and
 * USES_TOTAL their sum at the start.  A call that plans few draws over a
 * large pool is not planned value by value (O(pool)) but sampled (O(1) a
 * draw): a value drawn from the shape is taken when it is below its
 * end-state target (see m2o.c); *USES is then read at every draw.
 */
extern FakerM2O *FakerM2OCreateLive(const FakerM2OSpec *spec, int64 pool_size,
									double planned_draws, int64 *const *uses,
									const int64 *nuses, double uses_total);

/*
 * One draw over the reader's whole pool of POOL_SIZE values (the caller's
 * pool size now, including values other readers appended).  After CREATE the
 * caller appends the new value at index POOL_SIZE and calls FakerM2OCreated.
 */
extern FakerDraw FakerM2ONext(FakerM2O *m2o, FakerRng *rng, int64 pool_size);
extern void FakerM2OCreated(FakerM2O *m2o, int64 index);

/*
 * A sub-pool: the values that agree with what a row already decided (the
 * authors of the tenant chosen, the parents that satisfy criteria), as
 * pool positions in creation order.  SHARE, when not negative, is the
 * share of all the reader's values this sub-pool should hold (the tenant's
 * share of the authors, by the authors' own reference to the tenant: see
 * FakerM2OShare); negative, the sub-pool holds the values its own uses
 * call for (mean uses each).
 */
typedef struct FakerSubpool
{
	const int64 *members;
	int64		n;
	double		share;
} FakerSubpool;

/*
 * One draw restricted to sub-pool SP; REUSE's index is within the
 * sub-pool (members[index] is the pool position).  With live uses
 * (FakerM2OSetLive) the draw is planned toward the sub-pool's end state
 * (subpool.c): it creates when the sub-pool has fewer values than its uses
 * call for (always when it is empty) and reuses the member most short of
 * its share; without, the static formulas.
 */
extern FakerDraw FakerM2ONextIn(FakerM2O *m2o, FakerRng *rng, const FakerSubpool *sp);

/*
 * The caller's live uses of each pool value by this reader: *USES[j] (j <
 * *NUSES), this call's included, and *TOTAL their sum (may be NULL), read
 * at every sub-pool draw.
 */
extern void FakerM2OSetLive(FakerM2O *m2o, int64 *const *uses, const int64 *nuses,
							const double *total);

/* The share of the uses the ranks [A, B) (fractions of a pool in creation
 * order) get under SPEC's shape; the shares of [0, 1) sum to 1. */
extern double FakerM2OShare(const FakerM2OSpec *spec, double a, double b);

/* The pool size a reader plans toward by the end of the call (0 when it
 * is not planned). */
extern double FakerM2OPlannedPool(const FakerM2O *m2o);

/* ---- one-to-many counts ---- */

typedef struct FakerO2M FakerO2M;	/* opaque */

/* Parse a count distributor (README, "Distributors": one-to-many);
 * OTHER_KEYS as for FakerM2OParse. */
extern FakerO2M *FakerO2MParse(Jsonb *spec, const char *path, const char *const *other_keys);
extern int64 FakerO2MNext(FakerO2M *o2m, FakerRng *rng);
extern double FakerO2MMean(const FakerO2M *o2m);
extern Jsonb *FakerO2MToJsonb(const FakerO2M *o2m);

/* ---- stratified categories (strata.c) ---- */

typedef struct FakerStrata FakerStrata;	/* opaque */

/*
 * Draws of K weighted categories whose counts are within one row of their
 * shares after every block of rows (the least number in which the rarest
 * has one place), unbiased for any number of rows, in an order that looks
 * random.  The stream is a function of SEED and the row's position: one
 * created at DRAWN continues a stream that stopped there.
 */
extern FakerStrata *FakerStrataCreate(const double *weights, int k, uint64 seed, int64 drawn);
extern int	FakerStrataNext(FakerStrata *s);
extern int64 FakerStrataDrawn(const FakerStrata *s);

/* ---- fit: measure a shape (the inverse) ---- */

/*
 * The shape of NGROUPS use counts, sorted in descending order, plus NULLS
 * null uses: {"mean", "null_weight", "weights" (4 rank groups), "skew", "r2"}.
 */
extern Jsonb *FakerFitCounts(const int64 *counts, int64 ngroups, int64 nulls);

/* faker_fit's worker: measure COLUMNS of relation RELID via SPI. */
extern Jsonb *FakerFitRelation(Oid relid, char **columns, int ncolumns);

/* The same figures taken inside each group of WITHIN and pooled (fit.c). */
extern Jsonb *FakerFitRelationWithin(Oid relid, char **columns, int ncolumns,
									 char **within, int nwithin);

#endif							/* FAKER_DIST_H */
