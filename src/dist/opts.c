/*
 * opts.c: reading distributor options from jsonb, and writing them back.
 * Errors name the JSON path and the key (ERRCODE_INVALID_PARAMETER_VALUE).
 */
#include "postgres.h"

#include <math.h>

#include "utils/builtins.h"
#include "utils/numeric.h"

#include "dist/distpriv.h"

void
DistOptError(DistOpts *o, const char *key, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s.%s: %s", o->path, key, what)));
}

void
DistOptsInit(DistOpts *o, Jsonb *spec, const char *path, const char *const *other_keys)
{
	o->spec = spec;
	o->path = path;
	o->other_keys = other_keys;
	o->nused = 0;
	if (spec == NULL || !JB_ROOT_IS_OBJECT(spec) || JB_ROOT_IS_SCALAR(spec))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: a distributor must be a jsonb object", path)));
}

static bool
get(DistOpts *o, const char *key, JsonbValue *v)
{
	if (o->nused < lengthof(o->used))
		o->used[o->nused++] = key;
	return getKeyJsonValueFromContainer(&o->spec->root, key, strlen(key), v) != NULL;
}

bool
DistOptPresent(DistOpts *o, const char *key)
{
	JsonbValue	v;

	return get(o, key, &v) && v.type != jbvNull;
}

static double
num_value(DistOpts *o, const char *key, JsonbValue *v)
{
	double		d;

	if (v->type != jbvNumeric)
		DistOptError(o, key, "must be a number");
	d = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v->val.numeric)));
	if (isnan(d) || isinf(d))
		DistOptError(o, key, "must be a finite number");
	return d;
}

double
DistOptFloat(DistOpts *o, const char *key, double def)
{
	JsonbValue	v;

	if (!get(o, key, &v) || v.type == jbvNull)
		return def;
	return num_value(o, key, &v);
}

char *
DistOptString(DistOpts *o, const char *key)
{
	JsonbValue	v;

	if (!get(o, key, &v) || v.type == jbvNull)
		return NULL;
	if (v.type != jbvString)
		DistOptError(o, key, "must be a string");
	return pnstrdup(v.val.string.val, v.val.string.len);
}

double *
DistOptWeights(DistOpts *o, const char *key, int *n)
{
	JsonbValue	v;
	double	   *w;
	double		sum = 0;

	*n = 0;
	if (!get(o, key, &v) || v.type == jbvNull)
		return NULL;
	if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data))
		DistOptError(o, key, "must be an array of numbers");
	*n = JsonContainerSize(v.val.binary.data);
	if (*n == 0)
		DistOptError(o, key, "must not be empty");
	if (*n > 1000)
		DistOptError(o, key, "must have at most 1000 entries");
	w = palloc(sizeof(double) * *n);
	for (int i = 0; i < *n; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(v.val.binary.data, i);

		w[i] = num_value(o, key, e);
		if (w[i] < 0)
			DistOptError(o, key, "must not be negative");
		sum += w[i];
	}
	if (sum <= 0)
		DistOptError(o, key, "must not all be zero");
	if (isinf(sum))
		DistOptError(o, key, "must have a finite sum");
	return w;
}

void
DistOptsFinish(DistOpts *o)
{
	JsonbIterator *it = JsonbIteratorInit(&o->spec->root);
	JsonbValue	v;
	JsonbIteratorToken tok;

	while ((tok = JsonbIteratorNext(&it, &v, true)) != WJB_DONE)
	{
		char	   *key;
		bool		known = false;

		if (tok != WJB_KEY)
			continue;
		key = pnstrdup(v.val.string.val, v.val.string.len);
		for (int i = 0; i < o->nused && !known; i++)
			known = strcmp(o->used[i], key) == 0;
		for (int i = 0; o->other_keys && o->other_keys[i] && !known; i++)
			known = strcmp(o->other_keys[i], key) == 0;
		if (!known)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s: unknown distributor option \"%s\"", o->path, key)));
	}
}

void
DistJsonBegin(DistJson *j)
{
	j->st = NULL;
	pushJsonbValue(&j->st, WJB_BEGIN_OBJECT, NULL);
}

static void
push_key(DistJson *j, const char *key)
{
	JsonbValue	k;

	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = strlen(key);
	pushJsonbValue(&j->st, WJB_KEY, &k);
}

static JsonbValue
num(double v)
{
	JsonbValue	n;

	n.type = jbvNumeric;
	n.val.numeric = DatumGetNumeric(DirectFunctionCall1(float8_numeric, Float8GetDatum(v)));
	return n;
}

void
DistJsonFloat(DistJson *j, const char *key, double v)
{
	JsonbValue	n = num(v);

	push_key(j, key);
	pushJsonbValue(&j->st, WJB_VALUE, &n);
}

void
DistJsonFloats(DistJson *j, const char *key, const double *v, int count)
{
	push_key(j, key);
	pushJsonbValue(&j->st, WJB_BEGIN_ARRAY, NULL);
	for (int i = 0; i < count; i++)
	{
		JsonbValue	n = num(v[i]);

		pushJsonbValue(&j->st, WJB_ELEM, &n);
	}
	pushJsonbValue(&j->st, WJB_END_ARRAY, NULL);
}

void
DistJsonString(DistJson *j, const char *key, const char *s)
{
	JsonbValue	v;

	push_key(j, key);
	v.type = jbvString;
	v.val.string.val = (char *) s;
	v.val.string.len = strlen(s);
	pushJsonbValue(&j->st, WJB_VALUE, &v);
}

Jsonb *
DistJsonEnd(DistJson *j)
{
	return JsonbValueToJsonb(pushJsonbValue(&j->st, WJB_END_OBJECT, NULL));
}
