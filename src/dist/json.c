/*
 * json.c: writing distributor options back as jsonb (what faker_fit and
 * the *_to_jsonb functions return).  They are read with src/options.h.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/numeric.h"

#include "dist/distpriv.h"

/* Start the jsonb object of a distributor's description. */
void
DistJsonBegin(DistJson *j)
{
	j->st = NULL;
	pushJsonbValue(&j->st, WJB_BEGIN_OBJECT, NULL);
}

/* Push the object key KEY. */
static void
push_key(DistJson *j, const char *key)
{
	JsonbValue	k;

	k.type = jbvString;
	k.val.string.val = (char *) key;
	k.val.string.len = strlen(key);
	pushJsonbValue(&j->st, WJB_KEY, &k);
}

/* V as a jsonb number. */
static JsonbValue
num(double v)
{
	JsonbValue	n;

	n.type = jbvNumeric;
	n.val.numeric = DatumGetNumeric(DirectFunctionCall1(float8_numeric, Float8GetDatum(v)));
	return n;
}

/* Add the pair KEY: V (a number). */
void
DistJsonFloat(DistJson *j, const char *key, double v)
{
	JsonbValue	n = num(v);

	push_key(j, key);
	pushJsonbValue(&j->st, WJB_VALUE, &n);
}

/* Add the pair KEY: [V[0], ..., V[COUNT - 1]] (numbers). */
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

/* Add the pair KEY: S (a string). */
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

/* Close the object: the jsonb value. */
Jsonb *
DistJsonEnd(DistJson *j)
{
	return JsonbValueToJsonb(pushJsonbValue(&j->st, WJB_END_OBJECT, NULL));
}
