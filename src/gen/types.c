/*
 * types.c: the default generator of each column type (README, "The spec"), and the
 * values of the types that only defaults produce (enum, json, time, arrays...).
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_type.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/catcache.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "gen/genpriv.h"

static FakerGen *
new_gen(GenKind kind, Oid restype)
{
	FakerGen   *g = palloc0(sizeof(FakerGen));

	g->kind = kind;
	g->restype = restype;
	g->maxchars = -1;
	return g;
}

/* A text generator chosen by column name, or a short sentence. */
static FakerGen *
text_gen_for_name(const char *colname)
{
	static const struct
	{
		const char *part;
		const char *gen;
	}			hints[] = {
		{"email", "email"}, {"first_name", "first_name"}, {"firstname", "first_name"},
		{"last_name", "last_name"}, {"lastname", "last_name"}, {"surname", "last_name"},
		{"username", "username"}, {"login", "username"}, {"phone", "phone"},
		{"company", "company"}, {"city", "city"}, {"country", "country"},
		{"url", "url"}, {"website", "url"}, {"address", "street_address"},
		{"street", "street_address"}, {"zip", "postcode"}, {"postcode", "postcode"},
		{"postal", "postcode"}, {"job", "job"}, {"color", "color"}, {"colour", "color"},
		{"ip", "ipv4"}, {"description", "paragraph"}, {"body", "paragraph"},
		{"comment", "sentence"}, {"title", "sentence"}, {"name", "name"},
	};
	const char *gen = "sentence";

	if (colname)
		for (int i = 0; i < lengthof(hints); i++)
			if (strstr(colname, hints[i].part))
			{
				gen = hints[i].gen;
				break;
			}
	return FakerGenCompile(gen, NULL, colname ? colname : "column");
}

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

FakerGen *
FakerGenForType(Oid typid, int32 typmod, const char *colname)
{
	Oid			base = getBaseTypeAndTypmod(typid, &typmod);
	FakerGen   *g;

	switch (base)
	{
		case INT2OID:
		case INT4OID:
		case INT8OID:
			g = FakerGenCompile("int", NULL, colname);
			g->imin = 1;
			g->imax = base == INT2OID ? PG_INT16_MAX : 1000000;
			g->restype = base;
			return g;
		case NUMERICOID:
			g = FakerGenCompile("numeric", NULL, colname);
			if (typmod >= (int32) VARHDRSZ)
			{
				int			prec = ((typmod - VARHDRSZ) >> 16) & 0xffff;
				int			scale = (typmod - VARHDRSZ) & 0x7ff;
				int			intdigits = Min(prec - scale, 6);
				int64		maxint = 1;

				if (scale > 12 || prec - scale < 0)
					return NULL;
				for (int i = 0; i < intdigits; i++)
					maxint *= 10;
				g->scale = scale;
				g->imin = 0;
				g->imax = maxint;
				for (int i = 0; i < scale; i++)
					g->imax *= 10;
				g->imax -= 1;
			}
			return g;
		case FLOAT4OID:
		case FLOAT8OID:
			g = FakerGenCompile("float", NULL, colname);
			g->fmax = 1000;
			g->restype = base;
			return g;
		case BOOLOID:
			return FakerGenCompile("bool", NULL, colname);
		case TEXTOID:
		case VARCHAROID:
		case BPCHAROID:
		case NAMEOID:
			g = text_gen_for_name(colname);
			if (base == NAMEOID)
				FakerGenSetMaxLength(g, NAMEDATALEN - 1);
			else if (typmod >= (int32) VARHDRSZ)
				FakerGenSetMaxLength(g, typmod - VARHDRSZ);
			return g;
		case DATEOID:
			return FakerGenCompile("date", NULL, colname);
		case TIMESTAMPOID:
			return FakerGenCompile("timestamp", NULL, colname);
		case TIMESTAMPTZOID:
			return FakerGenCompile("timestamptz", NULL, colname);
		case TIMEOID:
			return new_gen(G_TIME, TIMEOID);
		case INTERVALOID:
			return new_gen(G_INTERVAL, INTERVALOID);
		case UUIDOID:
			return FakerGenCompile("uuid", NULL, colname);
		case JSONOID:
			return new_gen(G_JSON, JSONOID);
		case JSONBOID:
			return new_gen(G_JSONB, JSONBOID);
		case BYTEAOID:
			return new_gen(G_BYTEA, BYTEAOID);
		case INETOID:
			return new_gen(G_INET, INETOID);
		default:
			break;
	}
	if (type_is_enum(base))
		return enum_gen(base);
	if (OidIsValid(get_element_type(base)))
	{
		Oid			elemtype = get_element_type(base);
		FakerGen   *elem = FakerGenForType(elemtype, typmod, colname);

		if (elem == NULL)
			return NULL;
		g = new_gen(G_ARRAY, base);
		g->elem = elem;
		g->restype = base;
		get_typlenbyvalalign(FakerGenResultType(elem), &g->elmlen, &g->elmbyval, &g->elmalign);
		return g;
	}
	return NULL;
}

/* Values of the kinds only FakerGenForType makes. */
Datum		GenNextTyped(FakerGen *g, FakerRng *rng);

Datum
GenNextTyped(FakerGen *g, FakerRng *rng)
{
	switch (g->kind)
	{
		case G_JSON:
			return CStringGetTextDatum("{}");
		case G_JSONB:
			return DirectFunctionCall1(jsonb_in, CStringGetDatum("{}"));
		case G_TIME:
			return TimeADTGetDatum((TimeADT) FakerRngBelow(rng, USECS_PER_DAY));
		case G_INTERVAL:
			{
				Interval   *iv = palloc0(sizeof(Interval));

				iv->day = (int32) FakerRngBelow(rng, 365);
				iv->time = (TimeOffset) FakerRngBelow(rng, USECS_PER_DAY / USECS_PER_SEC) * USECS_PER_SEC;
				return IntervalPGetDatum(iv);
			}
		case G_BYTEA:
			{
				int			len = 4 + (int) FakerRngBelow(rng, 13);
				bytea	   *b = palloc(VARHDRSZ + len);

				SET_VARSIZE(b, VARHDRSZ + len);
				for (int i = 0; i < len; i++)
					VARDATA(b)[i] = (char) FakerRngBelow(rng, 256);
				return PointerGetDatum(b);
			}
		case G_INET:
			{
				char		buf[32];

				snprintf(buf, sizeof(buf), "%d.%d.%d.%d", 1 + (int) FakerRngBelow(rng, 223),
						 (int) FakerRngBelow(rng, 256), (int) FakerRngBelow(rng, 256),
						 1 + (int) FakerRngBelow(rng, 254));
				return DirectFunctionCall1(inet_in, CStringGetDatum(buf));
			}
		case G_ARRAY:
			{
				int			n = (int) FakerRngBelow(rng, 4);
				Datum	   *elems = palloc(sizeof(Datum) * Max(n, 1));

				for (int i = 0; i < n; i++)
					elems[i] = FakerGenNext(g->elem, rng);
				return PointerGetDatum(construct_array(elems, n, FakerGenResultType(g->elem),
													   g->elmlen, g->elmbyval, g->elmalign));
			}
		default:
			elog(ERROR, "generator kind %d has no typed values", (int) g->kind);
	}
	return (Datum) 0;
}
