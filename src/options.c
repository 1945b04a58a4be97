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

#include "faker.h"
#include "options.h"

/* Whether SPEC is a jsonb object (not an array, a scalar or NULL). */
static bool
is_object(Jsonb *spec)
{
	return spec != NULL && JB_ROOT_IS_OBJECT(spec) && !JB_ROOT_IS_SCALAR(spec);
}

/* Start reading the options of SPEC at PATH (options.h). */
void
FakerOptionsInit(FakerOptions *o, Jsonb *spec, const char *path, bool must_be_object)
{
	o->spec = spec;
	o->path = path;
	o->sep = ".";
	o->used = NIL;
	if (must_be_object && !is_object(spec))
		FakerOptError(o, NULL, "must be a jsonb object");
}

/* Start reading a whole spec named LABEL: keys "LABEL: KEY" (options.h). */
void
FakerOptionsInitSpec(FakerOptions *o, Jsonb *spec, const char *label)
{
	FakerOptionsInit(o, spec, label, false);
	o->sep = ": ";
	if (!is_object(spec))
		FakerOptError(o, NULL, "the spec must be a jsonb object");
}

/* "PATH.KEY" ("PATH: KEY" for a spec), or PATH if KEY is NULL. */
char *
FakerOptPath(FakerOptions *o, const char *key)
{
	if (key == NULL)
		return pstrdup(o->path);
	return psprintf("%s%s%s", o->path, o->sep, key);
}

/* ERROR "PATH.KEY: WHAT" ("PATH: WHAT" without KEY), 22023. */
void
FakerOptError(FakerOptions *o, const char *key, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s: %s", FakerOptPath(o, key), what)));
}

/* Whether a getter read KEY. */
static bool
key_used(FakerOptions *o, const char *key)
{
	ListCell   *lc;

	foreach(lc, o->used)
		if (strcmp(lfirst(lc), key) == 0)
			return true;
	return false;
}

/*
 * Remember that KEY was read (for FakerOptionsCheckKeys); the keys are the
 * callers' string constants or keys of the object, which outlive the
 * check, so a pointer is enough.
 */
static void
mark_used(FakerOptions *o, const char *key)
{
	if (!key_used(o, key))
		o->used = lappend(o->used, (char *) key);
}

/* Whether KEY is there, JSON null included; its value into *V if V. */
bool
FakerOptHas(FakerOptions *o, const char *key, JsonbValue *v)
{
	JsonbValue	tmp;

	mark_used(o, key);
	if (!is_object(o->spec))
		return false;
	return getKeyJsonValueFromContainer(&o->spec->root, key, strlen(key), v ? v : &tmp) != NULL;
}

/* The value of KEY, if present and not null; marks KEY read. */
bool
FakerOptValue(FakerOptions *o, const char *key, JsonbValue *v)
{
	return FakerOptHas(o, key, v) && v->type != jbvNull;
}

/* Is KEY present (and not null)? */
bool
FakerOptPresent(FakerOptions *o, const char *key)
{
	JsonbValue	v;

	return FakerOptValue(o, key, &v);
}

/* The keys of the object, in storage order (none marked read). */
List *
FakerOptKeys(FakerOptions *o)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;
	List	   *keys = NIL;

	if (!is_object(o->spec))
		return NIL;
	it = JsonbIteratorInit(&o->spec->root);
	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
		if (tok == WJB_KEY)
			keys = lappend(keys, pnstrdup(v.val.string.val, v.val.string.len));
	return keys;
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

/* A string that must be there and not be empty. */
char *
FakerOptName(FakerOptions *o, const char *key)
{
	char	   *s = FakerOptString(o, key, NULL);

	if (s == NULL)
		FakerOptError(o, key, "is required");
	if (s[0] == '\0')
		FakerOptError(o, key, "must not be empty");
	return s;
}

/* An object, read at PATH.KEY by *SUB; false if absent or null. */
bool
FakerOptObject(FakerOptions *o, const char *key, FakerOptions *sub)
{
	JsonbValue	v;

	if (!FakerOptValue(o, key, &v))
		return false;
	if (v.type != jbvBinary || !JsonContainerIsObject(v.val.binary.data))
		FakerOptError(o, key, "must be a jsonb object");
	FakerOptionsInit(sub, JsonbValueToJsonb(&v), FakerOptPath(o, key), false);
	return true;
}

/* Any value, JSON null included, as a Jsonb; NULL if absent. */
Jsonb *
FakerOptJsonb(FakerOptions *o, const char *key)
{
	JsonbValue	v;

	if (!FakerOptHas(o, key, &v))
		return NULL;
	return JsonbValueToJsonb(&v);
}

/* A copy of the object with only KEYS, each marked read. */
Jsonb *
FakerOptSubset(FakerOptions *o, const char *const *keys)
{
	JsonbParseState *st = NULL;

	pushJsonbValue(&st, WJB_BEGIN_OBJECT, NULL);
	for (int i = 0; keys[i]; i++)
	{
		JsonbValue	k,
					v;

		if (!FakerOptHas(o, keys[i], &v))
			continue;
		k.type = jbvString;
		k.val.string.val = (char *) keys[i];
		k.val.string.len = strlen(keys[i]);
		pushJsonbValue(&st, WJB_KEY, &k);
		if (v.type == jbvBinary)
		{
			/* re-push a container value as a whole */
			JsonbIterator *it = JsonbIteratorInit(v.val.binary.data);
			JsonbValue	e;
			JsonbIteratorToken tok;

			while ((tok = JsonbIteratorNext(&it, &e, false)) != WJB_DONE)
				pushJsonbValue(&st, tok, tok < WJB_BEGIN_ARRAY ? &e : NULL);
		}
		else
			pushJsonbValue(&st, WJB_VALUE, &v);
	}
	return JsonbValueToJsonb(pushJsonbValue(&st, WJB_END_OBJECT, NULL));
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

/* Whether KEY was read or OTHER_KEYS (may be NULL) lists it. */
static bool
key_listed(FakerOptions *o, const char *const *other_keys, const char *key)
{
	if (key_used(o, key))
		return true;
	for (int i = 0; other_keys && other_keys[i]; i++)
		if (strcmp(other_keys[i], key) == 0)
			return true;
	return false;
}

/* The keys read and OTHER_KEYS, as FakerSuggest's candidates. */
static List *
known_keys(FakerOptions *o, const char *const *other_keys)
{
	List	   *keys = list_copy(o->used);

	for (int i = 0; other_keys && other_keys[i]; i++)
		keys = list_append_unique_ptr(keys, (char *) other_keys[i]);
	return keys;
}

/* ERROR on the first key no getter read, OTHER_KEYS does not list and
 * RULE (may be NULL) does not accept; a hint lists the keys without RULE. */
void
FakerOptionsCheckKeysBy(FakerOptions *o, const char *const *other_keys,
						FakerOptKeyRule rule, void *arg)
{
	ListCell   *lc;

	foreach(lc, FakerOptKeys(o))
	{
		char	   *key = lfirst(lc);
		char	   *hint;

		if (key_listed(o, other_keys, key) || (rule && rule(key, arg)))
			continue;
		hint = rule ? NULL : FakerSuggest(key, known_keys(o, other_keys), "options");
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: unknown option", FakerOptPath(o, key)),
				 hint ? errhint("%s", hint) : 0));
	}
}

/* ERROR on the first key no getter read and OTHER_KEYS does not list. */
void
FakerOptionsCheckKeys(FakerOptions *o, const char *const *other_keys)
{
	FakerOptionsCheckKeysBy(o, other_keys, NULL, NULL);
}
