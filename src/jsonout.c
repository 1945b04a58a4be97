/*
 * jsonout.c: writing a flat jsonb object of options back (what faker_fit,
 * the *_to_jsonb functions and faker_explain return).  Options are read
 * with src/options.h.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/numeric.h"

#include "jsonout.h"

/* Start a jsonb object. */
void
JsonOutBegin(JsonOut *j)
{
	j->st = NULL;
	pushJsonbValue(&j->st, WJB_BEGIN_OBJECT, NULL);
}

/* Push the object key KEY. */
static void
push_key(JsonOut *j, const char *key)
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
JsonOutFloat(JsonOut *j, const char *key, double v)
{
	JsonbValue	n = num(v);

	push_key(j, key);
	pushJsonbValue(&j->st, WJB_VALUE, &n);
}

/* Add the pair KEY: [V[0], ..., V[COUNT - 1]] (numbers). */
void
JsonOutFloats(JsonOut *j, const char *key, const double *v, int count)
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
JsonOutString(JsonOut *j, const char *key, const char *s)
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
JsonOutEnd(JsonOut *j)
{
	return JsonbValueToJsonb(pushJsonbValue(&j->st, WJB_END_OBJECT, NULL));
}

/*
 * Start a jsonb object holding the pairs of the jsonb object BASE (NULL:
 * none), so the caller can add pairs of its own (a later key wins).
 */
void
JsonOutBeginWith(JsonOut *j, Jsonb *base)
{
	JsonbIterator *it;
	JsonbValue	v;
	JsonbIteratorToken tok;

	JsonOutBegin(j);
	if (base == NULL)
		return;
	it = JsonbIteratorInit(&base->root);
	tok = JsonbIteratorNext(&it, &v, false);
	Assert(tok == WJB_BEGIN_OBJECT);
	while ((tok = JsonbIteratorNext(&it, &v, false)) != WJB_DONE)
	{
		if (tok == WJB_END_OBJECT && it == NULL)
			break;
		pushJsonbValue(&j->st, tok, tok < WJB_BEGIN_ARRAY ? &v : NULL);
	}
}

/* Add the pair KEY: B (a boolean). */
void
JsonOutBool(JsonOut *j, const char *key, bool b)
{
	JsonbValue	v;

	push_key(j, key);
	v.type = jbvBool;
	v.val.boolean = b;
	pushJsonbValue(&j->st, WJB_VALUE, &v);
}
