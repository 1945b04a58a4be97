/*
 * compound.c: compound values (README, "Value generators"), the builder
 * and the "en" tables (de and fr: words_de.c, words_fr.c).
 *
 * A word list alone has a few hundred values; real columns have hundreds
 * of thousands of names, cities, companies and titles.  So each list draw
 * keeps its familiar value a share of the time and otherwise becomes a
 * compound made the way real names are (Harrisonville, North Oakfield
 * Springs, Mary-Kate, Carter-Holloway, Harris & Wright LLC, Senior Data
 * Engineer II; Hans-Peter, Waldhausen am Main; Saint-Julien-de-Beaumont).
 * The compound's parts come from the leftover bits of the same 64-bit draw
 * (FakerRngBelowRest), so a value costs exactly the draws a plain one costs:
 * every value drawn after it keeps its place in the stream.  The longest
 * variants use about 50 of those 64 bits.
 */
#include "postgres.h"

#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "gen/compound.h"
#include "gen/locale.h"

static const char *const syl_onsets[] = {
	"Al", "Bran", "Cal", "Dar", "El", "Fen", "Gar", "Hal", "Is", "Jas",
	"Kel", "Lor", "Mar", "Nor", "Or", "Per", "Quin", "Ros", "Sil", "Tor",
	"Ul", "Val", "Wes", "Yar", "Zan", "Ash", "Bel", "Cor", "Dex", "Em",
	"Fal", "Gil", "Har", "Jor", "Kas", "Lan", "Mel", "Nev", "Ral", "Ster"
};
static const char *const syl_mids[] = {"", "a", "e", "i", "o", "en", "er", "is"};
static const char *const syl_links[] = {
	"", "", "", "", "l", "r", "n", "v", "d", "th", "m", "s"
};
static const char *const syl_mids2[] = {"", "", "a", "e", "i", "o", "an", "el"};
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
	"mont", "ham", "bury", "chester", "ington", "boro", "haven", "stead", "brook", "worth",
	"mouth", "wick", "ridge", "stone", "cliff", "more", "minster", "hurst", "leigh", "by"
};
static const char *const city_spaced[] = {
	" Springs", " Heights", " Falls", " Park", " Hills", " Beach", " City", " Grove",
	" Valley", " Creek", " Harbor", " Junction", " Center", " Crossing", " Bluffs", " Gardens",
	" Lake", " Ridge", " Point", " Meadows"
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
	"Investment", "Credit", "Tax", "Audit", "Training", "Recruitment", "Communications", "Business Development",
	"Treasury", "Pricing", "Fleet", "Warehouse", "Events", "Partnerships", "Privacy", "Sustainability",
	"Field Service", "Manufacturing", "Engineering", "Editorial", "Community", "Growth", "Billing", "Vendor",
	"Systems", "Database", "Analytics", "Benefits"
};
static const char *const job_roles[] = {
	"Engineer", "Manager", "Analyst", "Designer", "Specialist", "Consultant", "Coordinator", "Architect",
	"Director", "Administrator", "Officer", "Advisor", "Developer", "Scientist", "Technician", "Strategist",
	"Planner", "Associate", "Representative", "Supervisor", "Lead", "Executive", "Assistant", "Auditor",
	"Partner", "Controller", "Producer", "Editor", "Researcher", "Agent", "Trainer", "Inspector",
	"Buyer", "Writer", "Operator", "Programmer", "Expert", "Steward", "Liaison", "Owner"
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

/* the arrays above as word lists, for the parts below */
#define LIST(arr) FAKER_WORDS(arr)
static const FakerWordList onsets = LIST(syl_onsets);
static const FakerWordList mids = LIST(syl_mids);
static const FakerWordList links = LIST(syl_links);
static const FakerWordList mids2 = LIST(syl_mids2);
static const FakerWordList first_ends = LIST(first_endings);
static const FakerWordList last_ends = LIST(last_endings);
static const FakerWordList natures = LIST(nature_roots);
static const FakerWordList prefixes = LIST(city_prefixes);
static const FakerWordList glued = LIST(city_glued);
static const FakerWordList spaced = LIST(city_spaced);
static const FakerWordList industry = LIST(industries);
static const FakerWordList dirs = LIST(street_dirs);
static const FakerWordList levels = LIST(job_levels);
static const FakerWordList quals = LIST(job_quals);
static const FakerWordList fields = LIST(job_fields);
static const FakerWordList roles = LIST(job_roles);
static const FakerWordList grades = LIST(job_grades);
static const FakerWordList regions = LIST(job_regions);
static const FakerWordList lorem_pre = LIST(lorem_prefixes);
static const FakerWordList lorem_end = LIST(lorem_endings);

/* invented names: Kelenson, Marisa, Torwood; longer ones Kelarison */
static const GenInvented first_invented = {{&onsets, &mids, &links, &first_ends}};
static const GenInvented first_long = {{&onsets, &mids, &links, &mids2, &first_ends}};
static const GenInvented last_invented = {{&onsets, &mids, &links, &last_ends}};
static const GenInvented last_long = {{&onsets, &mids, &links, &mids2, &last_ends}};

/*
 * The "en" generators' tables.  A million distinct values out of two
 * million needs most compounds drawn from spaces of tens of millions
 * (README, "Value generators", has the sizes).
 */
static const CompoundKind first_name_kind = {
	&faker_first_names, false, NULL, 85, {NULL}, NULL, 0, false, 4, {
		{15, {INVENTED(first_long)}},
		{25, {PLAIN, TEXT("-"), PARTNER}},	/* Mary-Kate */
		{65, {PLAIN, TEXT("-"), INVENTED(first_invented)}},	/* Mary-Kelenna */
		{100, {INVENTED(first_invented), TEXT("-"), PLAIN}}
	}
};

static const CompoundKind last_name_kind = {
	&faker_last_names, false, NULL, 85, {NULL}, NULL, 0, false, 4, {
		{40, {INVENTED(last_long)}},	/* Kelarison */
		{50, {PLAIN, TEXT("-"), PICK(faker_last_names, "")}},	/* Carter-Holloway */
		{75, {PLAIN, TEXT("-"), INVENTED(last_invented)}},
		{100, {INVENTED(last_invented), TEXT("-"), PLAIN}}
	}
};

static const CompoundKind city_kind = {
	&faker_cities, false, NULL, 60, {&faker_last_names, &faker_first_names, &natures}, &glued, 0, false, 4, {
		{10, {GLUED}},			/* Harrisonville */
		{25, {PICK(prefixes, " "), GLUED}},	/* North Oakfield */
		{40, {GLUED, PICK(spaced, "")}},	/* Marysville Heights */
		/* East Clarkston Springs */
		{100, {PICK(prefixes, " "), GLUED, PICK(spaced, "")}}
	}
};

static const CompoundKind company_kind = {
	&faker_last_names, false, &faker_company_suffixes, 60, {&faker_last_names, &faker_first_names, &natures}, &glued, 0, false, 4, {
		{30, {PLAIN, TEXT(" "), PICK(industry, "")}},	/* Harris Logistics Inc */
		{55, {PLAIN, TEXT(" & "), PICK(faker_last_names, "")}},	/* Harris & Wright LLC */
		{75, {PLAIN, TEXT(", "), PICK(faker_last_names, " and "), PICK(faker_last_names, "")}},
		{100, {GLUED, TEXT(" "), PICK(industry, "")}}	/* Oakfield Robotics Group */
	}
};

/* Senior Digital Marketing Manager II, EMEA */
static const CompoundKind job_kind = {
	&faker_jobs, false, NULL, 25, {NULL}, NULL, 0, false, 1, {
		{100, {PICK(levels, " "), EITHER(10, 6), PICK(quals, " "), TEXT(""),
		LATE(fields, " "), PICK(roles, ""), PICK(grades, ""),
		EITHER(2, 1), PICK(regions, ""), TEXT("")}}
	}
};

static const CompoundKind street_kind = {
	&faker_streets, true, &faker_street_suffixes, 70, {&faker_last_names, &faker_first_names, &natures}, &glued, 0, false, 3, {
		{40, {ROOT}},			/* 12 Harrison Avenue */
		{60, {GLUED}},			/* 12 Maplewood Drive */
		{100, {PICK(dirs, " "), EITHER(2, 1), ROOT, PLAIN}}	/* 12 West Carter Street */
	}
};

/* exdolorque, condolorsit, doloramettas, exdoloramettas */
static const CompoundKind lorem_kind = {
	&faker_lorem, false, NULL, 30, {NULL}, NULL, 0, false, 4, {
		{10, {LATE(lorem_pre, ""), PLAIN, PICK(lorem_end, "")}},
		{20, {LATE(lorem_pre, ""), PLAIN, PICK(faker_lorem, "")}},
		{30, {PLAIN, LATE(faker_lorem, ""), PICK(lorem_end, "")}},
		{100, {LATE(lorem_pre, ""), PLAIN, PICK(faker_lorem, ""), PICK(lorem_end, "")}}
	}
};

/* the "en" tables, in GenCompound's order */
static GenCompoundTables en_kinds = {
	&first_name_kind, &last_name_kind, &city_kind, &company_kind, &job_kind,
	&street_kind, &lorem_kind
};

/* what the parts of one value share: its kind, the leftover fraction, the plain draw */
typedef struct CompoundValue
{
	const CompoundKind *kind;
	uint64		r;
	int			index;
	const char *plain;
} CompoundValue;

/* the number of roots of kind K: the sum of its root lists */
static uint64
root_count(const CompoundKind *k)
{
	uint64		n = 0;

	for (int i = 0; k->roots[i]; i++)
		n += k->roots[i]->n;
	return n;
}

/* a root of V's kind: a word of one of its root lists (en: 600 names and nature words) */
static const char *
take_root(CompoundValue *v)
{
	const CompoundKind *k = v->kind;
	uint64		j = GenTake(&v->r, root_count(k));

	for (int i = 0;; i++)
	{
		if (j < (uint64) k->roots[i]->n)
			return k->roots[i]->words[j];
		j -= k->roots[i]->n;
	}
}

/*
 * Append W to BUF: appendStringInfoString without its two calls, for the
 * few words of every compound (a value's cost is mostly here).
 */
static inline void
put(StringInfo buf, const char *w)
{
	int			n = (int) strlen(w);

	if (buf->len + n >= buf->maxlen)
		enlargeStringInfo(buf, n);
	memcpy(buf->data + buf->len, w, n + 1);
	buf->len += n;
}

/* a word of LIST from the fraction *RP */
static inline const char *
take_word(uint64 *rp, const FakerWordList *list)
{
	return list->words[GenTake(rp, list->n)];
}

/*
 * Another plain value of the same gender as V's (John-Paul): the plain
 * list alternates genders (gender_split 0) or has one gender's words
 * first; never V's own word when there is another.
 */
static const char *
take_partner(CompoundValue *v)
{
	const CompoundKind *k = v->kind;
	int			n = k->list->n;
	int			j;

	if (k->gender_split == 0)
	{
		int			half = n / 2;

		j = (v->index % 2) + 2 * (int) GenTake(&v->r, half);
		if (j == v->index)
			j = (j + 2) % (2 * half);
	}
	else
	{
		bool		first = v->index < k->gender_split;
		int			lo = first ? 0 : k->gender_split;
		int			cnt = first ? k->gender_split : n - k->gender_split;

		j = lo + (int) GenTake(&v->r, cnt);
		if (j == v->index)
			j = lo + (j - lo + 1) % cnt;
	}
	return k->list->words[j];
}

static int	append_part(StringInfo buf, const CompoundPart *parts, int i,
						CompoundValue *v);

/* Does part P draw from the fraction? */
static bool
part_draws(const CompoundPart *p)
{
	return p->op != CP_TEXT && p->op != CP_PLAIN && p->op != CP_END;
}

/* Append word W of part P and the text that follows a non-empty word. */
static void
append_pick(StringInfo buf, const CompoundPart *p, const char *w)
{
	put(buf, w);
	if (*w && p->text)
		put(buf, p->text);
}

/*
 * A late pick PARTS[i]: the parts after it up to the next one that draws
 * are appended first, then its word is drawn and inserted before them.
 * Returns the index of the last part used.
 */
static int
append_late(StringInfo buf, const CompoundPart *parts, int i, CompoundValue *v)
{
	const CompoundPart *p = &parts[i];
	int			at = buf->len;
	int			j;
	const char *w;
	int			wlen;
	int			tlen;

	for (j = i + 1; parts[j].op != CP_END; j++)
	{
		bool		draws = part_draws(&parts[j]);

		j = append_part(buf, parts, j, v);
		if (draws)
			break;
	}
	if (parts[j].op == CP_END)
		j--;
	w = take_word(&v->r, p->list);
	wlen = strlen(w);
	tlen = (*w && p->text) ? strlen(p->text) : 0;
	enlargeStringInfo(buf, wlen + tlen);
	memmove(buf->data + at + wlen + tlen, buf->data + at, buf->len - at + 1);
	memcpy(buf->data + at, w, wlen);
	memcpy(buf->data + at + wlen, p->text, tlen);
	buf->len += wlen + tlen;
	return j;
}

/*
 * Append part PARTS[i] of value V; returns the index of the last part it
 * used (a CP_EITHER uses the two that follow it, a late part the parts up
 * to the next one that draws).
 */
static int
append_part(StringInfo buf, const CompoundPart *parts, int i, CompoundValue *v)
{
	const CompoundPart *p = &parts[i];

	switch (p->op)
	{
		case CP_END:
			break;
		case CP_TEXT:
			put(buf, p->text);
			break;
		case CP_PLAIN:
			put(buf, v->plain);
			break;
		case CP_PICK:
			if (p->late)
				return append_late(buf, parts, i, v);
			append_pick(buf, p, take_word(&v->r, p->list));
			break;
		case CP_INVENTED:
			for (int k = 0; k < GEN_INVENTED_PARTS && p->inv->lists[k]; k++)
				put(buf, take_word(&v->r, p->inv->lists[k]));
			break;
		case CP_ROOT:
			put(buf, take_root(v));
			break;
		case CP_ROOT_GLUED:
			put(buf, take_root(v));
			put(buf, take_word(&v->r, v->kind->glued));
			break;
		case CP_PARTNER:
			put(buf, take_partner(v));
			break;
		case CP_EITHER:
			if ((int) GenTake(&v->r, p->n) >= p->k)
				append_part(buf, parts, i + 1, v);
			else
				append_part(buf, parts, i + 2, v);
			return i + 2;
	}
	return i;
}

/* Append " TAIL" unless TAIL is NULL. */
static inline void
append_tail(StringInfo buf, const char *tail)
{
	if (tail)
	{
		appendStringInfoChar(buf, ' ');
		put(buf, tail);
	}
}

/*
 * Append a value of kind K: plain (a draw below 100 under its plain_pct) or a
 * compound of one of its variants, which falls back to the plain value
 * when it does not fit in G's varchar(n) (G may be NULL: no limit; a
 * UTF-8 word's bytes are counted, at least its characters).  The draws
 * are those of the plain value, then the parts' from the leftover
 * fraction: a plain value costs exactly the draws of a plain list pick.
 */
static void
compound_append(const CompoundKind *k, FakerGen *g, FakerRng *rng, StringInfo buf)
{
	CompoundValue v;
	int			start = buf->len;
	int			body;
	const char *tail;

	if (k->number)
	{
		char		num[12];

		pg_ltoa(1 + (int32) FakerRngBelow(rng, 9999), num);
		put(buf, num);
		appendStringInfoChar(buf, ' ');
	}
	body = buf->len;
	v.kind = k;
	v.index = (int) FakerRngBelowRest(rng, k->list->n, &v.r);
	v.plain = k->list->words[v.index];
	tail = k->tail ? k->tail->words[FakerRngBelow(rng, k->tail->n)] : NULL;
	if ((int) GenTake(&v.r, 100) >= k->plain_pct)
	{
		const CompoundVariant *var = &k->variants[0];
		int			i;

		/* the last variant's upto is 100 */
		if (k->nvariants > 1)
		{
			int			f = (int) GenTake(&v.r, 100);

			while (f >= var->upto)
				var++;
		}
		for (i = 0; var->parts[i].op != CP_END; i++)
			i = append_part(buf, var->parts, i, &v);
		append_tail(buf, tail);
		if (g == NULL || g->maxchars < 0 || buf->len - start <= g->maxchars)
			return;
		buf->len = body;
		buf->data[body] = '\0';
	}
	put(buf, v.plain);
	append_tail(buf, tail);
}

StaticAssertDecl(lengthof(en_kinds) == GEN_COMPOUND_N, "one table per GenCompound member");

/* The table of generator WHICH in LOCALE: the locale's own, else en's. */
static const CompoundKind *
kind_in(int locale, GenCompound which)
{
	const CompoundKind *k = NULL;

	if (locale == FAKER_LOCALE_DE)
		k = faker_de_compounds[which];
	else if (locale == FAKER_LOCALE_FR)
		k = faker_fr_compounds[which];
	return k ? k : en_kinds[which];
}

/*
 * A value of generator WHICH in LOCALE: plain or compound (see above).
 * UTF-8 words go to a scratch buffer first when the database encoding is
 * another, then are converted (GenAppendUtf8).
 */
void
GenAppendCompoundIn(int locale, GenCompound which, FakerGen *g, FakerRng *rng,
					StringInfo buf)
{
	const CompoundKind *k = kind_in(locale, which);
	int			enc;
	StringInfoData tmp;

	if (!k->utf8 || (enc = GetDatabaseEncoding()) == PG_UTF8 || enc == PG_SQL_ASCII)
	{
		compound_append(k, g, rng, buf);
		return;
	}
	initStringInfo(&tmp);
	compound_append(k, g, rng, &tmp);
	GenAppendUtf8(buf, tmp.data);
	pfree(tmp.data);
}

/* A value of the "en" generator WHICH: plain or compound (see above). */
void
GenAppendCompound(GenCompound which, FakerGen *g, FakerRng *rng, StringInfo buf)
{
	compound_append(en_kinds[which], g, rng, buf);
}

/* a lorem word, now and then a Latin-looking compound */
void
GenAppendLoremWord(FakerRng *rng, StringInfo buf)
{
	compound_append(&lorem_kind, NULL, rng, buf);
}

/* How many strings part PARTS[i] of kind K can write (at most); *USED: its last part. */
static double
part_space(const CompoundKind *k, const CompoundPart *parts, int i, int *used)
{
	const CompoundPart *p = &parts[i];
	double		n = 1;

	*used = i;
	switch (p->op)
	{
		case CP_PICK:
			return p->list->n;
		case CP_INVENTED:
			for (int j = 0; j < GEN_INVENTED_PARTS && p->inv->lists[j]; j++)
				n *= p->inv->lists[j]->n;
			return n;
		case CP_ROOT:
			return (double) root_count(k);
		case CP_ROOT_GLUED:
			return (double) root_count(k) * k->glued->n;
		case CP_PARTNER:
			return k->gender_split == 0 ? k->list->n / 2 :
				Max(k->gender_split, k->list->n - k->gender_split);
		case CP_EITHER:
			{
				int			u;

				n = part_space(k, parts, i + 1, &u) + part_space(k, parts, i + 2, &u);
				*used = i + 2;
				return n;
			}
		case CP_PLAIN:
			return k->list->n;
		default:
			return 1;
	}
}

/*
 * How many distinct values generator WHICH makes in LOCALE at most: the
 * plain list plus, per variant, the product of its parts' counts (a
 * variant's plain part counts the list, a partner half of it), times the
 * tail and the house numbers.
 */
double
GenCompoundSpace(int locale, GenCompound which)
{
	const CompoundKind *k = kind_in(locale, which);
	double		total = k->list->n;

	for (int v = 0; v < k->nvariants; v++)
	{
		const CompoundPart *parts = k->variants[v].parts;
		double		prod = 1;

		for (int i = 0; parts[i].op != CP_END; i++)
			prod *= part_space(k, parts, i, &i);
		total += prod;
	}
	if (k->tail)
		total *= k->tail->n;
	if (k->number)
		total *= 9999;
	return total;
}
