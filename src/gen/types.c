/*
 * types.c: the default generator of each column type (README, "The spec"), steered
 * by the column's name (a text column "email" gets emails, an integer
 * "view_count" small counts).  The values of the kinds only defaults make
 * are in typed.c.
 *
 * Dates and timestamps default to a FIXED recent past, [2021-01-01,
 * 2026-01-01), not to now(): the same seed gives the same rows on any day.
 * Birth dates lie 18 to 90 years before 2026-01-01.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "gen/genpriv.h"

/* the default window: 2021-01-01 .. 2026-01-01 (exclusive), birth dates 1936 .. 2008 */
#define WINDOW_FROM		(2021)
#define WINDOW_TO		(2026)
#define BIRTH_FROM		(WINDOW_TO - 90)
#define BIRTH_TO		(WINDOW_TO - 18)

/* A new generator of KIND making values of type RESTYPE, uncapped. */
static FakerGen *
new_gen(GenKind kind, Oid restype)
{
	FakerGen   *g = palloc0(sizeof(FakerGen));

	g->kind = kind;
	g->restype = restype;
	g->maxchars = -1;
	return g;
}

/* ---- column names ---- */

/*
 * True if HINT occurs in NAME (lower case) as whole words: bounded by '_' or
 * the ends, an 's' allowed after it ("emails").  "username" does not contain
 * the word "name".
 */
static bool
name_has(const char *name, const char *hint)
{
	size_t		len = strlen(hint);

	for (const char *p = name; (p = strstr(p, hint)) != NULL; p++)
	{
		const char *e = p + len;

		if (*e == 's')
			e++;
		if ((p == name || p[-1] == '_') && (*e == '\0' || *e == '_'))
			return true;
	}
	return false;
}

/* Lower-cased copy of a column name ("firstName" -> "firstname"); "" for NULL. */
static char *
lower_name(const char *colname)
{
	char	   *s = pstrdup(colname ? colname : "");

	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p += 'a' - 'A';
	return s;
}

typedef struct NameHint
{
	const char *word;
	GenKind		kind;
} NameHint;

/* In priority order: the first that matches wins ("email_address" is an email). */
static const NameHint text_hints[] = {
	{"ip_address", G_IPV4}, {"ip", G_IPV4}, {"user_agent", G_USER_AGENT},
	{"country_code", G_COUNTRY_CODE}, {"currency", G_CURRENCY}, {"locale", G_LOCALE},
	{"slug", G_SLUG}, {"email", G_EMAIL}, {"first_name", G_FIRST_NAME},
	{"firstname", G_FIRST_NAME}, {"given_name", G_FIRST_NAME}, {"last_name", G_LAST_NAME},
	{"lastname", G_LAST_NAME}, {"surname", G_LAST_NAME}, {"family_name", G_LAST_NAME},
	{"username", G_USERNAME}, {"user_name", G_USERNAME}, {"login", G_USERNAME},
	{"phone", G_PHONE}, {"mobile", G_PHONE}, {"company", G_COMPANY},
	{"city", G_CITY}, {"country", G_COUNTRY}, {"url", G_URL}, {"website", G_URL},
	{"homepage", G_URL}, {"uuid", G_UUID}, {"guid", G_UUID}, {"zip", G_POSTCODE},
	{"zipcode", G_POSTCODE}, {"zip_code", G_POSTCODE}, {"postcode", G_POSTCODE},
	{"postal_code", G_POSTCODE}, {"postal", G_POSTCODE}, {"address", G_STREET_ADDRESS},
	{"street", G_STREET_ADDRESS}, {"job_title", G_JOB}, {"job", G_JOB},
	{"color", G_COLOR}, {"colour", G_COLOR}, {"description", G_PARAGRAPH},
	{"body", G_PARAGRAPH}, {"bio", G_PARAGRAPH}, {"comment", G_SENTENCE},
	{"title", G_SENTENCE}, {"name", G_NAME},
};

/* Matched anywhere, when no word matched ("homephone", "useremail"). */
static const NameHint text_substrings[] = {
	{"email", G_EMAIL}, {"firstname", G_FIRST_NAME}, {"lastname", G_LAST_NAME},
	{"surname", G_LAST_NAME}, {"username", G_USERNAME}, {"phone", G_PHONE},
	{"website", G_URL}, {"zipcode", G_POSTCODE}, {"postcode", G_POSTCODE},
};

/*
 * A text generator chosen by column name, or a short sentence.  MAXCHARS
 * (-1: none): a uuid is only chosen when it fits.
 */
static FakerGen *
text_gen_for_name(const char *colname, int maxchars)
{
	char	   *name = lower_name(colname);
	GenKind		kind = G_SENTENCE;
	bool		found = false;
	FakerGen   *g;

	for (int i = 0; i < lengthof(text_hints) && !found; i++)
		if (name_has(name, text_hints[i].word))
			kind = text_hints[i].kind, found = true;
	for (int i = 0; i < lengthof(text_substrings) && !found; i++)
		if (strstr(name, text_substrings[i].word))
			kind = text_substrings[i].kind, found = true;
	if (kind == G_UUID && (maxchars < 0 || maxchars >= 36))
		return FakerGenCompile("uuid", NULL, colname ? colname : "column");
	if (kind == G_UUID)
		kind = G_SENTENCE;
	/* the text kinds chosen by name take no options */
	g = new_gen(kind, TEXTOID);
	g->n = kind == G_PARAGRAPH ? 3 : 6;
	if (maxchars >= 0)
		FakerGenSetMaxLength(g, maxchars);
	return g;
}

/* Integer range by column name; false if the name says nothing. */
static bool
int_range_for_name(const char *colname, int64 *lo, int64 *hi)
{
	char	   *name = lower_name(colname);

	if (name_has(name, "count") || name_has(name, "num"))
		*lo = 0, *hi = 100;
	else if (name_has(name, "cents"))
		*lo = 0, *hi = 100000;
	else if (name_has(name, "amount") || name_has(name, "price") || name_has(name, "cost") ||
			 name_has(name, "total") || name_has(name, "balance") || name_has(name, "fee"))
		*lo = 0, *hi = 10000;
	else if (name_has(name, "quantity") || name_has(name, "qty"))
		*lo = 1, *hi = 20;
	else if (name_has(name, "age"))
		*lo = 18, *hi = 90;
	else if (name_has(name, "year"))
		*lo = WINDOW_FROM - 30, *hi = WINDOW_TO - 1;
	else if (name_has(name, "rating") || name_has(name, "stars"))
		*lo = 1, *hi = 5;
	else if (name_has(name, "percent") || name_has(name, "pct"))
		*lo = 0, *hi = 100;
	else if (name_has(name, "length") || name_has(name, "duration") || name_has(name, "minutes") ||
			 name_has(name, "days") || name_has(name, "size"))
		*lo = 1, *hi = 300;		/* a film's length, a rental's days: small positive */
	else
		return false;
	return true;
}

/* Latitude/longitude bounds by column name; false if neither. */
static bool
geo_range_for_name(const char *colname, double *lo, double *hi)
{
	char	   *name = lower_name(colname);

	if (name_has(name, "lat") || name_has(name, "latitude"))
		*lo = -90, *hi = 90;
	else if (name_has(name, "lon") || name_has(name, "lng") || name_has(name, "longitude"))
		*lo = -180, *hi = 180;
	else
		return false;
	return true;
}

/*
 * Whether a column named COLNAME holds a birth date (born, dob, birth...):
 * its dates are then drawn from the birth window, not the recent one.
 */
static bool
is_birth_name(const char *colname)
{
	char	   *name = lower_name(colname);

	return name_has(name, "born") || name_has(name, "dob") || name_has(name, "birth") ||
		name_has(name, "birthdate") || name_has(name, "birthday") || name_has(name, "date_of_birth");
}

/* Days since 2000-01-01 of January 1st of YEAR. */
static int64
jan1(int year)
{
	return date2j(year, 1, 1) - POSTGRES_EPOCH_JDATE;
}

/* date, timestamp, timestamptz: the recent past window, or birth dates. */
static FakerGen *
time_gen(const char *gen, const char *colname)
{
	FakerGen   *g = FakerGenCompile(gen, NULL, colname);
	bool		birth = is_birth_name(colname);
	int64		from = jan1(birth ? BIRTH_FROM : WINDOW_FROM);
	int64		to = jan1(birth ? BIRTH_TO : WINDOW_TO);

	if (g->kind == G_DATE)
		g->imin = from, g->imax = to - 1;
	else
		g->imin = from * USECS_PER_DAY, g->imax = to * USECS_PER_DAY - 1;
	return g;
}

/*
 * numeric(p,s): 0 up to 10^min(p-s, 4) (exclusive), s digits after the
 * point: numeric(12,2) gives 0.00 .. 9999.99.  Any precision and scale
 * (numeric(40,15), numeric(3,-2), numeric(3,5)); an integer scale when it
 * fits, so a "require" can narrow it.
 */
static FakerGen *
numeric_gen(int32 typmod, const char *colname)
{
	FakerGen   *g = FakerGenCompile("numeric", NULL, colname);
	int			prec,
				scale,
				digits;
	double		glo,
				ghi;

	if (typmod < (int32) VARHDRSZ)
		return g;				/* unconstrained: 0 .. 1000, 2 decimals */
	prec = ((typmod - VARHDRSZ) >> 16) & 0xffff;
	scale = (((typmod - VARHDRSZ) & 0x7ff) ^ 1024) - 1024;	/* sign-extended */
	/* significant digits: the integer part (at most 4) and the fraction */
	digits = Min(prec, Min(prec - scale, 4) + scale);
	if (digits < 1)
		digits = 1;
	if (scale >= 0 && scale <= 12 && digits <= 17)
	{
		int64		maxint = 1;
		double		mult = 1;

		for (int i = 0; i < digits; i++)
			maxint *= 10;
		for (int i = 0; i < scale; i++)
			mult *= 10;
		g->scale = scale;
		g->imin = 0;
		g->imax = maxint - 1;
		/* latitude/longitude when the precision holds them */
		if (geo_range_for_name(colname, &glo, &ghi) && prec - scale >= (ghi > 90 ? 3 : 2))
		{
			g->imin = (int64) (glo * mult);
			g->imax = (int64) (ghi * mult);
		}
		return g;
	}
	g = new_gen(G_DECIMAL, NUMERICOID);
	g->n = digits;
	g->scale = scale;
	return g;
}

/*
 * The generator of enum type TYPID: its labels' OIDs, drawn uniformly; NULL
 * for an enum without labels, which has no value to make.
 */
static FakerGen *
enum_gen(Oid typid)
{
	CatCList   *list = SearchSysCacheList1(ENUMTYPOIDNAME, ObjectIdGetDatum(typid));
	FakerGen   *g;

	if (list->n_members == 0)
	{
		ReleaseCatCacheList(list);
		return NULL;
	}
	g = new_gen(G_ENUM, typid);
	g->nvalues = list->n_members;
	g->labels = palloc(sizeof(Oid) * g->nvalues);
	for (int i = 0; i < list->n_members; i++)
		g->labels[i] = ((Form_pg_enum) GETSTRUCT(&list->members[i]->tuple))->oid;
	ReleaseCatCacheList(list);
	return g;
}

/* A value built as text and read by TYPID's input function (with TYPMOD). */
static FakerGen *
input_gen(GenForm form, Oid typid, int32 typmod)
{
	FakerGen   *g = new_gen(G_INPUT, typid);
	Oid			fn;

	g->form = form;
	g->typmod = typmod;
	getTypeInputInfo(typid, &fn, &g->ioparam);
	g->infn = palloc0(sizeof(FmgrInfo));
	fmgr_info(fn, g->infn);
	return g;
}

/*
 * The generator of a value of exactly TYPID (a domain's checks included):
 * FakerGenForType, converted through text when its values are of another
 * type (a domain's base, text for varchar...).  For array elements,
 * attributes and range bounds.
 */
static FakerGen *
typed_gen(Oid typid, int32 typmod, const char *colname)
{
	FakerGen   *g = FakerGenForType(typid, typmod, colname);
	FakerGen   *c;
	Oid			fn;
	bool		isvarlena;

	if (g == NULL || g->restype == typid)
		return g;
	c = new_gen(G_COERCE, typid);
	c->elem = g;
	c->typmod = typmod;
	c->infn = palloc0(sizeof(FmgrInfo));
	c->outfn = palloc0(sizeof(FmgrInfo));
	getTypeOutputInfo(g->restype, &fn, &isvarlena);
	fmgr_info(fn, c->outfn);
	getTypeInputInfo(typid, &fn, &c->ioparam);
	fmgr_info(fn, c->infn);
	return c;
}

/* PostGIS geometry/geography: the typmod's geometry type, SRID and Z/M. */
static FakerGen *
geo_gen(Oid typid, int32 typmod, bool geography)
{
	FakerGen   *g = input_gen(F_GEOMETRY, typid, typmod);

	if (typmod >= 0)
	{
		g->srid = (((typmod) & 0x0FFFFF00) - ((typmod) & 0x10000000)) >> 8;
		g->geotype = (typmod & 0x000000FC) >> 2;
		g->hasz = (typmod & 0x00000002) != 0;
		g->hasm = (typmod & 0x00000001) != 0;
	}
	if (geography && g->srid == 0)
		g->srid = 4326;
	/* any geometry: points; curves and surfaces beyond polygons: no default */
	if (g->geotype == 0)
		g->geotype = 1;
	if (g->geotype > 7 && g->geotype != 14)
		return NULL;
	return g;
}

/* Types of extensions, known by name (never linked against). */
static FakerGen *
extension_gen(Oid typid, int32 typmod, const char *colname)
{
	HeapTuple	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	char	   *name;

	if (!HeapTupleIsValid(tup))
		return NULL;
	name = pstrdup(NameStr(((Form_pg_type) GETSTRUCT(tup))->typname));
	ReleaseSysCache(tup);
	if (strcmp(name, "citext") == 0)
		return text_gen_for_name(colname, -1);
	if (strcmp(name, "hstore") == 0)
		return input_gen(F_HSTORE, typid, typmod);
	if (strcmp(name, "ltree") == 0)
		return input_gen(F_LTREE, typid, typmod);
	if (strcmp(name, "geometry") == 0 || strcmp(name, "geography") == 0)
		return geo_gen(typid, typmod, name[3] == 'g');
	return NULL;
}

/* Integer columns: 1 to 1000000 (int2: to its maximum), or a range the
 * column's name suggests (a count, a price, a quantity...). */
static FakerGen *
int_gen(Oid base, const char *colname)
{
	FakerGen   *g = FakerGenCompile("int", NULL, colname);
	int64		lo,
				hi;

	g->imin = 1;
	g->imax = base == INT2OID ? PG_INT16_MAX : 1000000;
	if (base != OIDOID && int_range_for_name(colname, &lo, &hi))
	{
		g->imin = lo;
		g->imax = Min(hi, g->imax);
	}
	g->restype = base;
	return g;
}

/* Floating-point columns: 0 to 1000, or latitudes/longitudes by name. */
static FakerGen *
float_gen(Oid base, const char *colname)
{
	FakerGen   *g = FakerGenCompile("float", NULL, colname);
	double		flo,
				fhi;

	g->fmax = 1000;
	if (geo_range_for_name(colname, &flo, &fhi))
		g->fmin = flo, g->fmax = fhi;
	g->restype = base;
	return g;
}

/* Ranges and multiranges of a type faker can make; NULL if it cannot. */
static FakerGen *
range_gen(Oid base, char typtype, const char *colname)
{
	Oid			rngtype = typtype == TYPTYPE_RANGE ? base : get_multirange_range(base);
	TypeCacheEntry *tc = lookup_type_cache(rngtype, TYPECACHE_RANGE_INFO);
	FakerGen   *sub;
	FakerGen   *g;

	if (tc->rngelemtype == NULL)
		return NULL;
	sub = typed_gen(tc->rngelemtype->type_id, -1, colname);
	if (sub == NULL)
		return NULL;
	g = new_gen(typtype == TYPTYPE_RANGE ? G_RANGE : G_MULTIRANGE, base);
	g->elem = sub;
	g->rngcache = tc;
	return g;
}

/* Composite types: a generator per attribute (by its own name); NULL if
 * faker cannot make one of them. */
static FakerGen *
composite_gen(Oid base)
{
	TupleDesc	td = lookup_rowtype_tupdesc_copy(base, -1);
	FakerGen   *g = new_gen(G_COMPOSITE, base);

	g->tupdesc = td;
	g->nsubs = td->natts;
	g->subs = palloc0(sizeof(FakerGen *) * Max(td->natts, 1));
	for (int i = 0; i < td->natts; i++)
	{
		Form_pg_attribute att = TupleDescAttr(td, i);

		if (att->attisdropped)
			continue;
		g->subs[i] = typed_gen(att->atttypid, att->atttypmod, NameStr(att->attname));
		if (g->subs[i] == NULL)
			return NULL;
	}
	return g;
}

/* Arrays of ELEMTYPE; NULL if faker cannot make the elements. */
static FakerGen *
array_gen(Oid base, Oid elemtype, int32 typmod, const char *colname)
{
	FakerGen   *elem = typed_gen(elemtype, typmod, colname);
	FakerGen   *g;

	if (elem == NULL)
		return NULL;
	g = new_gen(G_ARRAY, base);
	g->elem = elem;
	get_typlenbyvalalign(elemtype, &g->elmlen, &g->elmbyval, &g->elmalign);
	return g;
}

/*
 * Types that are not built in: enums, ranges, composites and arrays are
 * made of what faker can make of their parts, other base types (an
 * extension's) by extension_gen; NULL if none fits.
 */
static FakerGen *
derived_gen(Oid base, int32 typmod, const char *colname)
{
	char		typtype = get_typtype(base);

	if (typtype == TYPTYPE_ENUM)
		return enum_gen(base);
	if (typtype == TYPTYPE_RANGE || typtype == TYPTYPE_MULTIRANGE)
		return range_gen(base, typtype, colname);
	if (typtype == TYPTYPE_COMPOSITE)
		return composite_gen(base);
	if (OidIsValid(get_element_type(base)))
		return array_gen(base, get_element_type(base), typmod, colname);
	if (typtype == TYPTYPE_BASE)
		return extension_gen(base, typmod, colname);
	return NULL;
}

/* The built-in types whose values one kind makes, whatever the column's name. */
static const struct
{
	Oid			type;
	GenKind		kind;
}			plain_types[] = {
	{CASHOID, G_MONEY},
	{TIMEOID, G_TIME},
	{TIMETZOID, G_TIMETZ},
	{INTERVALOID, G_INTERVAL},
	{JSONOID, G_JSON},
	{JSONBOID, G_JSONB},
	{BYTEAOID, G_BYTEA},
	{INETOID, G_INET},
};

/*
 * The built-in types made through their input function from a text form
 * (typed.c's append_form); TYPMOD: the column's typmod is passed on.
 */
static const struct
{
	Oid			type;
	GenForm		form;
	bool		typmod;
}			input_types[] = {
	{CHAROID, F_CHAR, false},
	{JSONPATHOID, F_JSONPATH, false},
	{CIDROID, F_CIDR, false},
	{MACADDROID, F_MACADDR, false},
	{MACADDR8OID, F_MACADDR8, false},
	{BITOID, F_BIT, true},
	{VARBITOID, F_VARBIT, true},
	{TSVECTOROID, F_TSVECTOR, false},
	{TSQUERYOID, F_TSQUERY, false},
	{XMLOID, F_XML, false},
	{POINTOID, F_POINT, false},
	{LINEOID, F_LINE, false},
	{LSEGOID, F_LSEG, false},
	{BOXOID, F_BOX, false},
	{PATHOID, F_PATH, false},
	{POLYGONOID, F_POLYGON, false},
	{CIRCLEOID, F_CIRCLE, false},
	{PG_LSNOID, F_PG_LSN, false},
};

/*
 * The default generator of a column of type TYPID (TYPMOD) named COLNAME:
 * the numeric, text and time types steered by the name, the types of one
 * kind or of a text form by the tables above, the others derived from
 * their kind (derived_gen).
 */
static FakerGen *
gen_for_type(Oid typid, int32 typmod, const char *colname)
{
	Oid			base = getBaseTypeAndTypmod(typid, &typmod);

	check_stack_depth();
	switch (base)
	{
		case INT2OID:
		case INT4OID:
		case INT8OID:
		case OIDOID:
			return int_gen(base, colname);
		case NUMERICOID:
			return numeric_gen(typmod, colname);
		case FLOAT4OID:
		case FLOAT8OID:
			return float_gen(base, colname);
		case BOOLOID:
			return FakerGenCompile("bool", NULL, colname);
		case TEXTOID:
		case VARCHAROID:
		case BPCHAROID:
		case NAMEOID:
			return text_gen_for_name(colname, base == NAMEOID ? NAMEDATALEN - 1 :
									 typmod >= (int32) VARHDRSZ ? typmod - VARHDRSZ : -1);
		case DATEOID:
			return time_gen("date", colname);
		case TIMESTAMPOID:
			return time_gen("timestamp", colname);
		case TIMESTAMPTZOID:
			return time_gen("timestamptz", colname);
		case UUIDOID:
			return FakerGenCompile("uuid", NULL, colname);
		default:
			break;
	}
	for (int i = 0; i < lengthof(plain_types); i++)
		if (plain_types[i].type == base)
			return new_gen(plain_types[i].kind, base);
	for (int i = 0; i < lengthof(input_types); i++)
		if (input_types[i].type == base)
			return input_gen(input_types[i].form, base, input_types[i].typmod ? typmod : -1);
	return derived_gen(base, typmod, colname);
}

/*
 * The default generator of a column type.  Its range is only a default:
 * criteria outside it (a CHECK, a partition's bounds) move it rather than
 * leave nothing to draw (genrange.c).
 */
FakerGen *
FakerGenForType(Oid typid, int32 typmod, const char *colname)
{
	FakerGen   *g = gen_for_type(typid, typmod, colname);

	if (g)
		g->loose = true;
	return g;
}
