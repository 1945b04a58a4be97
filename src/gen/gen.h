/*
 * gen.h: value generators (README, "Value generators").
 *
 * One generator family per file in src/gen/.  A generator is compiled once
 * from its name and options (a column spec or SQL arguments), then asked for
 * values; it draws only from the FakerRng it is given, so streams stay
 * reproducible.
 *
 * Other subsystems use only this header.
 */
#ifndef FAKER_GEN_H
#define FAKER_GEN_H

#include "postgres.h"

#include "utils/jsonb.h"

#include "prng.h"

typedef struct FakerGen FakerGen;	/* opaque, palloc'd */

/* True if NAME is a known generator ("int", "email", "sequence" excluded). */
extern bool FakerGenExists(const char *name);

/* True if KEY is an option of generator NAME (e.g. "min" for "int"). */
extern bool FakerGenHasOption(const char *name, const char *key);

/*
 * Compile generator NAME with the options found in SPEC (a jsonb object: the
 * whole column spec; keys that are not options of NAME are ignored, the
 * caller validates them).  PATH (e.g. "columns.title") prefixes error
 * messages.  Bad options raise ERROR (ERRCODE_INVALID_PARAMETER_VALUE) naming
 * PATH and the key.  SPEC may be NULL for all defaults.
 */
extern FakerGen *FakerGenCompile(const char *name, Jsonb *spec, const char *path);

/*
 * The generator a column of type TYPID/TYPMOD gets when its spec says
 * nothing (README, "The spec"): integer/numeric ranges, text within the declared
 * length, boolean, date/time, uuid, enum labels, json/jsonb {}, arrays...
 * COLNAME may steer the choice (a text column named "email" gets emails).
 * Domains are resolved to their base type.  Returns NULL if faker has no
 * default for the type (the caller raises the error).
 */
extern FakerGen *FakerGenForType(Oid typid, int32 typmod, const char *colname);

/*
 * How many distinct values GEN can make at most in the current
 * faker.locale (genspace.c); infinity when not known (regex, most type
 * defaults).
 */
extern double FakerGenSpace(const FakerGen *gen);

/* The type of the Datums FakerGenNext returns (TEXTOID, INT8OID, ...). */
extern Oid	FakerGenResultType(const FakerGen *gen);

/* Cap text results at MAXCHARS characters (for varchar(n)); -1: no cap. */
extern void FakerGenSetMaxLength(FakerGen *gen, int maxchars);

/* One value, allocated in CurrentMemoryContext. */
extern Datum FakerGenNext(FakerGen *gen, FakerRng *rng);

/* One value as a C string (convenience for text output paths). */
extern char *FakerGenNextCString(FakerGen *gen, FakerRng *rng);

/* genrange.c: narrowing to a "require" */

/* int, numeric, float, date, timestamp, timestamptz: they take a range. */
extern bool FakerGenOrdered(const FakerGen *gen);

/*
 * One value of an ordered generator within its own range intersected with
 * [LO, HI] (Datums of its result type; absent or exclusive ends as
 * flagged).  False, and no value, if the intersection is empty.
 */
extern bool FakerGenNextWithin(FakerGen *gen, FakerRng *rng, Datum lo, bool has_lo, bool lo_incl,
							   Datum hi, bool has_hi, bool hi_incl, Datum *out);

/* "choice": the values as text; keep only those flagged (weights
 * renormalised); returns how many are left. */
extern int	FakerGenChoiceCount(const FakerGen *gen);
extern const char *FakerGenChoiceText(const FakerGen *gen, int i);
extern int	FakerGenChoiceKeep(FakerGen *gen, const bool *keep);
/* Choice value I's share (the weights sum to 1). */
extern double FakerGenChoiceWeight(const FakerGen *gen, int i);

/*
 * Generators whose draw first picks one of N strata, each with its share
 * of the draws: "choice" (its values, by their weights) and "quantiles"
 * (the segments between its points, equal).  FakerGenStrata returns N (0
 * for other generators) and fills WEIGHTS (N doubles) when not NULL;
 * FakerGenNextInStratum draws a value inside stratum I.  Stratified draws
 * ("exact", src/model/exact.c) pick the stratum themselves.
 */
extern int	FakerGenStrata(const FakerGen *gen, double *weights);
extern Datum FakerGenNextInStratum(FakerGen *gen, int i, FakerRng *rng);

/*
 * Persons (gentext.c): what a generator makes of a person, and a login
 * derived from a row's names (README, "Person-like columns agree").
 */
typedef enum FakerPersonPart
{
	FAKER_PERSON_NONE, FAKER_PERSON_FIRST, FAKER_PERSON_LAST, FAKER_PERSON_FULL,
	FAKER_PERSON_LOGIN			/* email or username */
} FakerPersonPart;
extern FakerPersonPart FakerGenPersonPart(const FakerGen *gen);

/*
 * A value of the email or username generator GEN made of the names FIRST
 * and LAST (UTF-8; transliterated to ASCII): first.last, firstlast or
 * f.last, digits, a domain.  False, and no value, if a name has no letter
 * or digit left.
 */
extern bool FakerGenLoginFrom(FakerGen *gen, FakerRng *rng, const char *first, const char *last,
							  Datum *out);

/*
 * address.c: addresses whose fields agree (one country, its formats): the
 * "address" generator of correlated tuples (README, "Correlated tuples").
 */
typedef enum FakerAddressFieldKind
{
	ADDR_STREET, ADDR_CITY, ADDR_POSTCODE, ADDR_COUNTRY, ADDR_COUNTRY_CODE, ADDR_PHONE,
	ADDR_NFIELDS
} FakerAddressFieldKind;
typedef struct FakerAddress FakerAddress;

/* The field a column named NAME holds (ADDR_*), or -1. */
extern int	FakerAddressField(const char *name);
extern const char *FakerAddressFieldList(void);
/* The generator with the options of SPEC ("countries"); errors name PATH. */
extern FakerAddress *FakerAddressCompile(Jsonb *spec, const char *path);
/* One address: fields FIELDS[0..N-1] as strings in the database encoding. */
extern void FakerAddressNext(FakerAddress *a, FakerRng *rng, const int *fields, int n, char **out);

#endif							/* FAKER_GEN_H */
