/*
 * options.c: reading the options of a jsonb spec object (options.h).
 *
 * One place for the type checks and the messages, so that every spec key
 * reports a bad value the same way: "PATH.KEY: WHAT", 22023.
 */
#include "postgres.h"

#include <math.h>

#include "utils/builtins.h"
#include "utils/numeric.h"

#include "options.h"

/* Start reading the options of SPEC at PATH (options.h). */
void
FakerOptionsInit(FakerOptions *o, Jsonb *spec, const char *path, bool must_be_object)
{
	o->spec = spec;
	o->path = path;
	o->nused = 0;
	if (must_be_object &&
		(spec == NULL || !JB_ROOT_IS_OBJECT(spec) || JB_ROOT_IS_SCALAR(spec)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: must be a jsonb object", path)));
}

/* ERROR "PATH.KEY: WHAT", 22023. */
void
FakerOptError(FakerOptions *o, const char *key, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s.%s: %s", o->path, key, what)));
}

/*
 * Remember that KEY was read (for FakerOptionsCheckKeys); the keys are the
 * callers' string constants, so a pointer is enough.
 */
static void
mark_used(FakerOptions *o, const char *key)
{
	for (int i = 0; i < o->nused; i++)
		if (strcmp(o->used[i], key) == 0)
			return;
	if (o->nused >= FAKER_OPTIONS_MAX_KEYS)
		elog(ERROR, "%s: too many option keys read", o->path);
	o->used[o->nused++] = key;
}

/* The value of KEY, if present and not null; marks KEY read. */
bool
FakerOptValue(FakerOptions *o, const char *key, JsonbValue *v)
{
	mark_used(o, key);
	if (o->spec == NULL || !JB_ROOT_IS_OBJECT(o->spec))
		return false;
	return getKeyJsonValueFromContainer(&o->spec->root, key, strlen(key), v) != NULL &&
		v->type != jbvNull;
}

/* Is KEY present (and not null)? */
bool
FakerOptPresent(FakerOptions *o, const char *key)
{
	JsonbValue	v;

	return FakerOptValue(o, key, &v);
}

/*
 * A jsonb number as a double ("must be a number", "must be a finite
 * number"): beyond the double range (1e400) is not finite, not an error of
 * float8's own without the path.
 */
static double
number_value(FakerOptions *o, const char *key, JsonbValue *v)
{
	double		d;

	if (v->type != jbvNumeric)
		FakerOptError(o, key, "must be a number");
	d = DatumGetFloat8(DirectFunctionCall1(numeric_float8_no_overflow, NumericGetDatum(v->val.numeric)));
	if (isnan(d) || isinf(d))
		FakerOptError(o, key, "must be a finite number");
	return d;
}

/* A finite number, or DEF. */
double
FakerOptNumber(FakerOptions *o, const char *key, double def)
{
	JsonbValue	v;

	if (!FakerOptValue(o, key, &v))
		return def;
	return number_value(o, key, &v);
}

/* Compare a jsonb numeric with an int64, exactly. */
static int
numeric_cmp_int64(Numeric n, int64 i)
{
	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(n),
											 DirectFunctionCall1(int8_numeric, Int64GetDatum(i))));
}

/*
 * Whether numeric N is an integer in [LO, HI]: compared as numerics, so
 * exact for all of bigint and for fractions a double would round away.
 */
static bool
numeric_int_within(Numeric n, int64 lo, int64 hi)
{
	Datum		d = NumericGetDatum(n);
	Datum		fl = DirectFunctionCall1(numeric_floor, d);

	return DatumGetInt32(DirectFunctionCall2(numeric_cmp, d, fl)) == 0 &&
		numeric_cmp_int64(n, lo) >= 0 && numeric_cmp_int64(n, hi) <= 0;
}

/* An integer in [LO, HI], or DEF. */
int64
FakerOptInt(FakerOptions *o, const char *key, int64 def, int64 lo, int64 hi)
{
	JsonbValue	v;

	if (!FakerOptValue(o, key, &v))
		return def;
	if (v.type != jbvNumeric || !numeric_int_within(v.val.numeric, lo, hi))
	{
		if (lo == PG_INT64_MIN && hi == PG_INT64_MAX)
			FakerOptError(o, key, "must be an integer within the bigint range");
		FakerOptError(o, key, psprintf("must be an integer between " INT64_FORMAT " and " INT64_FORMAT,
									   lo, hi));
	}
	/* numeric_int8 is exact once the range is known to fit */
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(v.val.numeric)));
}

/* true or false, or DEF. */
bool
FakerOptBool(FakerOptions *o, const char *key, bool def)
{
	JsonbValue	v;

	if (!FakerOptValue(o, key, &v))
		return def;
	if (v.type != jbvBool)
		FakerOptError(o, key, "must be true or false");
	return v.val.boolean;
}

/* A string, or a copy of DEF (NULL if DEF is). */
char *
FakerOptString(FakerOptions *o, const char *key, const char *def)
{
	JsonbValue	v;

	if (!FakerOptValue(o, key, &v))
		return def ? pstrdup(def) : NULL;
	if (v.type != jbvString)
		FakerOptError(o, key, "must be a string");
	return pnstrdup(v.val.string.val, v.val.string.len);
}

/* An array of finite numbers: EXPECT of them, or 1 to 1000 (EXPECT < 0). */
double *
FakerOptNumbers(FakerOptions *o, const char *key, int *n, int expect)
{
	JsonbValue	v;
	double	   *a;

	*n = 0;
	if (!FakerOptValue(o, key, &v))
		return NULL;
	if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data))
		FakerOptError(o, key, "must be an array of numbers");
	*n = JsonContainerSize(v.val.binary.data);
	if (expect >= 0 && *n != expect)
		FakerOptError(o, key, psprintf("must have one weight per value (%d)", expect));
	if (expect < 0 && *n == 0)
		FakerOptError(o, key, "must not be empty");
	if (expect < 0 && *n > 1000)
		FakerOptError(o, key, "must have at most 1000 entries");
	a = palloc(sizeof(double) * Max(*n, 1));
	for (int i = 0; i < *n; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(v.val.binary.data, i);

		if (e->type != jbvNumeric)
			FakerOptError(o, key, "must be an array of numbers");
		a[i] = number_value(o, key, e);
	}
	return a;
}

/* Weights: non-negative numbers with a positive, finite sum. */
double *
FakerOptWeights(FakerOptions *o, const char *key, int *n, int expect)
{
	double	   *w = FakerOptNumbers(o, key, n, expect);
	double		sum = 0;

	if (w == NULL)
		return NULL;
	for (int i = 0; i < *n; i++)
	{
		if (w[i] < 0)
			FakerOptError(o, key, "must not be negative");
		sum += w[i];
	}
	if (sum <= 0)
		FakerOptError(o, key, "must not all be zero");
	if (isinf(sum))
		FakerOptError(o, key, "must have a finite sum");
	return w;
}

/* ERROR on the first key no getter read and OTHER_KEYS does not list. */
void
FakerOptionsCheckKeys(FakerOptions *o, const char *const *other_keys)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	if (o->spec == NULL || !JB_ROOT_IS_OBJECT(o->spec))
		return;
	it = JsonbIteratorInit(&o->spec->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;
		bool		known = false;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		for (int i = 0; i < o->nused && !known; i++)
			known = strcmp(o->used[i], key) == 0;
		for (int i = 0; other_keys && other_keys[i] && !known; i++)
			known = strcmp(other_keys[i], key) == 0;
		if (!known)
			FakerOptError(o, key, "unknown option");
	}
}
