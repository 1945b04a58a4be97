/*
 * prng.h: faker's own seeded random streams.
 *
 * PostgreSQL's setseed() does not reach extension code, so faker carries its
 * own generator (xoshiro256**, seeded through splitmix64).  A *stream* is
 * derived from a seed plus names (aggregate, column, ...), so that each
 * provider draws from its own sequence: adding a column leaves the other
 * columns' values unchanged.
 */
#ifndef FAKER_PRNG_H
#define FAKER_PRNG_H

#include "postgres.h"

typedef struct FakerRng
{
	uint64		s[4];
} FakerRng;

/* Seed a stream from a 64-bit seed. */
extern void FakerRngInit(FakerRng *rng, uint64 seed);

/* Seed a stream from a seed and up to two names (NULL allowed). */
extern void FakerRngInitStream(FakerRng *rng, uint64 seed, const char *a, const char *b);

/* Stable 64-bit hash of a byte string, mixed with a seed. */
extern uint64 FakerHash64(const void *data, size_t len, uint64 seed);

/* Next raw 64-bit value. */
extern uint64 FakerRngNext(FakerRng *rng);

/* Uniform double in [0, 1), 53 random bits. */
extern double FakerRngDouble(FakerRng *rng);

/* Uniform integer in [0, n), unbiased; n > 0. */
extern uint64 FakerRngBelow(FakerRng *rng, uint64 n);

/*
 * FakerRngBelow(rng, n), the same value from the same draws, also giving
 * REST: the draw's leftover bits, a uniform 64-bit fraction.
 */
extern uint64 FakerRngBelowRest(FakerRng *rng, uint64 n, uint64 *rest);

/*
 * The first index in [0, N) whose cumulative weight CUM[i] (ascending)
 * passes U, the last if none does: a weighted pick for a U drawn uniformly
 * in [0, CUM[N - 1]).
 */
extern int64 FakerCumulativeFind(const double *cum, int64 n, double u);

/* An index in [0, N) by the cumulative weights CUM, uniform if CUM is NULL. */
extern int64 FakerRngWeighted(FakerRng *rng, const double *cum, int64 n);

/* Uniform integer in [lo, hi], unbiased; lo <= hi. */
extern int64 FakerRngRange(FakerRng *rng, int64 lo, int64 hi);

/* Standard normal deviate (Box-Muller, one value per call). */
extern double FakerRngNormal(FakerRng *rng);

/*
 * The seed of one SQL call: the explicit seed argument when given, else the
 * faker.seed setting, else fresh randomness (pg_strong_random).
 */
extern uint64 FakerCallSeed(bool has_seed, int64 seed);

/*
 * The session stream used by the SQL value generators (faker_email() ...).
 * Reseeded whenever faker.seed is set; fresh randomness when it is unset.
 */
extern FakerRng *FakerSessionRng(void);

/* Called by the faker.seed assign hook. */
extern void FakerSessionRngReset(void);

#endif							/* FAKER_PRNG_H */
