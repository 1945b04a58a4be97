/*
 * options.h: one reader for the options of a jsonb spec object.
 *
 * Every getter takes the object's JSON path (FakerOptions.path, e.g.
 * "columns.title") and names the key in its errors, "PATH.KEY: WHAT"
 * (e.g. "columns.title.words: must be an integer between 1 and 1000"),
 * with ERRCODE_INVALID_PARAMETER_VALUE (22023).  An absent key and a JSON
 * null both give the default.  A NULL spec, or a spec that is not an
 * object, has no keys (FakerOptionsInit with must_be_object = true makes
 * that an error instead).  Getters remember the keys they read, so that
 * FakerOptionsCheckKeys can refuse any other.
 *
 * Users: src/gen/gen.c and quantile.c (generator options), src/dist/
 * (distributor options).  src/model/spec.c and pipe.c still have their own
 * readers; they can move here.
 *
 * Typical use:
 *
 *     FakerOptions o;
 *
 *     FakerOptionsInit(&o, spec, path, true);
 *     mean = FakerOptNumber(&o, "mean", 1);
 *     n = FakerOptInt(&o, "n", 3, 1, 10000);
 *     FakerOptionsCheckKeys(&o, NULL);
 */
#ifndef FAKER_OPTIONS_H
#define FAKER_OPTIONS_H

#include "postgres.h"

#include "utils/jsonb.h"

#define FAKER_OPTIONS_MAX_KEYS 32

typedef struct FakerOptions
{
	Jsonb	   *spec;			/* the object, or NULL */
	const char *path;			/* its JSON path, prefixes every message */
	const char *used[FAKER_OPTIONS_MAX_KEYS];	/* keys read so far */
	int			nused;
} FakerOptions;

/* Start reading SPEC at PATH; with MUST_BE_OBJECT, ERROR "PATH: must be a
 * jsonb object" unless it is one. */
extern void FakerOptionsInit(FakerOptions *o, Jsonb *spec, const char *path,
							 bool must_be_object);

/* ERROR "PATH.KEY: WHAT" (22023): for checks the getters do not make. */
extern void FakerOptError(FakerOptions *o, const char *key, const char *what) pg_attribute_noreturn();

/* The raw value of KEY into *V: false if absent or null.  Marks KEY read. */
extern bool FakerOptValue(FakerOptions *o, const char *key, JsonbValue *v);

/* Is KEY there (and not null)?  Marks KEY read. */
extern bool FakerOptPresent(FakerOptions *o, const char *key);

/* A finite number ("must be a number", "must be a finite number"). */
extern double FakerOptNumber(FakerOptions *o, const char *key, double def);

/* An integer in [LO, HI], exact for all of bigint (1.0 is an integer, 1.5
 * and 1.0000000000000001 are not): "must be an integer between LO and HI"
 * (for the whole bigint range "must be an integer within the bigint
 * range"). */
extern int64 FakerOptInt(FakerOptions *o, const char *key, int64 def, int64 lo, int64 hi);

/* true or false ("must be true or false"). */
extern bool FakerOptBool(FakerOptions *o, const char *key, bool def);

/* A string, palloc'd ("must be a string"); DEF (may be NULL) if absent. */
extern char *FakerOptString(FakerOptions *o, const char *key, const char *def);

/*
 * An array of finite numbers (palloc'd, *N entries; NULL and *N = 0 if
 * absent): "must be an array of numbers".  EXPECT >= 0: exactly that many
 * ("must have one weight per value (EXPECT)"); EXPECT < 0: 1 to 1000
 * ("must not be empty", "must have at most 1000 entries").
 */
extern double *FakerOptNumbers(FakerOptions *o, const char *key, int *n, int expect);

/* Weights: FakerOptNumbers, none negative ("must not be negative"), not all
 * zero ("must not all be zero"), with a finite sum. */
extern double *FakerOptWeights(FakerOptions *o, const char *key, int *n, int expect);

/* ERROR "PATH.KEY: unknown option" for the first key of the object that no
 * getter read and OTHER_KEYS (NULL-terminated, may be NULL) does not list. */
extern void FakerOptionsCheckKeys(FakerOptions *o, const char *const *other_keys);

#endif							/* FAKER_OPTIONS_H */
