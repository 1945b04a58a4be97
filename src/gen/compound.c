/*
 * compound.c: the "en" compound values (README, "Value generators").
 *
 * A word list alone has a few hundred values; real columns have tens of
 * thousands of names, cities, companies and titles.  So each list draw
 * keeps its familiar value most of the time and otherwise becomes a
 * compound made the way real names are (Harrisonville, North Oakfield
 * Springs, Mary-Kate, Carter-Holloway, Harris & Wright LLC, Senior Data
 * Engineer II).  The compound's parts come from the leftover bits of the
 * same 64-bit draw (FakerRngBelowRest), so a plain value costs exactly the
 * draws it cost before: the plain values of a seed are unchanged, and so is
 * every value after them in the stream.
 */
#include "postgres.h"

#include "gen/compound.h"

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

/* the arrays above as word lists, for the parts below */
static const FakerWordList onsets = FAKER_WORDS(syl_onsets);
static const FakerWordList mids = FAKER_WORDS(syl_mids);
static const FakerWordList first_ends = FAKER_WORDS(first_endings);
static const FakerWordList last_ends = FAKER_WORDS(last_endings);
static const FakerWordList natures = FAKER_WORDS(nature_roots);
static const FakerWordList prefixes = FAKER_WORDS(city_prefixes);
static const FakerWordList glued = FAKER_WORDS(city_glued);
static const FakerWordList spaced = FAKER_WORDS(city_spaced);
static const FakerWordList industry = FAKER_WORDS(industries);
static const FakerWordList dirs = FAKER_WORDS(street_dirs);
static const FakerWordList levels = FAKER_WORDS(job_levels);
static const FakerWordList quals = FAKER_WORDS(job_quals);
static const FakerWordList fields = FAKER_WORDS(job_fields);
static const FakerWordList roles = FAKER_WORDS(job_roles);
static const FakerWordList grades = FAKER_WORDS(job_grades);
static const FakerWordList regions = FAKER_WORDS(job_regions);
static const FakerWordList lorem_pre = FAKER_WORDS(lorem_prefixes);
static const FakerWordList lorem_end = FAKER_WORDS(lorem_endings);

/*
 * A compound is a sequence of parts, written left to right.  Each part that
 * draws takes its numbers from the fraction left over by the plain draw, in
 * the order of the parts, except that a "late" part (a CP_PICK) is drawn
 * after the next part that draws and still written before it.  (The
 * builders this table replaced drew the arguments of one appendStringInfo
 * call right to left, as gcc evaluates them; "late" keeps those values.)
 */
typedef enum CompoundOp
{
	CP_END,						/* no more parts */
	CP_TEXT,					/* text */
	CP_PLAIN,					/* the plain value */
	CP_PICK,					/* a word of list, then text if the word is not "" */
	CP_INVENTED,				/* onset, middle and an ending of list */
	CP_ROOT,					/* a city root: a last or first name or nature word */
	CP_ROOT_GLUED,				/* a city root and a glued suffix */
	CP_PARTNER,					/* another first name of the plain one's half */
	CP_EITHER					/* the next part when a draw below n is >= k,
								 * else the part after it */
} CompoundOp;

typedef struct CompoundPart
{
	CompoundOp	op;
	const FakerWordList *list;	/* CP_PICK, CP_INVENTED */
	const char *text;			/* CP_TEXT; CP_PICK: after a non-empty word */
	int			n;				/* CP_EITHER */
	int			k;				/* CP_EITHER */
	bool		late;			/* CP_PICK: drawn after the next drawing part */
} CompoundPart;

#define MAX_PARTS 12			/* the longest variant's parts and a CP_END */

/* one way of making a compound, taken when the variant draw is below upto */
typedef struct CompoundVariant
{
	int			upto;
	CompoundPart parts[MAX_PARTS];
} CompoundVariant;

/*
 * A generator: the plain list, drawn with FakerRngBelowRest; before it, a house
 * number when number is set; after it, a word of tail, written at the end
 * of plain values and compounds alike (a company's "Inc", a street's
 * "Avenue").  A value is plain when a draw below 100 is below plain_pct
 * (lorem: the caller's), else one of the variants (chosen by a draw below
 * 10 when there are several).
 */
typedef struct CompoundKind
{
	const FakerWordList *list;
	bool		number;
	const FakerWordList *tail;
	int			plain_pct;
	int			nvariants;
	CompoundVariant variants[4];
} CompoundKind;

#define TEXT(t)		{CP_TEXT, NULL, (t)}
#define PLAIN		{CP_PLAIN}
#define PICK(l, t)	{CP_PICK, &(l), (t)}
#define LATE(l, t)	{CP_PICK, &(l), (t), 0, 0, true}
#define INVENTED(l) {CP_INVENTED, &(l)}
#define ROOT		{CP_ROOT}
#define GLUED		{CP_ROOT_GLUED}
#define EITHER(n, k) {CP_EITHER, NULL, NULL, (n), (k)}

/*
 * The generators' tables.  Invented names (Kelenson, Marisa, Torwood) are
 * an onset, a middle and an ending.
 */
static const CompoundKind first_name_kind = {
	&faker_first_names, false, NULL, 60, 3, {
		{4, {INVENTED(first_ends)}},
		{7, {PLAIN, TEXT("-"), {CP_PARTNER}}},	/* Mary-Kate */
		{10, {PLAIN, TEXT("-"), INVENTED(first_ends)}}
	}
};

static const CompoundKind last_name_kind = {
	&faker_last_names, false, NULL, 45, 4, {
		{4, {INVENTED(last_ends)}},
		{7, {PLAIN, TEXT("-"), PICK(faker_last_names, "")}},	/* Carter-Holloway */
		{9, {PLAIN, TEXT("-"), INVENTED(last_ends)}},
		{10, {INVENTED(last_ends), TEXT("-"), PLAIN}}
	}
};

static const CompoundKind city_kind = {
	&faker_cities, false, NULL, 45, 4, {
		{1, {GLUED}},			/* Harrisonville */
		{4, {PICK(prefixes, " "), GLUED}},	/* North Oakfield */
		{7, {GLUED, PICK(spaced, "")}}, /* Marysville Heights */
		/* East Clarkston Springs */
		{10, {PICK(prefixes, " "), GLUED, PICK(spaced, "")}}
	}
};

static const CompoundKind company_kind = {
	&faker_last_names, false, &faker_company_suffixes, 40, 4, {
		{4, {PLAIN, TEXT(" "), PICK(industry, "")}},	/* Harris Logistics Inc */
		{6, {PLAIN, TEXT(" & "), PICK(faker_last_names, "")}},	/* Harris & Wright LLC */
		{8, {PLAIN, TEXT(", "), PICK(faker_last_names, " and "), PICK(faker_last_names, "")}},
		{10, {GLUED, TEXT(" "), PICK(industry, "")}}	/* Oakfield Robotics Group */
	}
};

/* Senior Digital Marketing Manager II, EMEA */
static const CompoundKind job_kind = {
	&faker_jobs, false, NULL, 60, 1, {
		{10, {PICK(levels, " "), EITHER(10, 6), PICK(quals, " "), TEXT(""),
		LATE(fields, " "), PICK(roles, ""), PICK(grades, ""),
		EITHER(2, 1), PICK(regions, ""), TEXT("")}}
	}
};

static const CompoundKind street_kind = {
	&faker_streets, true, &faker_street_suffixes, 60, 3, {
		{4, {ROOT}},			/* 12 Harrison Avenue */
		{6, {GLUED}},			/* 12 Maplewood Drive */
		{10, {PICK(dirs, " "), EITHER(2, 1), ROOT, PLAIN}}	/* 12 West Carter Street */
	}
};

static const CompoundKind lorem_kind = {
	&faker_lorem, false, NULL, 0, 3, {
		{3, {LATE(lorem_pre, ""), PLAIN, PICK(lorem_end, "")}}, /* exdolorque */
		{6, {LATE(lorem_pre, ""), PLAIN, PICK(faker_lorem, "")}},
		{10, {PLAIN, LATE(faker_lorem, ""), PICK(lorem_end, "")}}
	}
};

/* what the parts of one value share: the leftover fraction, the plain draw */
typedef struct CompoundValue
{
	uint64		r;
	int			index;
	const char *plain;
} CompoundValue;

/* a city root: a last name, a first name or a nature word (600) */
static const char *
city_root(uint64 *rp)
{
	uint64		k = GenTake(rp, faker_last_names.n + faker_first_names.n + natures.n);

	if (k < (uint64) faker_last_names.n)
		return faker_last_names.words[k];
	k -= faker_last_names.n;
	if (k < (uint64) faker_first_names.n)
		return faker_first_names.words[k];
	return natures.words[k - faker_first_names.n];
}

/* a word of LIST from the fraction *RP */
static inline const char *
take_word(uint64 *rp, const FakerWordList *list)
{
	return list->words[GenTake(rp, list->n)];
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
	appendStringInfoString(buf, w);
	if (*w && p->text)
		appendStringInfoString(buf, p->text);
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
	int			half;
	int			j;

	switch (p->op)
	{
		case CP_END:
			break;
		case CP_TEXT:
			appendStringInfoString(buf, p->text);
			break;
		case CP_PLAIN:
			appendStringInfoString(buf, v->plain);
			break;
		case CP_PICK:
			if (p->late)
				return append_late(buf, parts, i, v);
			append_pick(buf, p, take_word(&v->r, p->list));
			break;
		case CP_INVENTED:
			appendStringInfoString(buf, take_word(&v->r, &onsets));
			appendStringInfoString(buf, take_word(&v->r, &mids));
			appendStringInfoString(buf, take_word(&v->r, p->list));
			break;
		case CP_ROOT:
			appendStringInfoString(buf, city_root(&v->r));
			break;
		case CP_ROOT_GLUED:
			appendStringInfoString(buf, city_root(&v->r));
			appendStringInfoString(buf, take_word(&v->r, &glued));
			break;
		case CP_PARTNER:
			/* the list alternates men's and women's names: John-Paul */
			half = faker_first_names.n / 2;
			j = (v->index % 2) + 2 * (int) GenTake(&v->r, half);
			if (j == v->index)
				j = (j + 2) % (2 * half);
			appendStringInfoString(buf, faker_first_names.words[j]);
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

/*
 * Append a value of kind K: plain (a draw below 100 under PLAIN_PCT) or a
 * compound of one of its variants, which falls back to the plain value
 * when it does not fit in G's varchar(n) (G may be NULL: no limit).  The
 * draws are those of the plain value, then the parts' from the leftover
 * fraction: a plain value costs exactly the draws of a plain list pick.
 */
static void
compound_append(const CompoundKind *k, int plain_pct, FakerGen *g,
				FakerRng *rng, StringInfo buf)
{
	CompoundValue v;
	int			start = buf->len;
	int			body;
	const char *tail;

	if (k->number)
		appendStringInfo(buf, "%d ", 1 + (int) FakerRngBelow(rng, 9999));
	body = buf->len;
	v.index = (int) FakerRngBelowRest(rng, k->list->n, &v.r);
	v.plain = k->list->words[v.index];
	tail = k->tail ? k->tail->words[FakerRngBelow(rng, k->tail->n)] : NULL;
	if ((int) GenTake(&v.r, 100) >= plain_pct)
	{
		const CompoundVariant *var = &k->variants[0];
		int			i;

		/* the last variant's upto is 10 */
		if (k->nvariants > 1)
		{
			int			f = (int) GenTake(&v.r, 10);

			while (f >= var->upto)
				var++;
		}
		for (i = 0; var->parts[i].op != CP_END; i++)
			i = append_part(buf, var->parts, i, &v);
		if (tail)
			appendStringInfo(buf, " %s", tail);
		if (g == NULL || g->maxchars < 0 || buf->len - start <= g->maxchars)
			return;
		buf->len = body;
		buf->data[body] = '\0';
	}
	appendStringInfoString(buf, v.plain);
	if (tail)
		appendStringInfo(buf, " %s", tail);
}

/* the tables of GenCompound's members, in its order */
static const CompoundKind *const kinds[] = {
	&first_name_kind, &last_name_kind, &city_kind, &company_kind, &job_kind,
	&street_kind
};

StaticAssertDecl(lengthof(kinds) == GEN_COMPOUND_STREET_ADDRESS + 1,
				 "one table per GenCompound member");

/* A value of the "en" generator WHICH: plain or compound (see above). */
void
GenAppendCompound(GenCompound which, FakerGen *g, FakerRng *rng, StringInfo buf)
{
	compound_append(kinds[which], kinds[which]->plain_pct, g, rng, buf);
}

/* a lorem word, now and then a Latin-looking compound (PLAIN_PCT plain) */
void
GenAppendLoremWord(FakerRng *rng, StringInfo buf, int plain_pct)
{
	compound_append(&lorem_kind, plain_pct, NULL, rng, buf);
}
