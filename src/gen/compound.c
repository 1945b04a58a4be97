/*
 * compound.c: the "en" compound values (README, "Value generators").
 *
 * A word list alone has a few hundred values; real columns have tens of
 * thousands of names, cities, companies and titles.  So each list draw
 * keeps its familiar value most of the time and otherwise becomes a
 * compound made the way real names are (Harrisonville, North Oakfield
 * Springs, Mary-Kate, Carter-Holloway, Harris & Wright LLC, Senior Data
 * Engineer II).  The compound's parts come from the leftover bits of the
 * same 64-bit draw (GenBelowRest), so a plain value costs exactly the draws
 * it cost before: the plain values of a seed are unchanged, and so is every
 * value after them in the stream.
 */
#include "postgres.h"

#include "gen/compound.h"

uint64
GenBelowRest(FakerRng *rng, uint64 n, uint64 *rest)
{
	/* FakerRngBelow (src/prng.c), keeping the low half of the product */
	uint64		x = FakerRngNext(rng);
	uint128		m = (uint128) x * (uint128) n;
	uint64		l = (uint64) m;

	if (l < n)
	{
		uint64		t = (-n) % n;

		while (l < t)
		{
			x = FakerRngNext(rng);
			m = (uint128) x * (uint128) n;
			l = (uint64) m;
		}
	}
	*rest = l;
	return (uint64) (m >> 64);
}

#define W(arr) (arr)[GenTake(rp, lengthof(arr))]

static const char *const syl_onsets[] = {
	"Al", "Bran", "Cal", "Dar", "El", "Fen", "Gar", "Hal", "Is", "Jas",
	"Kel", "Lor", "Mar", "Nor", "Or", "Per", "Quin", "Ros", "Sil", "Tor",
	"Ul", "Val", "Wes", "Yar", "Zan", "Ash", "Bel", "Cor", "Dex", "Em",
	"Fal", "Gil", "Har", "Jor", "Kas", "Lan", "Mel", "Nev", "Ral", "Ster"
};
static const char *const syl_mids[] = {"", "a", "e", "i", "o", "en", "er", "is"};
static const char *const first_endings[] = {
	"a", "ah", "ana", "ella", "elle", "ette", "ia", "ie", "ina", "lyn",
	"lynn", "na", "ra", "ssa", "y", "en", "den", "don", "ric", "ron",
	"son", "ton", "van", "vin", "lan", "iel", "io", "o", "us", "ley"
};
static const char *const last_endings[] = {
	"son", "ley", "ton", "ford", "wood", "man", "er", "ridge", "well", "worth",
	"field", "by", "more", "ham", "ington", "stone", "brook", "wick", "low", "den",
	"ner", "ick", "s", "ett", "ard", "hurst", "dale", "ey", "land", "cott"
};
static const char *const nature_roots[] = {
	"Oak", "Maple", "Cedar", "Green", "Spring", "River", "Fair", "Brook", "Elm", "Stone",
	"Clear", "Rock", "Pine", "Mill", "Bridge", "Wood", "Ash", "Birch", "Willow", "Hazel",
	"Red", "White", "Silver", "Golden", "Sand", "Glen", "Rose", "Bay", "High", "Long",
	"Deer", "Fox", "Hawk", "Eagle", "Bear", "Wolf", "Lake", "Hill", "Marsh", "Iron"
};
static const char *const city_prefixes[] = {
	"North", "South", "East", "West", "New", "Old", "Port", "Lake", "Saint", "Fort",
	"Mount", "Glen", "Upper", "Lower", "Little", "Great", "Grand", "Royal", "Cape", "Point"
};
static const char *const city_glued[] = {
	"ville", "ton", "burg", "field", "ford", "wood", "dale", "port", "land", "view",
	"mont", "ham", "bury", "chester", "ington", "boro", "haven", "stead", "brook", "worth"
};
static const char *const city_spaced[] = {
	" Springs", " Heights", " Falls", " Park", " Hills", " Beach", " City", " Grove",
	" Valley", " Creek", " Harbor", " Junction", " Center", " Crossing", " Bluffs", " Gardens"
};
static const char *const industries[] = {
	"Logistics", "Systems", "Foods", "Energy", "Capital", "Media", "Solutions", "Labs",
	"Health", "Analytics", "Software", "Consulting", "Industries", "Manufacturing", "Motors", "Pharma",
	"Partners", "Holdings", "Networks", "Robotics", "Materials", "Textiles", "Construction", "Realty",
	"Insurance", "Ventures", "Biotech", "Aerospace", "Telecom", "Security", "Design", "Marine",
	"Farms", "Brewing", "Outfitters", "Electric", "Dynamics", "Digital", "Financial", "Transport"
};
static const char *const street_dirs[] = {
	"North", "South", "East", "West", "N", "S", "E", "W", "Old", "New"
};
static const char *const job_levels[] = {
	"", "Senior", "Junior", "Lead", "Principal", "Associate", "Assistant", "Staff", "Deputy",
	"Regional", "Global", "Interim", "Executive", "Chief"
};
static const char *const job_quals[] = {"Digital", "Technical", "Strategic", "Corporate"};
static const char *const job_fields[] = {
	"Marketing", "Sales", "Data", "Software", "Product", "Customer Success", "Finance", "Human Resources",
	"Operations", "Research", "Security", "Network", "Cloud", "Brand", "Content", "Quality",
	"Supply Chain", "Logistics", "Legal", "Compliance", "Risk", "Procurement", "Facilities", "Clinical",
	"Laboratory", "Design", "UX", "Mobile", "Platform", "Infrastructure", "Payroll", "Accounts",
	"Investment", "Credit", "Tax", "Audit", "Training", "Recruitment", "Communications", "Business Development"
};
static const char *const job_roles[] = {
	"Engineer", "Manager", "Analyst", "Designer", "Specialist", "Consultant", "Coordinator", "Architect",
	"Director", "Administrator", "Officer", "Advisor", "Developer", "Scientist", "Technician", "Strategist",
	"Planner", "Associate", "Representative", "Supervisor", "Lead", "Executive", "Assistant", "Auditor",
	"Partner", "Controller", "Producer", "Editor", "Researcher", "Agent"
};
static const char *const job_grades[] = {"", " I", " II", " III", " IV"};
static const char *const job_regions[] = {
	", EMEA", ", APAC", ", Americas", ", North America", ", Europe", ", Remote"
};
static const char *const lorem_prefixes[] = {
	"ad", "con", "de", "dis", "ex", "in", "per", "prae", "pro", "re", "sub", "trans"
};
static const char *const lorem_endings[] = {
	"que", "ne", "ve", "tas", "tio", "ibus", "orum", "ium", "ens", "alis",
	"atus", "itas", "ura", "osus", "ivus", "ulum"
};

/* Onset, middle and ending: Kelenson, Marisa, Torwood. */
static void
append_invented(StringInfo buf, uint64 *rp, bool last)
{
	appendStringInfoString(buf, W(syl_onsets));
	appendStringInfoString(buf, W(syl_mids));
	if (last)
		appendStringInfoString(buf, W(last_endings));
	else
		appendStringInfoString(buf, W(first_endings));
}

/* a city root: a last name, a first name or a nature word (600) */
static const char *
city_root(uint64 *rp)
{
	uint64		k = GenTake(rp, faker_last_names.n + faker_first_names.n + lengthof(nature_roots));

	if (k < (uint64) faker_last_names.n)
		return faker_last_names.words[k];
	k -= faker_last_names.n;
	if (k < (uint64) faker_first_names.n)
		return faker_first_names.words[k];
	return nature_roots[k - faker_first_names.n];
}

/* Root and glued suffix: Harrisonville, Oakfield, Marysville. */
static void
append_root_glued(StringInfo buf, uint64 *rp)
{
	appendStringInfoString(buf, city_root(rp));
	appendStringInfoString(buf, W(city_glued));
}

/*
 * Keep the compound just appended after START when it fits in G's
 * varchar(n); else put the plain value back.
 */
static void
fit_or_plain(FakerGen *g, StringInfo buf, int start, const char *plain)
{
	if (g->maxchars >= 0 && buf->len - start > g->maxchars)
	{
		buf->len = start;
		buf->data[start] = '\0';
		appendStringInfoString(buf, plain);
	}
}

void
GenAppendFirstName(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	uint64		r;
	int			i = (int) GenBelowRest(rng, faker_first_names.n, &r);
	const char *plain = faker_first_names.words[i];
	int			start = buf->len;
	uint64		f;

	if (GenTake(&r, 100) < 60)
	{
		appendStringInfoString(buf, plain);
		return;
	}
	f = GenTake(&r, 10);
	if (f < 4)
		append_invented(buf, &r, false);
	else if (f < 7)
	{
		/* Mary-Kate, John-Paul: the list alternates men's and women's names */
		int			half = faker_first_names.n / 2;
		int			j = (i % 2) + 2 * (int) GenTake(&r, half);

		if (j == i)
			j = (j + 2) % (2 * half);
		appendStringInfo(buf, "%s-%s", plain, faker_first_names.words[j]);
	}
	else
	{
		appendStringInfo(buf, "%s-", plain);
		append_invented(buf, &r, false);
	}
	fit_or_plain(g, buf, start, plain);
}

void
GenAppendLastName(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	uint64		r;
	const char *plain = faker_last_names.words[GenBelowRest(rng, faker_last_names.n, &r)];
	int			start = buf->len;
	uint64		f;

	if (GenTake(&r, 100) < 45)
	{
		appendStringInfoString(buf, plain);
		return;
	}
	f = GenTake(&r, 10);
	if (f < 4)
		append_invented(buf, &r, true);
	else if (f < 7)
		appendStringInfo(buf, "%s-%s", plain, faker_last_names.words[GenTake(&r, faker_last_names.n)]);
	else if (f < 9)
	{
		appendStringInfo(buf, "%s-", plain);
		append_invented(buf, &r, true);
	}
	else
	{
		append_invented(buf, &r, true);
		appendStringInfo(buf, "-%s", plain);
	}
	fit_or_plain(g, buf, start, plain);
}

void
GenAppendCity(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	uint64		r;
	uint64	   *rp = &r;
	const char *plain = faker_cities.words[GenBelowRest(rng, faker_cities.n, &r)];
	int			start = buf->len;
	uint64		f;

	if (GenTake(&r, 100) < 45)
	{
		appendStringInfoString(buf, plain);
		return;
	}
	f = GenTake(&r, 10);
	if (f < 1)					/* Harrisonville */
		append_root_glued(buf, &r);
	else if (f < 4)				/* North Oakfield */
	{
		appendStringInfo(buf, "%s ", W(city_prefixes));
		append_root_glued(buf, &r);
	}
	else if (f < 7)				/* Marysville Heights */
	{
		append_root_glued(buf, &r);
		appendStringInfoString(buf, W(city_spaced));
	}
	else						/* East Clarkston Springs */
	{
		appendStringInfo(buf, "%s ", W(city_prefixes));
		append_root_glued(buf, &r);
		appendStringInfoString(buf, W(city_spaced));
	}
	fit_or_plain(g, buf, start, plain);
}

void
GenAppendCompany(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	uint64		r;
	uint64	   *rp = &r;
	const char *last = faker_last_names.words[GenBelowRest(rng, faker_last_names.n, &r)];
	const char *suffix = faker_company_suffixes.words[FakerRngBelow(rng, faker_company_suffixes.n)];
	int			start = buf->len;
	uint64		f;

	if (GenTake(&r, 100) >= 40)
	{
		f = GenTake(&r, 10);
		if (f < 4)				/* Harris Logistics Inc */
			appendStringInfo(buf, "%s %s %s", last, W(industries), suffix);
		else if (f < 6)			/* Harris & Wright LLC */
			appendStringInfo(buf, "%s & %s %s", last,
							 faker_last_names.words[GenTake(&r, faker_last_names.n)], suffix);
		else if (f < 8)			/* Harris, Wright and Cole Ltd */
		{
			const char *b = faker_last_names.words[GenTake(&r, faker_last_names.n)];

			appendStringInfo(buf, "%s, %s and %s %s", last, b,
							 faker_last_names.words[GenTake(&r, faker_last_names.n)], suffix);
		}
		else					/* Oakfield Robotics Group */
		{
			append_root_glued(buf, &r);
			appendStringInfo(buf, " %s %s", W(industries), suffix);
		}
		if (g->maxchars < 0 || buf->len - start <= g->maxchars)
			return;
		buf->len = start;
		buf->data[start] = '\0';
	}
	appendStringInfo(buf, "%s %s", last, suffix);
}

void
GenAppendJob(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	uint64		r;
	uint64	   *rp = &r;
	const char *plain = faker_jobs.words[GenBelowRest(rng, faker_jobs.n, &r)];
	int			start = buf->len;
	const char *level;

	if (GenTake(&r, 100) < 60)
	{
		appendStringInfoString(buf, plain);
		return;
	}
	/* Senior Digital Marketing Manager II, EMEA */
	level = W(job_levels);
	if (*level)
		appendStringInfo(buf, "%s ", level);
	if (GenTake(&r, 10) >= 6)
		appendStringInfo(buf, "%s ", W(job_quals));
	appendStringInfo(buf, "%s %s", W(job_fields), W(job_roles));
	appendStringInfoString(buf, W(job_grades));
	if (GenTake(&r, 2) == 1)
		appendStringInfoString(buf, W(job_regions));
	fit_or_plain(g, buf, start, plain);
}

/* "%d %s %s": number, street name (often a compound), type */
void
GenAppendStreetAddress(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	int			num = 1 + (int) FakerRngBelow(rng, 9999);
	uint64		r;
	uint64	   *rp = &r;
	const char *street = faker_streets.words[GenBelowRest(rng, faker_streets.n, &r)];
	const char *type = faker_street_suffixes.words[FakerRngBelow(rng, faker_street_suffixes.n)];
	int			start = buf->len;
	uint64		f;

	if (GenTake(&r, 100) >= 60)
	{
		appendStringInfo(buf, "%d ", num);
		f = GenTake(&r, 10);
		if (f < 4)				/* 12 Harrison Avenue */
			appendStringInfoString(buf, city_root(&r));
		else if (f < 6)			/* 12 Maplewood Drive */
			append_root_glued(buf, &r);
		else					/* 12 West Carter Street */
		{
			appendStringInfo(buf, "%s ", W(street_dirs));
			appendStringInfoString(buf, GenTake(&r, 2) ? city_root(&r) : street);
		}
		appendStringInfo(buf, " %s", type);
		if (g->maxchars < 0 || buf->len - start <= g->maxchars)
			return;
		buf->len = start;
		buf->data[start] = '\0';
	}
	appendStringInfo(buf, "%d %s %s", num, street, type);
}

/* a lorem word, now and then a Latin-looking compound (PLAIN_PCT plain) */
void
GenAppendLoremWord(FakerRng *rng, StringInfo buf, int plain_pct)
{
	uint64		r;
	uint64	   *rp = &r;
	const char *plain = faker_lorem.words[GenBelowRest(rng, faker_lorem.n, &r)];
	uint64		f;

	if ((int) GenTake(&r, 100) < plain_pct)
	{
		appendStringInfoString(buf, plain);
		return;
	}
	f = GenTake(&r, 10);
	if (f < 3)					/* prefix, word, ending: exdolorque */
		appendStringInfo(buf, "%s%s%s", W(lorem_prefixes), plain, W(lorem_endings));
	else if (f < 6)				/* prefix, word, word */
		appendStringInfo(buf, "%s%s%s", W(lorem_prefixes), plain,
						 faker_lorem.words[GenTake(&r, faker_lorem.n)]);
	else						/* word, word, ending */
		appendStringInfo(buf, "%s%s%s", plain,
						 faker_lorem.words[GenTake(&r, faker_lorem.n)], W(lorem_endings));
}
