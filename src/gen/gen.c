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

static const GenDef *
find_def(const char *name)
{
	for (int i = 0; i < lengthof(gen_defs); i++)
		if (strcmp(gen_defs[i].name, name) == 0)
			return &gen_defs[i];
	return NULL;
}

bool
FakerGenExists(const char *name)
{
	return find_def(name) != NULL;
}

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

/* ---- option readers: NULL spec or missing key gives the default ---- */

static bool
opt_get(Jsonb *spec, const char *key, JsonbValue *out)
{
	if (spec == NULL || !JB_ROOT_IS_OBJECT(spec))
		return false;
	return getKeyJsonValueFromContainer(&spec->root, key, strlen(key), out) != NULL &&
		out->type != jbvNull;
}

static void
opt_error(const char *path, const char *key, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("%s.%s: %s", path, key, what)));
}

static double
opt_float(Jsonb *spec, const char *key, double def, const char *path)
{
	JsonbValue	v;
	double		d;

	if (!opt_get(spec, key, &v))
		return def;
	if (v.type != jbvNumeric)
		opt_error(path, key, "must be a number");
	d = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v.val.numeric)));
	if (isnan(d) || isinf(d))
		opt_error(path, key, "must be a finite number");
	return d;
}

static int64
opt_int(Jsonb *spec, const char *key, int64 def, const char *path)
{
	JsonbValue	v;
	double		d;

	if (!opt_get(spec, key, &v))
		return def;
	if (v.type != jbvNumeric)
		opt_error(path, key, "must be an integer");
	d = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(v.val.numeric)));
	if (isnan(d) || d != floor(d) ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(v.val.numeric),
										  DirectFunctionCall1(int8_numeric, Int64GetDatum(PG_INT64_MAX)))) > 0 ||
		DatumGetInt32(DirectFunctionCall2(numeric_cmp, NumericGetDatum(v.val.numeric),
										  DirectFunctionCall1(int8_numeric, Int64GetDatum(PG_INT64_MIN)))) < 0)
		opt_error(path, key, "must be an integer within the bigint range");
	/* numeric_int8 is exact once the range is known to fit */
	return DatumGetInt64(DirectFunctionCall1(numeric_int8, NumericGetDatum(v.val.numeric)));
}

/* A count or length option: an integer in [lo, hi]. */
static int
opt_count(Jsonb *spec, const char *key, int def, int lo, int hi, const char *path)
{
	int64		v = opt_int(spec, key, def, path);

	if (v < lo || v > hi)
		opt_error(path, key, psprintf("must be between %d and %d", lo, hi));
	return (int) v;
}

/* A date or timestamp bound given as an ISO string: days or microseconds. */
static int64
opt_time(Jsonb *spec, const char *key, const char *def, GenKind kind, const char *path)
{
	JsonbValue	v;
	char	   *volatile s = (char *) def;
	volatile int64 result = 0;
	volatile bool ok = true;
	MemoryContext oldcxt = CurrentMemoryContext;

	if (opt_get(spec, key, &v))
	{
		if (v.type != jbvString)
			opt_error(path, key, "must be a date or timestamp string");
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
		opt_error(path, key, psprintf("is not a valid %s: \"%s\"",
									  kind == G_DATE ? "date" : "timestamp", s));
	if (kind == G_DATE ? DATE_NOT_FINITE((DateADT) result) : TIMESTAMP_NOT_FINITE(result))
		opt_error(path, key, "must be finite");
	return result;
}

static bool
opt_bool(Jsonb *spec, const char *key, bool def, const char *path)
{
	JsonbValue	v;

	if (!opt_get(spec, key, &v))
		return def;
	if (v.type != jbvBool)
		opt_error(path, key, "must be true or false");
	return v.val.boolean;
}

static void
check_order(bool ok, const char *path, const char *lo, const char *hi)
{
	if (!ok)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s: %s must not be greater than %s", path, lo, hi)));
}

/* Cumulative weights from a jsonb array of N numbers; NULL when absent. */
static double *
opt_weights(Jsonb *spec, int n, const char *path)
{
	JsonbValue	v;
	double	   *cum;
	double		sum = 0;

	if (!opt_get(spec, "weights", &v))
		return NULL;
	if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data))
		opt_error(path, "weights", "must be an array of numbers");
	if (JsonContainerSize(v.val.binary.data) != n)
		opt_error(path, "weights", psprintf("must have one weight per value (%d)", n));
	cum = palloc(sizeof(double) * n);
	for (int i = 0; i < n; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(v.val.binary.data, i);
		double		w;

		if (e->type != jbvNumeric)
			opt_error(path, "weights", "must be an array of numbers");
		w = DatumGetFloat8(DirectFunctionCall1(numeric_float8, NumericGetDatum(e->val.numeric)));
		if (!(w >= 0) || isinf(w))
			opt_error(path, "weights", "must be finite and non-negative");
		sum += w;
		cum[i] = sum;
	}
	if (sum <= 0)
		opt_error(path, "weights", "must not all be zero");
	for (int i = 0; i < n; i++)
		cum[i] /= sum;
	return cum;
}

static void
compile_choice(FakerGen *g, Jsonb *spec, const char *path)
{
	JsonbValue	v;
	JsonbContainer *c;

	if (!opt_get(spec, "values", &v))
		opt_error(path, "values", "is required");
	if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data) ||
		JsonContainerSize(v.val.binary.data) == 0)
		opt_error(path, "values", "must be a non-empty array");
	c = v.val.binary.data;
	g->nvalues = JsonContainerSize(c);
	g->values = palloc(sizeof(char *) * g->nvalues);
	for (int i = 0; i < g->nvalues; i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(c, i);

		g->values[i] = FakerJsonbScalarText(e);
		if (g->values[i] == NULL)
			opt_error(path, "values", "must hold strings, numbers or booleans");
	}
	g->cum = opt_weights(spec, g->nvalues, path);
}

FakerGen *
FakerGenCompile(const char *name, Jsonb *spec, const char *path)
{
	const GenDef *def = find_def(name);
	FakerGen   *g;

	if (def == NULL)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("%s: unknown generator \"%s\"", path, name),
				 errhint("See the generator table in the faker README.")));
	g = palloc0(sizeof(FakerGen));
	g->kind = def->kind;
	g->restype = def->restype;
	g->maxchars = -1;
	switch (g->kind)
	{
		case G_INT:
			g->imin = opt_int(spec, "min", 0, path);
			g->imax = opt_int(spec, "max", 1000000, path);
			check_order(g->imin <= g->imax, path, "min", "max");
			break;
		case G_NUMERIC:
			{
				double		lo = opt_float(spec, "min", 0, path);
				double		hi = opt_float(spec, "max", 1000, path);
				double		mult;

				g->scale = opt_count(spec, "scale", 2, 0, 12, path);
				check_order(lo <= hi, path, "min", "max");
				mult = pow(10, g->scale);
				if (fabs(lo) * mult > 9e15 || fabs(hi) * mult > 9e15)
					opt_error(path, "max", "is too large for this scale");
				g->imin = (int64) ceil(lo * mult - 1e-9);
				g->imax = (int64) floor(hi * mult + 1e-9);
				check_order(g->imin <= g->imax, path, "min", "max");
			}
			break;
		case G_FLOAT:
			g->fmin = opt_float(spec, "min", 0, path);
			g->fmax = opt_float(spec, "max", 1, path);
			check_order(g->fmin <= g->fmax, path, "min", "max");
			break;
		case G_BOOL:
			g->p = opt_float(spec, "p", 0.5, path);
			if (g->p < 0 || g->p > 1)
				opt_error(path, "p", "must be between 0 and 1");
			break;
		case G_DIGITS:
			g->n = opt_count(spec, "length", 10, 1, 1000, path);
			break;
		case G_STRING:
			g->nmin = opt_count(spec, "min_length", 8, 0, 100000, path);
			g->nmax = opt_count(spec, "max_length", Max(g->nmin, 16), 0, 100000, path);
			check_order(g->nmin <= g->nmax, path, "min_length", "max_length");
			break;
		case G_WORDS:
			g->n = opt_count(spec, "n", 3, 1, 10000, path);
			break;
		case G_SENTENCE:
			g->n = opt_count(spec, "words", 6, 1, 10000, path);
			break;
		case G_PARAGRAPH:
			g->n = opt_count(spec, "sentences", 3, 1, 1000, path);
			break;
		case G_DATE:
			g->imin = opt_time(spec, "min", "1970-01-01", G_DATE, path);
			g->imax = opt_time(spec, "max", "2030-12-31", G_DATE, path);
			check_order(g->imin <= g->imax, path, "min", "max");
			break;
		case G_TIMESTAMP:
		case G_TIMESTAMPTZ:
			g->imin = opt_time(spec, "min", "1970-01-01 00:00:00+00", g->kind, path);
			g->imax = opt_time(spec, "max", "2030-12-31 23:59:59+00", g->kind, path);
			check_order(g->imin <= g->imax, path, "min", "max");
			break;
		case G_CHOICE:
			compile_choice(g, spec, path);
			break;
		case G_REGEX:
			{
				JsonbValue	v;

				if (!opt_get(spec, "pattern", &v))
					opt_error(path, "pattern", "is required");
				if (v.type != jbvString)
					opt_error(path, "pattern", "must be a string");
				g->regex = GenRegexCompile(pnstrdup(v.val.string.val, v.val.string.len),
										   opt_bool(spec, "icase", false, path), path);
			}
			break;
		case G_QUANTILES:
			GenQuantilesCompile(g, spec, path);
			break;
		default:
			break;
	}
	return g;
}

Oid
FakerGenResultType(const FakerGen *gen)
{
	return gen->restype;
}

void
FakerGenSetMaxLength(FakerGen *gen, int maxchars)
{
	gen->maxchars = maxchars;
	if (gen->kind == G_REGEX)
		GenRegexCheckLength(gen);
	if ((gen->kind == G_ARRAY || gen->kind == G_COERCE) && gen->elem)
		FakerGenSetMaxLength(gen->elem, maxchars);
}

/* Index into a list, uniform or by cumulative weights. */
static int
pick_index(FakerGen *g, FakerRng *rng)
{
	double		u;
	int			lo = 0,
				hi = g->nvalues - 1;

	if (g->cum == NULL)
		return (int) FakerRngBelow(rng, g->nvalues);
	u = FakerRngDouble(rng);
	while (lo < hi)				/* first index with cum > u */
	{
		int			mid = (lo + hi) / 2;

		if (g->cum[mid] > u)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static Datum
make_text(FakerGen *g, const char *s, int len)
{
	if (g->maxchars >= 0 && len > g->maxchars)
		len = pg_mbcharcliplen(s, len, g->maxchars);
	return PointerGetDatum(cstring_to_text_with_len(s, len));
}

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

Datum
FakerGenNext(FakerGen *g, FakerRng *rng)
{
	switch (g->kind)
	{
		case G_INT:
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
		case G_NUMERIC:
			return make_numeric(FakerRngRange(rng, g->imin, g->imax), g->scale);
		case G_FLOAT:
			{
				double		v = g->fmin + (g->fmax - g->fmin) * FakerRngDouble(rng);

				if (g->restype == FLOAT4OID)
					return Float4GetDatum((float4) v);
				return Float8GetDatum(v);
			}
		case G_BOOL:
			return BoolGetDatum(FakerRngDouble(rng) < g->p);
		case G_UUID:
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
		case G_DATE:
			return DateADTGetDatum((DateADT) FakerRngRange(rng, g->imin, g->imax));
		case G_TIMESTAMP:
		case G_TIMESTAMPTZ:
			return TimestampGetDatum(FakerRngRange(rng, g->imin, g->imax));
		case G_CHOICE:
			{
				const char *s = g->values[pick_index(g, rng)];

				return make_text(g, s, strlen(s));
			}
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
			{
				StringInfoData buf;
				Datum		d;

				initStringInfo(&buf);
				GenAppendText(g, rng, &buf);
				d = make_text(g, buf.data, buf.len);
				pfree(buf.data);
				return d;
			}
	}
}

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
