/*
 * prng.c: xoshiro256** streams seeded through splitmix64.
 *
 * xoshiro256** (Blackman and Vigna) is fast, has a 2^256 period and passes
 * BigCrush; splitmix64 spreads a 64-bit seed over its 256-bit state.  Names
 * are folded into the seed with a 64-bit FNV-1a hash followed by a splitmix
 * finaliser, which is stable across platforms and PostgreSQL versions (unlike
 * hash_any, whose output is not part of any contract).
 */
#include "postgres.h"

#include <math.h>

#include "faker.h"
#include "prng.h"

static FakerRng session_rng;
static bool session_rng_ready = false;

/* splitmix64 step: advances *x and returns a well-mixed value. */
static inline uint64
splitmix64(uint64 *x)
{
	uint64		z = (*x += UINT64CONST(0x9E3779B97F4A7C15));

	z = (z ^ (z >> 30)) * UINT64CONST(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64CONST(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* Rotate X left by K bits (xoshiro256**). */
static inline uint64
rotl(uint64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/*
 * Seed the four words of xoshiro256** from SEED through splitmix64, as
 * its authors advise (no all-zero state, nearby seeds give unrelated streams).
 */
void
FakerRngInit(FakerRng *rng, uint64 seed)
{
	uint64		x = seed;

	for (int i = 0; i < 4; i++)
		rng->s[i] = splitmix64(&x);
}

/*
 * FNV-1a over LEN bytes of DATA, from SEED, finished by splitmix64: stable
 * across platforms, so that a seed names the same streams everywhere.
 */
uint64
FakerHash64(const void *data, size_t len, uint64 seed)
{
	const unsigned char *p = data;
	uint64		h = UINT64CONST(0xcbf29ce484222325) ^ seed;

	for (size_t i = 0; i < len; i++)
	{
		h ^= p[i];
		h *= UINT64CONST(0x100000001b3);
	}
	return splitmix64(&h);
}

/*
 * Seed a stream of its own for the names A and B (e.g. a table and a column)
 * under SEED: streams do not shift when other columns are added.
 */
void
FakerRngInitStream(FakerRng *rng, uint64 seed, const char *a, const char *b)
{
	uint64		h = seed;

	/* a length-prefixed fold keeps ("ab","c") and ("a","bc") apart */
	if (a)
		h = FakerHash64(a, strlen(a) + 1, h);
	if (b)
		h = FakerHash64(b, strlen(b) + 1, h ^ UINT64CONST(0x5851F42D4C957F2D));
	FakerRngInit(rng, h);
}

/* The next 64 bits of xoshiro256**. */
uint64
FakerRngNext(FakerRng *rng)
{
	uint64	   *s = rng->s;
	uint64		result = rotl(s[1] * 5, 7) * 9;
	uint64		t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/* A uniform double in [0, 1): the top 53 bits. */
double
FakerRngDouble(FakerRng *rng)
{
	return (FakerRngNext(rng) >> 11) * (1.0 / 9007199254740992.0);
}

/*
 * A uniform integer in [0, N) by Lemire's nearly divisionless method
 * (unbiased, usually one multiply), also giving REST: the low half of the
 * accepted product, a uniform 64-bit fraction left over from the draw.  The
 * compound values (gen/compound.c) make their parts from it, so that they
 * cost no draw beyond the plain pick's.
 */
uint64
FakerRngBelowRest(FakerRng *rng, uint64 n, uint64 *rest)
{
	uint64		x = FakerRngNext(rng);
	uint128		m = (uint128) x * (uint128) n;
	uint64		l = (uint64) m;

	Assert(n > 0);
	if (l < n)
	{
		uint64		t = (-n) % n;

		while (l < t)
		{
			x = FakerRngNext(rng);
			m = (uint128) x * (uint128) n;
			l = (uint64) m;
		}
	}
	*rest = l;
	return (uint64) (m >> 64);
}

/* A uniform integer in [0, N): FakerRngBelowRest without the rest. */
uint64
FakerRngBelow(FakerRng *rng, uint64 n)
{
	uint64		rest;

	return FakerRngBelowRest(rng, n, &rest);
}

/*
 * The first index in [0, N) with CUM[i] > U, by bisection (CUM ascending),
 * N - 1 if there is none.  The weighted lists of the generators, the
 * lookups and the one-to-many ranges keep cumulative sums so that a
 * weighted pick is one draw and a logarithmic search.
 */
int64
FakerCumulativeFind(const double *cum, int64 n, double u)
{
	int64		lo = 0,
				hi = n - 1;

	while (lo < hi)
	{
		int64		mid = (lo + hi) / 2;

		if (cum[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/*
 * An index in [0, N): with cumulative weights CUM (CUM[N - 1] the total),
 * the one whose weight a uniform draw in [0, total) falls in; without,
 * uniform.  One draw either way.
 */
int64
FakerRngWeighted(FakerRng *rng, const double *cum, int64 n)
{
	if (cum == NULL)
		return (int64) FakerRngBelow(rng, n);
	return FakerCumulativeFind(cum, n, FakerRngDouble(rng) * cum[n - 1]);
}

/* A uniform integer in [LO, HI], the whole int64 range included. */
int64
FakerRngRange(FakerRng *rng, int64 lo, int64 hi)
{
	uint64		span = (uint64) hi - (uint64) lo;

	Assert(lo <= hi);
	if (span == PG_UINT64_MAX)
		return (int64) FakerRngNext(rng);
	return (int64) ((uint64) lo + FakerRngBelow(rng, span + 1));
}

/* A standard normal deviate (Box-Muller; 1 - U keeps the log finite). */
double
FakerRngNormal(FakerRng *rng)
{
	double		u1 = 1.0 - FakerRngDouble(rng);	/* (0, 1] */
	double		u2 = FakerRngDouble(rng);

	return sqrt(-2.0 * log(u1)) * cos(2.0 * M_PI * u2);
}

/*
 * A seed from the operating system's strong randomness, for unseeded calls.
 */
static uint64
fresh_seed(void)
{
	uint64		seed;

	if (!pg_strong_random(&seed, sizeof(seed)))
		ereport(ERROR,
				(errcode(ERRCODE_INTERNAL_ERROR),
				 errmsg("could not generate a random seed")));
	return seed;
}

/* The seed of a call: its own argument, else faker.seed, else fresh. */
uint64
FakerCallSeed(bool has_seed, int64 seed)
{
	if (has_seed)
		return (uint64) seed;
	if (faker_seed_is_set)
		return (uint64) faker_seed_value;
	return fresh_seed();
}

/*
 * The session's stream (functions called without a seed), started on first
 * use from faker.seed or fresh randomness.
 */
FakerRng *
FakerSessionRng(void)
{
	if (!session_rng_ready)
	{
		FakerRngInitStream(&session_rng, FakerCallSeed(false, 0), "faker.session", NULL);
		session_rng_ready = true;
	}
	return &session_rng;
}

/*
 * Forget the session stream, so that the next use reseeds (faker.seed set).
 */
void
FakerSessionRngReset(void)
{
	session_rng_ready = false;
}
