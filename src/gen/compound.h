/*
 * compound.h: values beyond the word lists (src/gen/compound.c).
 */
#ifndef FAKER_COMPOUND_H
#define FAKER_COMPOUND_H

#include "gen/genpriv.h"
#include "gen/words.h"
#include "prng.h"

/*
 * A uniform integer in [0, m) from the fraction *R (FakerRngBelowRest's
 * rest), which keeps the rest.
 */
static inline uint64
GenTake(uint64 *r, uint64 m)
{
	uint128		p = (uint128) *r * (uint128) m;

	*r = (uint64) p;
	return (uint64) (p >> 64);
}

/* the "en" generators whose values are often compounds (one table each) */
typedef enum GenCompound
{
	GEN_COMPOUND_FIRST_NAME,
	GEN_COMPOUND_LAST_NAME,
	GEN_COMPOUND_CITY,
	GEN_COMPOUND_COMPANY,
	GEN_COMPOUND_JOB,
	GEN_COMPOUND_STREET_ADDRESS
} GenCompound;

extern void GenAppendCompound(GenCompound which, FakerGen *g, FakerRng *rng,
							  StringInfo buf);
extern void GenAppendLoremWord(FakerRng *rng, StringInfo buf, int plain_pct);

#endif
