/*
 * options.h: one reader for the options of a jsonb spec object.
 *
 * Every getter takes the object's JSON path (FakerOptions.path, e.g.
 * "columns.title") and names the key in its errors, "PATH.KEY: WHAT"
 * (e.g. "columns.title.words: must be an integer between 1 and 1000"),
 * with ERRCODE_INVALID_PARAMETER_VALUE (22023).  An absent key and a JSON
 * null both give the default (FakerOptHas and FakerOptJsonb tell them
 * apart, for the keys where null is a value: "const", "require").  A NULL
 * spec, or a spec that is not an object, has no keys (FakerOptionsInit
 * with must_be_object = true makes that an error instead).  Getters remember the keys they read, so that
 * FakerOptionsCheckKeys can refuse any other.
 *
 * An object inside the spec is read with FakerOptObject, which starts a
 * FakerOptions at its path ("columns" -> "columns.title"); a whole spec
 * starts with FakerOptionsInitSpec, whose keys are "LABEL: KEY"
 * ('aggregate "book": columns.title.words').
 *
 * Users: src/gen/gen.c and quantile.c (generator options), src/dist/
 * (distributor options), src/model/spec.c (faker_define's spec) and
 * pipe.c (faker_pipe's steps).
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

#include "compat.h"
#include "nodes/pg_list.h"
#include "utils/jsonb.h"

typedef struct FakerOptions
{
	Jsonb	   *spec;			/* the object, or NULL */
	const char *path;			/* its JSON path, prefixes every message */
	const char *sep;			/* between path and key: "." (": " for a spec) */
	List	   *used;			/* keys read so far (const char *) */
} FakerOptions;

/* Start reading SPEC at PATH; with MUST_BE_OBJECT, ERROR "PATH: must be a
 * jsonb object" unless it is one. */
extern void FakerOptionsInit(FakerOptions *o, Jsonb *spec, const char *path,
							 bool must_be_object);

/* Start reading a whole spec named LABEL (e.g. 'aggregate "book"'): its
 * keys are "LABEL: KEY"; ERROR "LABEL: the spec must be a jsonb object"
 * unless it is one. */
extern void FakerOptionsInitSpec(FakerOptions *o, Jsonb *spec, const char *label);

/* The JSON path of KEY ("PATH.KEY"), or of the object itself if KEY is NULL. */
extern char *FakerOptPath(FakerOptions *o, const char *key);

/* ERROR "PATH.KEY: WHAT" (22023), "PATH: WHAT" if KEY is NULL: for checks
 * the getters do not make. */
extern FAKER_NORETURN void FakerOptError(FakerOptions *o, const char *key, const char *what);

/* Is KEY there at all, JSON null included?  Its value into *V (V may be
 * NULL).  Marks KEY read.  For keys where null is a value ("const"). */
extern bool FakerOptHas(FakerOptions *o, const char *key, JsonbValue *v);

/* The raw value of KEY into *V: false if absent or null.  Marks KEY read. */
extern bool FakerOptValue(FakerOptions *o, const char *key, JsonbValue *v);

/* Is KEY there (and not null)?  Marks KEY read. */
extern bool FakerOptPresent(FakerOptions *o, const char *key);

/* The keys of the object (char *), in storage order; none are marked read. */
extern List *FakerOptKeys(FakerOptions *o);

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

/* A name: a string that must be there ("is required", "must be a string",
 * "must not be empty"). */
extern char *FakerOptName(FakerOptions *o, const char *key);

/* An object: false if absent or null ("must be a jsonb object"), else *SUB
 * starts reading it at PATH.KEY. */
extern bool FakerOptObject(FakerOptions *o, const char *key, FakerOptions *sub);

/* Any value (JSON null included: criteria read it as IS NULL) as a Jsonb
 * of its own, NULL if absent: for values another reader checks. */
extern Jsonb *FakerOptJsonb(FakerOptions *o, const char *key);

/* A copy of the object with only the KEYS (NULL-terminated) it has, JSON
 * nulls included, each marked read: the part of a spec another reader
 * takes (a column's reuse options for FakerM2OParse). */
extern Jsonb *FakerOptSubset(FakerOptions *o, const char *const *keys);

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
 * getter read and OTHER_KEYS (NULL-terminated, may be NULL) does not list;
 * the hint names the nearest of those keys and lists them. */
extern void FakerOptionsCheckKeys(FakerOptions *o, const char *const *other_keys);

/* Whether KEY is known to a caller's own rule (ARG is the caller's). */
typedef bool (*FakerOptKeyRule) (const char *key, void *arg);

/* FakerOptionsCheckKeys for objects whose keys depend on what they hold
 * (a column's generator options): a key RULE accepts is known too, and the
 * known keys cannot all be listed, so there is no hint. */
extern void FakerOptionsCheckKeysBy(FakerOptions *o, const char *const *other_keys,
									FakerOptKeyRule rule, void *arg);

#endif							/* FAKER_OPTIONS_H */
