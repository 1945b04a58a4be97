/*
 * address.c: the "address" tuple generator (README, "Correlated tuples"):
 * street, city, postcode, country, country code and phone of one address
 * that agree with one another.  The country is drawn first (among the
 * "countries" option, by default the country of faker.locale), and every
 * other field is made in that country's format, in its language: US ZIP
 * codes and +1 phones with English streets and cities, German
 * Postleitzahlen and +49, French codes postaux and +33 (the word lists of
 * locale.c), British postcodes whose area letters belong to the city.
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "utils/builtins.h"
#include "utils/jsonb.h"

#include "faker.h"
#include "options.h"
#include "gen/compound.h"
#include "gen/genpriv.h"
#include "gen/locale.h"

typedef struct AddrCountry
{
	const char *code;
	const char *name;
	int			locale;			/* FAKER_LOCALE_*, or -1: its own lists below */
} AddrCountry;

static const AddrCountry countries[] = {
	{"US", "United States", FAKER_LOCALE_EN},
	{"DE", "Germany", FAKER_LOCALE_DE},
	{"FR", "France", FAKER_LOCALE_FR},
	{"GB", "United Kingdom", -1},
};

#define NCOUNTRIES lengthof(countries)

/* British cities and one of their postcode areas each (London has several). */
static const char *const gb_cities[][2] = {
	{"London", "E"}, {"London", "N"}, {"London", "SW"}, {"London", "W"}, {"London", "SE"},
	{"Birmingham", "B"}, {"Manchester", "M"}, {"Leeds", "LS"}, {"Glasgow", "G"},
	{"Liverpool", "L"}, {"Bristol", "BS"}, {"Sheffield", "S"}, {"Edinburgh", "EH"},
	{"Cardiff", "CF"}, {"Leicester", "LE"}, {"Nottingham", "NG"}, {"Newcastle upon Tyne", "NE"},
	{"Belfast", "BT"}, {"Brighton", "BN"}, {"Oxford", "OX"}, {"Cambridge", "CB"},
	{"York", "YO"}, {"Aberdeen", "AB"}, {"Southampton", "SO"}, {"Coventry", "CV"}, {"Bath", "BA"},
};

static const char *const gb_streets[] = {
	"High Street", "Station Road", "Church Lane", "Victoria Road", "Green Lane", "Manor Road",
	"Park Road", "Queens Road", "Kings Road", "Mill Lane", "The Crescent", "New Road",
};

static const char *const field_names[ADDR_NFIELDS] = {
	"street", "city", "postcode", "country", "country_code", "phone"
};

struct FakerAddress
{
	int			ncountries;		/* 0: the country of faker.locale */
	int			country[NCOUNTRIES];	/* indexes into countries[] */
};

/*
 * The field of an address a column (or a "fields" entry) named NAME holds:
 * a field's own name, else what the column name hints at (as a column's
 * default generator is chosen: "zip_code" is a postcode); -1 if none.
 */
int
FakerAddressField(const char *name)
{
	FakerGen   *g;

	for (int i = 0; i < ADDR_NFIELDS; i++)
		if (strcmp(name, field_names[i]) == 0)
			return i;
	g = FakerGenForType(TEXTOID, -1, name);
	switch (g->kind)
	{
		case G_STREET_ADDRESS:
			return ADDR_STREET;
		case G_CITY:
			return ADDR_CITY;
		case G_POSTCODE:
			return ADDR_POSTCODE;
		case G_COUNTRY:
			return ADDR_COUNTRY;
		case G_COUNTRY_CODE:
			return ADDR_COUNTRY_CODE;
		case G_PHONE:
			return ADDR_PHONE;
		default:
			return -1;
	}
}

/* The fields' names, for messages: "street, city, ...". */
const char *
FakerAddressFieldList(void)
{
	return "street, city, postcode, country, country_code, phone";
}

/*
 * Compile an address generator from a tuple's spec SPEC: the option
 * "countries" (ISO codes among US, DE, FR, GB); errors name PATH.
 */
FakerAddress *
FakerAddressCompile(Jsonb *spec, const char *path)
{
	FakerAddress *a = palloc0(sizeof(FakerAddress));
	JsonbValue	v;
	FakerOptions o;

	FakerOptionsInit(&o, spec, path, false);
	if (!FakerOptHas(&o, "countries", &v))
		return a;
	if (v.type != jbvBinary || !JsonContainerIsArray(v.val.binary.data) ||
		JsonContainerSize(v.val.binary.data) == 0)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s.countries: must be a non-empty array of country codes", path)));
	for (uint32 i = 0; i < JsonContainerSize(v.val.binary.data); i++)
	{
		JsonbValue *e = getIthJsonbValueFromContainer(v.val.binary.data, i);
		char	   *code = e->type == jbvString ? pnstrdup(e->val.string.val, e->val.string.len) : NULL;
		int			found = -1;

		for (int c = 0; code && c < (int) NCOUNTRIES; c++)
			if (pg_strcasecmp(code, countries[c].code) == 0)
				found = c;
		if (found < 0)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("%s.countries[%u]: unknown country %s", path, i,
							code ? quote_literal_cstr(code) : "(not a string)"),
					 errhint("The address generator knows US, DE, FR and GB.")));
		for (int c = 0; c < a->ncountries; c++)
			if (a->country[c] == found)
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("%s.countries[%u]: country %s is listed twice", path, i, countries[found].code)));
		a->country[a->ncountries++] = found;
	}
	return a;
}

/*
 * One field of a British address: the city (*CITY, drawn once per address)
 * decides the postcode's area, "SW1A 1AA" style; London phones are 020.
 */
static void
append_gb(int field, int *city, FakerRng *rng, StringInfo buf)
{
	static const char inward[] = "ABDEFGHJLNPQRSTUWXYZ";

	if (*city < 0)
		*city = (int) FakerRngBelow(rng, lengthof(gb_cities));
	switch (field)
	{
		case ADDR_STREET:
			appendStringInfo(buf, "%d %s", 1 + (int) FakerRngBelow(rng, 199),
							 gb_streets[FakerRngBelow(rng, lengthof(gb_streets))]);
			break;
		case ADDR_CITY:
			appendStringInfoString(buf, gb_cities[*city][0]);
			break;
		case ADDR_POSTCODE:
			appendStringInfo(buf, "%s%d %d%c%c", gb_cities[*city][1], 1 + (int) FakerRngBelow(rng, 20),
							 (int) FakerRngBelow(rng, 10), inward[FakerRngBelow(rng, 20)],
							 inward[FakerRngBelow(rng, 20)]);
			break;
		default:				/* ADDR_PHONE */
			if (strcmp(gb_cities[*city][0], "London") == 0)
				appendStringInfoString(buf, "+44 20 ");
			else
			{
				appendStringInfoString(buf, "+44 1");
				GenAppendDigits(buf, rng, 2, 0);
				appendStringInfoChar(buf, ' ');
			}
			GenAppendDigits(buf, rng, 4, 0);
			appendStringInfoChar(buf, ' ');
			GenAppendDigits(buf, rng, 4, 0);
			break;
	}
}

/* The country an address is drawn in: one of A's, or faker.locale's. */
static int
draw_country(FakerAddress *a, FakerRng *rng)
{
	if (a->ncountries == 0)
	{
		for (int c = 0; c < (int) NCOUNTRIES; c++)
			if (countries[c].locale == faker_locale)
				return c;
		return 0;
	}
	return a->country[FakerRngBelow(rng, a->ncountries)];
}

/*
 * One address: the N FIELDS asked for (ADDR_*), as strings in the
 * database encoding in OUT (palloc'd), all of one country drawn first.
 */
void
FakerAddressNext(FakerAddress *a, FakerRng *rng, const int *fields, int n, char **out)
{
	const AddrCountry *ct = &countries[draw_country(a, rng)];
	int			gbcity = -1;
	StringInfoData buf;

	initStringInfo(&buf);
	for (int i = 0; i < n; i++)
	{
		FakerGen	g;

		memset(&g, 0, sizeof(g));
		g.maxchars = -1;
		resetStringInfo(&buf);
		if (fields[i] == ADDR_COUNTRY)
			appendStringInfoString(&buf, ct->name);
		else if (fields[i] == ADDR_COUNTRY_CODE)
			appendStringInfoString(&buf, ct->code);
		else if (ct->locale < 0)
			append_gb(fields[i], &gbcity, rng, &buf);
		else
		{
			/* US, DE, FR: the text generator of the field, in its locale */
			g.kind = fields[i] == ADDR_STREET ? G_STREET_ADDRESS : fields[i] == ADDR_CITY ? G_CITY :
				fields[i] == ADDR_POSTCODE ? G_POSTCODE : G_PHONE;
			GenAppendTextIn(ct->locale, &g, rng, &buf);
		}
		out[i] = pstrdup(buf.data);
	}
	pfree(buf.data);
}
