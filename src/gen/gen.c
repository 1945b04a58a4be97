/*
 * gen.c: generator registry, option parsing, compilation and dispatch.
 *
 * A generator is compiled once (options checked, catalog looked up) and then
 * produces values from a FakerRng with no catalog access per value.
 */
#include "postgres.h"

#include <math.h>

#include "catalog/pg_type.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/jsonb.h"
#include "utils/lsyscache.h"
#include "utils/numeric.h"
#include "utils/timestamp.h"
#include "utils/uuid.h"

#include "faker.h"
#include "gen/genpriv.h"
#include "options.h"

typedef struct GenDef
{
	const char *name;
	GenKind		kind;
	Oid			restype;
	const char *options[3];		/* option keys, NULL-terminated */
} GenDef;

static const GenDef gen_defs[] = {
	{"int", G_INT, INT8OID, {"min", "max"}},
	{"numeric", G_NUMERIC, NUMERICOID, {"min", "max", "scale"}},
	{"float", G_FLOAT, FLOAT8OID, {"min", "max"}},
	{"bool", G_BOOL, BOOLOID, {"p"}},
	{"digits", G_DIGITS, TEXTOID, {"length"}},
	{"string", G_STRING, TEXTOID, {"min_length", "max_length"}},
	{"word", G_WORD, TEXTOID, {NULL}},
	{"words", G_WORDS, TEXTOID, {"n"}},
	{"sentence", G_SENTENCE, TEXTOID, {"words"}},
	{"paragraph", G_PARAGRAPH, TEXTOID, {"sentences"}},
	{"first_name", G_FIRST_NAME, TEXTOID, {NULL}},
	{"last_name", G_LAST_NAME, TEXTOID, {NULL}},
	{"name", G_NAME, TEXTOID, {NULL}},
	{"username", G_USERNAME, TEXTOID, {NULL}},
	{"email", G_EMAIL, TEXTOID, {NULL}},
	{"phone", G_PHONE, TEXTOID, {NULL}},
	{"company", G_COMPANY, TEXTOID, {NULL}},
	{"job", G_JOB, TEXTOID, {NULL}},
	{"street_address", G_STREET_ADDRESS, TEXTOID, {NULL}},
	{"city", G_CITY, TEXTOID, {NULL}},
	{"country", G_COUNTRY, TEXTOID, {NULL}},
	{"postcode", G_POSTCODE, TEXTOID, {NULL}},
	{"url", G_URL, TEXTOID, {NULL}},
	{"ipv4", G_IPV4, TEXTOID, {NULL}},
	{"uuid", G_UUID, UUIDOID, {NULL}},
	{"date", G_DATE, DATEOID, {"min", "max"}},
	{"timestamp", G_TIMESTAMP, TIMESTAMPOID, {"min", "max"}},
	{"timestamptz", G_TIMESTAMPTZ, TIMESTAMPTZOID, {"min", "max"}},
	{"color", G_COLOR, TEXTOID, {NULL}},
	{"choice", G_CHOICE, TEXTOID, {"values", "weights"}},
	{"regex", G_REGEX, TEXTOID, {"pattern", "icase"}},
	{"quantiles", G_QUANTILES, FLOAT8OID, {"points", "scale"}},	/* quantile.c */
};

/* The registry entry of generator NAME, or NULL if there is none. */
static const GenDef *
find_def(const char *name)
{
	for (int i = 0; i < lengthof(gen_defs); i++)
		if (strcmp(gen_defs[i].name, name) == 0)
			return &gen_defs[i];
	return NULL;
}

/*
 * Whether NAME is a generator's name (a spec's "gen" is checked against it).
 */
bool
FakerGenExists(const char *name)
{
	return find_def(name) != NULL;
}

/*
 * Whether generator NAME takes option KEY: the spec reader sends a column's
 * keys that are the generator's options to it, and reports the others.
 */
bool
FakerGenHasOption(const char *name, const char *key)
{
	const GenDef *def = find_def(name);

	if (def)
		for (int i = 0; i < lengthof(def->options) && def->options[i]; i++)
			if (strcmp(def->options[i], key) == 0)
				return true;
	return false;
}

/* ---- option readers (src/options.h), and the few only generators have ---- */

/* A date or timestamp bound given as an ISO string: days or microseconds. */
static int64
opt_time(FakerOptions *o, const char *key, const char *def, GenKind kind)
{
	JsonbValue	v;
	char	   *volatile s = (char *) def;
	volatile int64 result = 0;
	volatile bool ok = true;
	MemoryContext oldcxt = CurrentMemoryContext;

	if (FakerOptValue(o, key, &v))
	{
		if (v.type != jbvString)
			FakerOptError(o, key, "must be a date or timestamp string");
		s = pnstrdup(v.val.string.val, v.val.string.len);
	}
	PG_TRY();
	{
		if (kind == G_DATE)
			result = DatumGetDateADT(DirectFunctionCall1(date_in, CStringGetDatum(s)));
		else
			result = DatumGetTimestamp(DirectFunctionCall3(kind == G_TIMESTAMP ? timestamp_in : timestamptz_in,
														   CStringGetDatum(s), ObjectIdGetDatum(InvalidOid),
														   Int32GetDatum(-1)));
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(oldcxt);
		FlushErrorState();
		ok = false;
	}
	PG_END_TRY();
	if (!ok)
		FakerOptError(o, key, psprintf("is not a valid %s: \"%s\"",
									   kind == G_DATE ? "date" : "timestamp", s));
	if (kind == G_DATE ? DATE_NOT_FINITE((DateADT) result) : TIMESTAMP_NOT_FINITE(result))
		FakerOptError(o, key, "must be finite");
	return result;
}

/* ERROR unless the bound LO is not greater than HI (both option keys). */
static void
check_order(bool ok, FakerOptions *o, const char *lo, const char *hi)
{
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s must not be greater than %s", o->path, lo, hi)));
}

/* Cumulative weights from a jsonb array of N numbers; NULL when absent. */
static double *
opt_cumulative_weights(FakerOptions *o, int n)
{
	int			count;
	double	   *cum = FakerOptWeights(o, "weights", &count, n);
	double		sum = 0;

	if (cum == NULL)
		return NULL;
	for (int i = 0; i < n; i++)
	{
		sum += cum[i];
		cum[i] = sum;
	}
	for (int i = 0; i < n; i++)
		cum[i] /= sum;
	return cum;
}

/* "choice": VALUES (strings, numbers, booleans), optionally WEIGHTS. */
static void
compile_choice(FakerGen *g, FakerOptions *o)
{
	JsonbValue	v;
	JsonbContainer *c;

	if (!FakerOptValue(o, "values", &v))
		FakerOptError(o, "values", "is required");
	if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data) ||
		JsonContainerSize(v.val.binary.data) == 0)
		FakerOptError(o, "values", "must be a non-empty array");
	c = v.val.binary.data;
	g->nvalues = JsonContainerSize(c);
	g->values = palloc(sizeof(char *) * g->nvalues);
	for (int i = 0; i < g->nvalues; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(c, i);

		g->values[i] = FakerJsonbScalarText(e);
		if (g->values[i] == NULL)
			FakerOptError(o, "values", "must hold strings, numbers or booleans");
	}
	g->cum = opt_cumulative_weights(o, g->nvalues);
}

/*
 * "numeric": MIN and MAX as numbers, SCALE digits; the bounds are kept as
 * integers scaled by 10^SCALE, so they must stay within what a double holds
 * exactly.
 */
static void
compile_numeric(FakerGen *g, FakerOptions *o)
{
	double		lo = FakerOptNumber(o, "min", 0);
	double		hi = FakerOptNumber(o, "max", 1000);
	double		mult;

	g->scale = FakerOptInt(o, "scale", 2, 0, 12);
	check_order(lo <= hi, o, "min", "max");
	mult = pow(10, g->scale);
	if (fabs(lo) * mult > 9e15 || fabs(hi) * mult > 9e15)
		FakerOptError(o, "max", "is too large for this scale");
	g->imin = (int64) ceil(lo * mult - 1e-9);
	g->imax = (int64) floor(hi * mult + 1e-9);
	check_order(g->imin <= g->imax, o, "min", "max");
}

/* "regex": a required PATTERN, ICASE; compiled once here (regex.c). */
static void
compile_regex(FakerGen *g, FakerOptions *o)
{
	JsonbValue	v;

	if (!FakerOptValue(o, "pattern", &v))
		FakerOptError(o, "pattern", "is required");
	if (v.type != jbvString)
		FakerOptError(o, "pattern", "must be a string");
	g->regex = GenRegexCompile(pnstrdup(v.val.string.val, v.val.string.len),
							   FakerOptBool(o, "icase", false), o->path);
}

/*
 * Compile generator NAME with the options of SPEC (may be NULL: defaults;
 * PATH prefixes errors): check every option once, so that drawing values
 * needs no checks and no catalog access.
 */
FakerGen *
FakerGenCompile(const char *name, Jsonb *spec, const char *path)
{
	const GenDef *def = find_def(name);
	FakerGen   *g;
	FakerOptions o;

	if (def == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("%s: unknown generator \"%s\"", path, name),
				 errhint("See the generator table in the faker README.")));
	FakerOptionsInit(&o, spec, path, false);
	g = palloc0(sizeof(FakerGen));
	g->kind = def->kind;
	g->restype = def->restype;
	g->maxchars = -1;
	switch (g->kind)
	{
		case G_INT:
			g->imin = FakerOptInt(&o, "min", 0, PG_INT64_MIN, PG_INT64_MAX);
			g->imax = FakerOptInt(&o, "max", 1000000, PG_INT64_MIN, PG_INT64_MAX);
			check_order(g->imin <= g->imax, &o, "min", "max");
			break;
		case G_NUMERIC:
			compile_numeric(g, &o);
			break;
		case G_FLOAT:
			g->fmin = FakerOptNumber(&o, "min", 0);
			g->fmax = FakerOptNumber(&o, "max", 1);
			check_order(g->fmin <= g->fmax, &o, "min", "max");
			break;
		case G_BOOL:
			g->p = FakerOptNumber(&o, "p", 0.5);
			if (g->p < 0 || g->p > 1)
				FakerOptError(&o, "p", "must be between 0 and 1");
			break;
		case G_DIGITS:
			g->n = FakerOptInt(&o, "length", 10, 1, 1000);
			break;
		case G_STRING:
			g->nmin = FakerOptInt(&o, "min_length", 8, 0, 100000);
			g->nmax = FakerOptInt(&o, "max_length", Max(g->nmin, 16), 0, 100000);
			check_order(g->nmin <= g->nmax, &o, "min_length", "max_length");
			break;
		case G_WORDS:
			g->n = FakerOptInt(&o, "n", 3, 1, 10000);
			break;
		case G_SENTENCE:
			g->n = FakerOptInt(&o, "words", 6, 1, 10000);
			break;
		case G_PARAGRAPH:
			g->n = FakerOptInt(&o, "sentences", 3, 1, 1000);
			break;
		case G_DATE:
			g->imin = opt_time(&o, "min", "1970-01-01", G_DATE);
			g->imax = opt_time(&o, "max", "2030-12-31", G_DATE);
			check_order(g->imin <= g->imax, &o, "min", "max");
			break;
		case G_TIMESTAMP:
		case G_TIMESTAMPTZ:
			g->imin = opt_time(&o, "min", "1970-01-01 00:00:00+00", g->kind);
			g->imax = opt_time(&o, "max", "2030-12-31 23:59:59+00", g->kind);
			check_order(g->imin <= g->imax, &o, "min", "max");
			break;
		case G_CHOICE:
			compile_choice(g, &o);
			break;
		case G_REGEX:
			compile_regex(g, &o);
			break;
		case G_QUANTILES:
			GenQuantilesCompile(g, &o);
			break;
		default:
			break;
	}
	return g;
}

/*
 * The type of the Datums GEN makes (a column's type, or the generator's own).
 */
Oid
FakerGenResultType(const FakerGen *gen)
{
	return gen->restype;
}

/*
 * Cap GEN's values at MAXCHARS characters (a column's varchar(n)): for a
 * regex, an error now if even its shortest match is longer; arrays and
 * coercions pass the cap on to their element generator.
 */
void
FakerGenSetMaxLength(FakerGen *gen, int maxchars)
{
	gen->maxchars = maxchars;
	if (gen->kind == G_REGEX)
		GenRegexCheckLength(gen);
	if ((gen->kind == G_ARRAY || gen->kind == G_COERCE) && gen->elem)
		FakerGenSetMaxLength(gen->elem, maxchars);
}

/*
 * Index into G's list, uniform or by its cumulative weights (normalised:
 * the last is 1, so the draw is not scaled).
 */
static int
pick_index(FakerGen *g, FakerRng *rng)
{
	return (int) FakerRngWeighted(rng, g->cum, g->nvalues);
}

/*
 * A text Datum of the LEN bytes at S, cut to G's cap at a character boundary.
 */
static Datum
make_text(FakerGen *g, const char *s, int len)
{
	if (g->maxchars >= 0 && len > g->maxchars)
		len = pg_mbcharcliplen(s, len, g->maxchars);
	return PointerGetDatum(cstring_to_text_with_len(s, len));
}

/*
 * The numeric SCALED / 10^SCALE, written out as decimal text and read by
 * numeric_in: exact, where a double would round the last digits.
 */
static Datum
make_numeric(int64 scaled, int scale)
{
	char		buf[64];
	int			len;
	uint64		mag = scaled < 0 ? -(uint64) scaled : (uint64) scaled;
	uint64		pow10 = 1;

	for (int i = 0; i < scale; i++)
		pow10 *= 10;
	if (scale == 0)
		len = snprintf(buf, sizeof(buf), "%s" UINT64_FORMAT, scaled < 0 ? "-" : "", mag);
	else
		len = snprintf(buf, sizeof(buf), "%s" UINT64_FORMAT ".%0*" INT64_MODIFIER "u",
					   scaled < 0 ? "-" : "", mag / pow10, scale, mag % pow10);
	(void) len;
	return DirectFunctionCall3(numeric_in, CStringGetDatum(buf),
							   ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
}

/*
 * A value of G that APPEND writes as text and FINISH converts: the text
 * generators, the kinds read by a type's input function (typed.c).  The
 * text generators write into the session's scratch buffer (they make no
 * other value meanwhile); the typed kinds, whose elements may be values
 * built the same way, into a buffer of their own, freed at once, as a call
 * makes many values in one memory context.
 */
Datum
GenBuildDatum(FakerGen *g, FakerRng *rng, GenAppendFn append, GenFinishFn finish)
{
	StringInfoData own;
	Datum		d;

	if (append == GenAppendText)
	{
		StringInfo	buf = GenScratch(GEN_SCRATCH_VALUE);

		append(g, rng, buf);
		return finish(g, buf->data, buf->len);
	}
	initStringInfo(&own);
	append(g, rng, &own);
	d = finish(g, own.data, own.len);
	pfree(own.data);
	return d;
}

/* The text generators (gentext.c), cut to the column's length. */
static Datum
text_value(FakerGen *g, FakerRng *rng)
{
	return GenBuildDatum(g, rng, GenAppendText, make_text);
}

/* "int": an integer of the column's own integer type (int8 unless bound to another). */
static Datum
int_value(FakerGen *g, FakerRng *rng)
{
	int64		v = FakerRngRange(rng, g->imin, g->imax);

	if (g->restype == INT2OID)
		return Int16GetDatum((int16) v);
	if (g->restype == INT4OID)
		return Int32GetDatum((int32) v);
	if (g->restype == OIDOID)
		return ObjectIdGetDatum((Oid) v);
	return Int64GetDatum(v);
}

/* "float": uniform in [min, max), float8 or float4. */
static Datum
float_value(FakerGen *g, FakerRng *rng)
{
	double		v = g->fmin + (g->fmax - g->fmin) * FakerRngDouble(rng);

	if (g->restype == FLOAT4OID)
		return Float4GetDatum((float4) v);
	return Float8GetDatum(v);
}

/* "uuid": a random (version 4) UUID. */
static Datum
uuid_value(FakerGen *g, FakerRng *rng)
{
	pg_uuid_t  *u = palloc(sizeof(pg_uuid_t));
	uint64		a = FakerRngNext(rng),
				b = FakerRngNext(rng);

	memcpy(u->data, &a, 8);
	memcpy(u->data + 8, &b, 8);
	u->data[6] = (u->data[6] & 0x0f) | 0x40;	/* version 4 */
	u->data[8] = (u->data[8] & 0x3f) | 0x80;	/* RFC 4122 variant */
	return UUIDPGetDatum(u);
}

/* "choice": one of the values, uniformly or by weight. */
static Datum
choice_value(FakerGen *g, FakerRng *rng)
{
	const char *s = g->values[pick_index(g, rng)];

	return make_text(g, s, strlen(s));
}

/* A value inside stratum I (gen.h): a choice's value I, a quantile segment's. */
Datum
FakerGenNextInStratum(FakerGen *g, int i, FakerRng *rng)
{
	if (g->kind == G_QUANTILES)
		return GenQuantilesInSegment(g, i, rng);
	Assert(g->kind == G_CHOICE && i >= 0 && i < g->nvalues);
	return make_text(g, g->values[i], strlen(g->values[i]));
}

/*
 * The next value of G from RNG, of type FakerGenResultType(G): a flat
 * dispatch on the kind.
 */
Datum
FakerGenNext(FakerGen *g, FakerRng *rng)
{
	switch (g->kind)
	{
		case G_INT:
			return int_value(g, rng);
		case G_NUMERIC:
			return make_numeric(FakerRngRange(rng, g->imin, g->imax), g->scale);
		case G_FLOAT:
			return float_value(g, rng);
		case G_BOOL:
			return BoolGetDatum(FakerRngDouble(rng) < g->p);
		case G_UUID:
			return uuid_value(g, rng);
		case G_DATE:
			return DateADTGetDatum((DateADT) FakerRngRange(rng, g->imin, g->imax));
		case G_TIMESTAMP:
		case G_TIMESTAMPTZ:
			return TimestampGetDatum(FakerRngRange(rng, g->imin, g->imax));
		case G_CHOICE:
			return choice_value(g, rng);
		case G_ENUM:
			return ObjectIdGetDatum(g->labels[pick_index(g, rng)]);
		case G_REGEX:
			return GenRegexNext(g, rng);
		case G_QUANTILES:
			return GenQuantilesNext(g, rng);
		case G_JSON:
		case G_JSONB:
		case G_TIME:
		case G_INTERVAL:
		case G_BYTEA:
		case G_INET:
		case G_ARRAY:
		case G_DECIMAL:
		case G_MONEY:
		case G_TIMETZ:
		case G_RANGE:
		case G_MULTIRANGE:
		case G_COMPOSITE:
		case G_COERCE:
		case G_INPUT:
			return GenNextTyped(g, rng);
		default:
			return text_value(g, rng);
	}
}

/*
 * The next value of GEN as text, in its type's output form: what
 * faker_gen(name, options), whose generator is chosen at run time and
 * whose result type is text, returns.
 */
char *
FakerGenNextCString(FakerGen *gen, FakerRng *rng)
{
	Oid			out;
	bool		isvarlena;
	Datum		d = FakerGenNext(gen, rng);

	if (gen->restype == TEXTOID)
		return TextDatumGetCString(d);
	getTypeOutputInfo(gen->restype, &out, &isvarlena);
	return OidOutputFunctionCall(out, d);
}
