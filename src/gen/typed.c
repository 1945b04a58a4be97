/*
 * typed.c: values of the kinds only column defaults make (types.c chooses
 * them): json objects, times, ranges, composites, network and geometric
 * types, and the types built as text for their input function (tsvector,
 * bit strings, hstore, ltree, PostGIS geometries...).
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/cash.h"
#include "utils/date.h"
#include "utils/multirangetypes.h"
#include "utils/numeric.h"
#include "utils/rangetypes.h"
#include "utils/timestamp.h"
#include "utils/typcache.h"

#include "gen/genpriv.h"
#include "gen/words.h"

/* A lorem word: the words of the json, hstore, tsvector and jsonpath values. */
static inline const char *
word(FakerRng *rng)
{
	return GenPick(&faker_lorem, rng);
}

/* A uniform double in [LO, HI). */
static inline double
uniform(FakerRng *rng, double lo, double hi)
{
	return lo + (hi - lo) * FakerRngDouble(rng);
}

/* ---- json: small objects ---- */

typedef enum JsonVal
{
	JV_INT, JV_WORD, JV_BOOL, JV_SCORE, JV_TAGS, JV_TEXT
} JsonVal;

/*
 * Append a small JSON object: one to three keys of a fixed set of eight,
 * visited from a random start in steps of 1 to 3 (three steps never come
 * back to a key), each with a value of its kind (a number, a word, a bool,
 * tags, a text).
 */
static void
append_json_object(StringInfo buf, FakerRng *rng)
{
	static const struct
	{
		const char *key;
		JsonVal		val;
	}			keys[] = {
		{"id", JV_INT}, {"name", JV_WORD}, {"active", JV_BOOL}, {"score", JV_SCORE},
		{"tags", JV_TAGS}, {"note", JV_TEXT}, {"type", JV_WORD}, {"count", JV_SCORE},
	};
	int			n = 1 + (int) FakerRngBelow(rng, 3);
	int			start = (int) FakerRngBelow(rng, lengthof(keys));
	int			step = 1 + (int) FakerRngBelow(rng, 3);	/* coprime with 8 when odd */

	if (step == 2)
		step = 5;
	appendStringInfoChar(buf, '{');
	for (int i = 0; i < n; i++)
	{
		int			k = (start + i * step) % lengthof(keys);

		appendStringInfo(buf, "%s\"%s\": ", i ? ", " : "", keys[k].key);
		switch (keys[k].val)
		{
			case JV_INT:
				appendStringInfo(buf, "%d", 1 + (int) FakerRngBelow(rng, 1000));
				break;
			case JV_SCORE:
				appendStringInfo(buf, "%d", (int) FakerRngBelow(rng, 101));
				break;
			case JV_WORD:
				appendStringInfo(buf, "\"%s\"", word(rng));
				break;
			case JV_BOOL:
				appendStringInfoString(buf, FakerRngBelow(rng, 2) ? "true" : "false");
				break;
			case JV_TAGS:
				appendStringInfo(buf, "[\"%s\", \"%s\"]", word(rng), word(rng));
				break;
			case JV_TEXT:
				appendStringInfo(buf, "\"%s %s %s\"", word(rng), word(rng), word(rng));
				break;
		}
	}
	appendStringInfoChar(buf, '}');
}

/* ---- geometry (PostGIS) as EWKT ---- */

/* A lon/lat point of the box lon [-179, 179], lat [-59, 69]. */
typedef struct GeoPt
{
	double		x,
				y;
} GeoPt;

/*
 * Append the coordinates of point P (longitude, latitude) in G's spatial
 * reference: degrees, or metres for web mercator (3857); Z and M values
 * when G's type has them.
 */
static void
append_coord(StringInfo buf, FakerGen *g, FakerRng *rng, GeoPt p)
{
	double		x = p.x,
				y = p.y;

	if (g->srid == 3857)		/* web mercator metres */
	{
		x = p.x * 20037508.34 / 180;
		y = log(tan((90 + p.y) * M_PI / 360)) / (M_PI / 180) * 20037508.34 / 180;
	}
	appendStringInfo(buf, "%.6f %.6f", x, y);
	if (g->hasz)
		appendStringInfo(buf, " %.2f", uniform(rng, 0, 1000));
	if (g->hasm)
		appendStringInfo(buf, " %.2f", uniform(rng, 0, 100));
}

/* A random centre for a geometry: longitude 179 W to 179 E, latitude 59 S to 69 N. */
static GeoPt
geo_center(FakerRng *rng)
{
	GeoPt		c = {uniform(rng, -179, 179), uniform(rng, -59, 69)};

	return c;
}

/* A simple counter-clockwise ring of K points around C (closed). */
static void
append_ring(StringInfo buf, FakerGen *g, FakerRng *rng, GeoPt c, double r, bool triangle)
{
	int			k = triangle ? 3 : 4 + (int) FakerRngBelow(rng, 3);
	GeoPt		first = {0, 0};

	appendStringInfoChar(buf, '(');
	for (int i = 0; i < k; i++)
	{
		double		a = 2 * M_PI * (i + 0.8 * FakerRngDouble(rng)) / k;
		double		rr = r * uniform(rng, 0.4, 1);
		GeoPt		p = {c.x + rr * cos(a), c.y + rr * sin(a)};

		if (i == 0)
			first = p;
		append_coord(buf, g, rng, p);
		appendStringInfoString(buf, ", ");
	}
	append_coord(buf, g, rng, first);
	appendStringInfoChar(buf, ')');
}

/* Append a line string of 2 to 5 points wandering from C in small steps. */
static void
append_line(StringInfo buf, FakerGen *g, FakerRng *rng, GeoPt c)
{
	int			k = 2 + (int) FakerRngBelow(rng, 4);

	appendStringInfoChar(buf, '(');
	for (int i = 0; i < k; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, ", ");
		append_coord(buf, g, rng, c);
		c.x += uniform(rng, -0.05, 0.05);
		c.y += uniform(rng, -0.05, 0.05);
	}
	appendStringInfoChar(buf, ')');
}

/* One geometry of type T (PostGIS numbering) without its type name's "Z"/"M". */
static void
append_geometry(StringInfo buf, FakerGen *g, FakerRng *rng, int t, GeoPt c)
{
	static const char *const names[] = {"GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
		"MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION", "", "", "", "", "", "", "TRIANGLE"};
	int			parts = 1 + (int) FakerRngBelow(rng, 3);

	appendStringInfoString(buf, names[t]);
	if (g->hasz || g->hasm)
		appendStringInfo(buf, " %s%s ", g->hasz ? "Z" : "", g->hasm ? "M" : "");
	switch (t)
	{
		case 1:
			appendStringInfoChar(buf, '(');
			append_coord(buf, g, rng, c);
			appendStringInfoChar(buf, ')');
			break;
		case 2:
			append_line(buf, g, rng, c);
			break;
		case 3:
		case 14:
			appendStringInfoChar(buf, '(');
			append_ring(buf, g, rng, c, uniform(rng, 0.01, 0.1), t == 14);
			appendStringInfoChar(buf, ')');
			break;
		case 4:
		case 5:
		case 6:
			/* parts side by side, 0.25 degrees apart: they do not overlap */
			appendStringInfoChar(buf, '(');
			for (int i = 0; i < parts; i++)
			{
				GeoPt		pc = {c.x + 0.25 * i, c.y};

				if (i > 0)
					appendStringInfoString(buf, ", ");
				if (t == 4)
				{
					appendStringInfoChar(buf, '(');
					append_coord(buf, g, rng, pc);
					appendStringInfoChar(buf, ')');
				}
				else if (t == 5)
					append_line(buf, g, rng, pc);
				else
				{
					appendStringInfoChar(buf, '(');
					append_ring(buf, g, rng, pc, uniform(rng, 0.01, 0.1), false);
					appendStringInfoChar(buf, ')');
				}
			}
			appendStringInfoChar(buf, ')');
			break;
		case 7:
			{
				GeoPt		c2 = {c.x + 0.25, c.y};

				/* a point and a line, with the collection's dimensions */
				appendStringInfoChar(buf, '(');
				append_geometry(buf, g, rng, 1, c);
				appendStringInfoString(buf, ", ");
				append_geometry(buf, g, rng, 2, c2);
				appendStringInfoChar(buf, ')');
			}
			break;
	}
}

/* ---- the text forms of G_INPUT ---- */

/* Append N random bits as '0'/'1' (a bit or varbit value; N can be large). */
static void
append_bits(StringInfo buf, FakerRng *rng, int n)
{
	for (int i = 0; i < n; i++)
	{
		if ((i & 4095) == 4095)
			CHECK_FOR_INTERRUPTS();
		appendStringInfoChar(buf, FakerRngBelow(rng, 2) ? '1' : '0');
	}
}

/* Append a point "(x,y)" of the plane, both in [-1000, 1000). */
static void
append_xy(StringInfo buf, FakerRng *rng)
{
	appendStringInfo(buf, "(%.3f,%.3f)", uniform(rng, -1000, 1000), uniform(rng, -1000, 1000));
}

/* "tsquery": a word, and up to two more joined by &, | or <->. */
static void
append_tsquery(FakerRng *rng, StringInfo buf)
{
	static const char *const ops[] = {" & ", " | ", " <-> "};

	appendStringInfoString(buf, word(rng));
	for (int i = (int) FakerRngBelow(rng, 3); i > 0; i--)
		appendStringInfo(buf, "%s%s", ops[FakerRngBelow(rng, 3)], word(rng));
}

/* "cidr": a network of a public IPv4 address, prefix length 8 to 32, host bits zero. */
static void
append_cidr(FakerRng *rng, StringInfo buf)
{
	int			len = 8 + (int) FakerRngBelow(rng, 25);
	uint32		a = (uint32) ((1 + FakerRngBelow(rng, 223)) << 24 | FakerRngBelow(rng, 1 << 24));

	a &= len == 32 ? 0xFFFFFFFF : ~(0xFFFFFFFFu >> len);
	appendStringInfo(buf, "%u.%u.%u.%u/%d", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255, len);
}

/* macaddr and macaddr8: unicast, locally administered addresses. */
static void
append_macaddr(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	int			n = g->form == F_MACADDR ? 6 : 8;

	for (int i = 0; i < n; i++)
	{
		int			b = (int) FakerRngBelow(rng, 256);

		if (i == 0)
			b = (b & ~1) | 2;	/* unicast, locally administered */
		appendStringInfo(buf, "%s%02x", i ? ":" : "", b);
	}
}

/* "path": an open path of 2 to 5 points. */
static void
append_path(FakerRng *rng, StringInfo buf)
{
	int			n = 2 + (int) FakerRngBelow(rng, 4);

	appendStringInfoChar(buf, '[');
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			appendStringInfoChar(buf, ',');
		append_xy(buf, rng);
	}
	appendStringInfoChar(buf, ']');
}

/* "polygon": 3 to 6 points around a circle, in order, so that it is simple. */
static void
append_polygon(FakerRng *rng, StringInfo buf)
{
	int			n = 3 + (int) FakerRngBelow(rng, 4);
	double		cx = uniform(rng, -1000, 1000),
				cy = uniform(rng, -1000, 1000),
				r = uniform(rng, 1, 50);

	appendStringInfoChar(buf, '(');
	for (int i = 0; i < n; i++)
	{
		double		a = 2 * M_PI * (i + 0.8 * FakerRngDouble(rng)) / n;

		appendStringInfo(buf, "%s(%.3f,%.3f)", i ? "," : "", cx + r * cos(a), cy + r * sin(a));
	}
	appendStringInfoChar(buf, ')');
}

/* "hstore": 1 to 3 pairs of words, keys numbered to stay distinct. */
static void
append_hstore(FakerRng *rng, StringInfo buf)
{
	int			n = 1 + (int) FakerRngBelow(rng, 3);

	for (int i = 0; i < n; i++)
		appendStringInfo(buf, "%s\"%s%d\"=>\"%s\"", i ? ", " : "", word(rng), i, word(rng));
}

/*
 * The text form of a value of one of the types made through their input
 * function (G_INPUT: tsvector, bit, inet, geometric types...), by G->form.
 */
static void
append_form(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	switch (g->form)
	{
		case F_TSVECTOR:
			GenAppendWords(buf, rng, 1 + (int) FakerRngBelow(rng, 6), " ");
			break;
		case F_TSQUERY:
			append_tsquery(rng, buf);
			break;
		case F_BIT:
			append_bits(buf, rng, g->typmod > 0 ? g->typmod : 1);
			break;
		case F_VARBIT:
			append_bits(buf, rng, 1 + (int) FakerRngBelow(rng, g->typmod > 0 ? Min(g->typmod, 64) : 16));
			break;
		case F_CIDR:
			append_cidr(rng, buf);
			break;
		case F_MACADDR:
		case F_MACADDR8:
			append_macaddr(g, rng, buf);
			break;
		case F_XML:
			appendStringInfo(buf, "<item id=\"%d\"><name>%s</name><note>%s %s</note></item>",
							 1 + (int) FakerRngBelow(rng, 1000), word(rng), word(rng), word(rng));
			break;
		case F_POINT:
			append_xy(buf, rng);
			break;
		case F_LINE:
			appendStringInfo(buf, "{%.3f,%.3f,%.3f}", uniform(rng, 0.5, 10) * (FakerRngBelow(rng, 2) ? 1 : -1),
							 uniform(rng, -10, 10), uniform(rng, -100, 100));
			break;
		case F_LSEG:
		case F_BOX:
			appendStringInfoString(buf, g->form == F_LSEG ? "[" : "");
			append_xy(buf, rng);
			appendStringInfoChar(buf, ',');
			append_xy(buf, rng);
			appendStringInfoString(buf, g->form == F_LSEG ? "]" : "");
			break;
		case F_PATH:
			append_path(rng, buf);
			break;
		case F_POLYGON:
			append_polygon(rng, buf);
			break;
		case F_CIRCLE:
			appendStringInfoChar(buf, '<');
			append_xy(buf, rng);
			appendStringInfo(buf, ",%.3f>", uniform(rng, 0.5, 100));
			break;
		case F_JSONPATH:
			appendStringInfo(buf, "$.%s%s", word(rng), FakerRngBelow(rng, 2) ? "[*]" : "");
			break;
		case F_PG_LSN:
			appendStringInfo(buf, "%X/%X", (unsigned) FakerRngBelow(rng, 256),
							 (unsigned) FakerRngBelow(rng, (uint64) 1 << 32));
			break;
		case F_CHAR:
			appendStringInfoChar(buf, (char) ('a' + FakerRngBelow(rng, 26)));
			break;
		case F_HSTORE:
			append_hstore(rng, buf);
			break;
		case F_LTREE:
			GenAppendWords(buf, rng, 1 + (int) FakerRngBelow(rng, 4), ".");
			break;
		case F_GEOMETRY:
			if (g->srid != 0)
				appendStringInfo(buf, "SRID=%d;", g->srid);
			append_geometry(buf, g, rng, g->geotype, geo_center(rng));
			break;
	}
}

/* ---- numbers with many digits ---- */

/* numeric: g->n random significant digits, g->scale of them (or zeros) after the point. */
static Datum
decimal_value(FakerGen *g, FakerRng *rng)
{
	StringInfoData buf;
	char	   *digits = palloc(g->n + 1);
	Datum		d;

	for (int i = 0; i < g->n; i++)
		digits[i] = (char) ('0' + FakerRngBelow(rng, 10));
	digits[g->n] = '\0';
	initStringInfo(&buf);
	if (g->scale <= 0)
		appendStringInfo(&buf, "%s%0*d", digits, -g->scale, 0);
	else if (g->scale >= g->n)
		appendStringInfo(&buf, "0.%0*d%s", g->scale - g->n, 0, digits);
	else
		appendStringInfo(&buf, "%.*s.%s", g->n - g->scale, digits, digits + g->n - g->scale);
	d = DirectFunctionCall3(numeric_in, CStringGetDatum(buf.data), ObjectIdGetDatum(InvalidOid),
							Int32GetDatum(-1));
	pfree(buf.data);
	pfree(digits);
	return d;
}

/* ---- ranges ---- */

/*
 * A range of G's range type: two values of its element generator, in
 * order, as its bounds, both inclusive so that equal values still make a
 * non-empty range (make_range canonicalises discrete types).
 */
static RangeType *
range_value(FakerGen *g, FakerRng *rng)
{
	TypeCacheEntry *tc = g->rngcache;
	Datum		a = FakerGenNext(g->elem, rng),
				b = FakerGenNext(g->elem, rng);
	RangeBound	lower,
				upper;

	if (DatumGetInt32(FunctionCall2Coll(&tc->rng_cmp_proc_finfo, tc->rng_collation, a, b)) > 0)
	{
		Datum		t = a;

		a = b;
		b = t;
	}
	lower.val = a;
	lower.infinite = false;
	lower.inclusive = true;
	lower.lower = true;
	upper.val = b;
	upper.infinite = false;
	upper.inclusive = true;		/* [a, a] is never empty */
	upper.lower = false;
	return make_range(tc, &lower, &upper, false);
}

/* json and jsonb: a small random object. */
static Datum
json_value(FakerGen *g, FakerRng *rng)
{
	StringInfoData buf;
	Datum		d;

	initStringInfo(&buf);
	append_json_object(&buf, rng);
	d = g->kind == G_JSON ? CStringGetTextDatum(buf.data) :
		DirectFunctionCall1(jsonb_in, CStringGetDatum(buf.data));
	pfree(buf.data);
	return d;
}

/* timetz: a time of day in one of a few common zones. */
static Datum
timetz_value(FakerGen *g, FakerRng *rng)
{
	/* zones in seconds west of UTC */
	static const int32 zones[] = {0, -3600, -7200, 18000, 21600, 25200, 28800, -19800, -32400, -36000};
	TimeTzADT  *t = palloc(sizeof(TimeTzADT));

	t->time = (TimeADT) FakerRngBelow(rng, USECS_PER_DAY);
	t->zone = zones[FakerRngBelow(rng, lengthof(zones))];
	return TimeTzADTPGetDatum(t);
}

/* interval: under a year, in whole seconds. */
static Datum
interval_value(FakerGen *g, FakerRng *rng)
{
	Interval   *iv = palloc0(sizeof(Interval));

	iv->day = (int32) FakerRngBelow(rng, 365);
	iv->time = (TimeOffset) FakerRngBelow(rng, USECS_PER_DAY / USECS_PER_SEC) * USECS_PER_SEC;
	return IntervalPGetDatum(iv);
}

/* bytea: 4 to 16 random bytes. */
static Datum
bytea_value(FakerGen *g, FakerRng *rng)
{
	int			len = 4 + (int) FakerRngBelow(rng, 13);
	bytea	   *b = palloc(VARHDRSZ + len);

	SET_VARSIZE(b, VARHDRSZ + len);
	for (int i = 0; i < len; i++)
		VARDATA(b)[i] = (char) FakerRngBelow(rng, 256);
	return PointerGetDatum(b);
}

/* inet: a public-looking IPv4 host address. */
static Datum
inet_value(FakerGen *g, FakerRng *rng)
{
	char		buf[32];

	snprintf(buf, sizeof(buf), "%d.%d.%d.%d", 1 + (int) FakerRngBelow(rng, 223),
			 (int) FakerRngBelow(rng, 256), (int) FakerRngBelow(rng, 256),
			 1 + (int) FakerRngBelow(rng, 254));
	return DirectFunctionCall1(inet_in, CStringGetDatum(buf));
}

/* An array of 0 to 3 elements of the element generator. */
static Datum
array_value(FakerGen *g, FakerRng *rng)
{
	int			n = (int) FakerRngBelow(rng, 4);
	Datum	   *elems = palloc(sizeof(Datum) * Max(n, 1));

	for (int i = 0; i < n; i++)
		elems[i] = FakerGenNext(g->elem, rng);
	return PointerGetDatum(construct_array(elems, n, FakerGenResultType(g->elem),
										   g->elmlen, g->elmbyval, g->elmalign));
}

/* A multirange of 1 to 3 ranges (make_multirange sorts and merges them). */
static Datum
multirange_value(FakerGen *g, FakerRng *rng)
{
	int			n = 1 + (int) FakerRngBelow(rng, 3);
	RangeType  *ranges[3];

	for (int i = 0; i < n; i++)
		ranges[i] = range_value(g, rng);
	return MultirangeTypePGetDatum(make_multirange(g->restype, g->rngcache, n, ranges));
}

/* A composite value: each attribute from its generator, NULL where it has none. */
static Datum
composite_value(FakerGen *g, FakerRng *rng)
{
	Datum	   *values = palloc0(sizeof(Datum) * Max(g->nsubs, 1));
	bool	   *nulls = palloc0(sizeof(bool) * Max(g->nsubs, 1));

	for (int i = 0; i < g->nsubs; i++)
	{
		if (g->subs[i])
			values[i] = FakerGenNext(g->subs[i], rng);
		else
			nulls[i] = true;
	}
	return HeapTupleGetDatum(heap_form_tuple(g->tupdesc, values, nulls));
}

/* The text TEXT read by the input function of G's type, with its typmod. */
static Datum
input_text(FakerGen *g, const char *text, int len)
{
	return InputFunctionCall(g->infn, unconstify(char *, text), g->ioparam, g->typmod);
}

/* A value of a type made through its input function from append_form's text. */
static Datum
input_value(FakerGen *g, FakerRng *rng)
{
	return GenBuildDatum(g, rng, append_form, input_text);
}

/* Values of the kinds only FakerGenForType makes. */
Datum
GenNextTyped(FakerGen *g, FakerRng *rng)
{
	switch (g->kind)
	{
		case G_JSON:
		case G_JSONB:
			return json_value(g, rng);
		case G_TIME:
			return TimeADTGetDatum((TimeADT) FakerRngBelow(rng, USECS_PER_DAY));
		case G_TIMETZ:
			return timetz_value(g, rng);
		case G_INTERVAL:
			return interval_value(g, rng);
		case G_BYTEA:
			return bytea_value(g, rng);
		case G_INET:
			return inet_value(g, rng);
		case G_MONEY:
			return CashGetDatum((Cash) FakerRngBelow(rng, 1000000));	/* 0.00 .. 9999.99 */
		case G_DECIMAL:
			return decimal_value(g, rng);
		case G_ARRAY:
			return array_value(g, rng);
		case G_RANGE:
			return RangeTypePGetDatum(range_value(g, rng));
		case G_MULTIRANGE:
			return multirange_value(g, rng);
		case G_COMPOSITE:
			return composite_value(g, rng);
		case G_COERCE:
			return InputFunctionCall(g->infn, OutputFunctionCall(g->outfn, FakerGenNext(g->elem, rng)),
									 g->ioparam, g->typmod);
		case G_INPUT:
			return input_value(g, rng);
		default:
			elog(ERROR, "generator kind %d has no typed values", (int) g->kind);
	}
	return (Datum) 0;
}
