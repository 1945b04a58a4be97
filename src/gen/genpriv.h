/*
 * genpriv.h: the compiled generator, shared by the files of src/gen/.
 */
#ifndef FAKER_GENPRIV_H
#define FAKER_GENPRIV_H

#include "gen/gen.h"
#include "fmgr.h"
#include "lib/stringinfo.h"
#include "options.h"
#include "gen/words.h"

typedef enum GenKind
{
	G_INT, G_NUMERIC, G_FLOAT, G_BOOL, G_DIGITS, G_STRING, G_WORD, G_WORDS,
	G_SENTENCE, G_PARAGRAPH, G_FIRST_NAME, G_LAST_NAME, G_NAME, G_USERNAME,
	G_EMAIL, G_PHONE, G_COMPANY, G_JOB, G_STREET_ADDRESS, G_CITY, G_COUNTRY,
	G_POSTCODE, G_URL, G_IPV4, G_UUID, G_DATE, G_TIMESTAMP, G_TIMESTAMPTZ,
	G_COLOR, G_CHOICE, G_REGEX, G_QUANTILES,
	/* defaults per type only (no "gen" name) */
	G_ENUM, G_JSONB, G_JSON, G_TIME, G_INTERVAL, G_BYTEA, G_INET, G_ARRAY,
	G_DECIMAL, G_MONEY, G_TIMETZ, G_RANGE, G_MULTIRANGE, G_COMPOSITE, G_COERCE,
	G_INPUT,
	/* text by column name only */
	G_SLUG, G_USER_AGENT, G_CURRENCY, G_COUNTRY_CODE, G_LOCALE
} GenKind;

/* G_INPUT: the text form built, then read by the type's input function */
typedef enum GenForm
{
	F_TSVECTOR, F_TSQUERY, F_BIT, F_VARBIT, F_CIDR, F_MACADDR, F_MACADDR8, F_XML,
	F_POINT, F_LINE, F_LSEG, F_BOX, F_PATH, F_POLYGON, F_CIRCLE, F_JSONPATH, F_PG_LSN,
	F_CHAR, F_HSTORE, F_LTREE, F_GEOMETRY
} GenForm;

struct FakerGen
{
	GenKind		kind;
	Oid			restype;		/* type of the Datums produced */
	int			maxchars;		/* -1: no cap */
	int64		imin, imax;		/* int, date (days), timestamps (usecs), numeric (scaled) */
	bool		loose;			/* a type's default: criteria may move the range */
	double		fmin, fmax;		/* float */
	double		p;				/* bool */
	int			scale;			/* numeric */
	int			n, nmin, nmax;	/* counts and lengths */
	/* choice and enum */
	int			nvalues;
	char	  **values;			/* choice: text of each value */
	Oid		   *labels;			/* enum: label OIDs */
	double	   *cum;			/* cumulative weights, NULL = uniform */
	/* array */
	struct FakerGen *elem;
	int16		elmlen;
	bool		elmbyval;
	char		elmalign;
	/* regex */
	struct FakerRegex *regex;
	/* G_INPUT, G_COERCE: the target type's input (and the inner output) */
	GenForm		form;
	FmgrInfo   *infn;
	FmgrInfo   *outfn;
	Oid			ioparam;
	int32		typmod;
	/* G_INPUT F_GEOMETRY: PostGIS typmod parts */
	int			geotype;
	int			srid;
	bool		hasz,
				hasm;
	/* G_RANGE, G_MULTIRANGE: the range type (elem: its subtype's generator) */
	struct TypeCacheEntry *rngcache;
	/* G_COMPOSITE: one generator per attribute (NULL: dropped) */
	int			nsubs;
	struct FakerGen **subs;
	struct TupleDescData *tupdesc;
	/* quantiles (quantile.c) */
	int			npoints;
	double	   *points;
};

/* typed.c: values of the kinds only defaults make (GenNextTyped) */
extern Datum GenNextTyped(FakerGen *g, FakerRng *rng);

typedef struct FakerRegex FakerRegex;

/* regex.c: compile PATTERN (errors name PATH); values; the varchar(n) check */
extern FakerRegex *GenRegexCompile(const char *pattern, bool icase, const char *path);
extern Datum GenRegexNext(FakerGen *g, FakerRng *rng);
extern void GenRegexCheckLength(FakerGen *g);

/* text building (gentext.c) */
/*
 * A value made as text first: APPEND writes it into a scratch buffer and
 * FINISH turns the text (LEN bytes) into the Datum (gen.c).
 */
typedef void (*GenAppendFn) (FakerGen *g, FakerRng *rng, StringInfo buf);
typedef Datum (*GenFinishFn) (FakerGen *g, const char *text, int len);
extern Datum GenBuildDatum(FakerGen *g, FakerRng *rng, GenAppendFn append, GenFinishFn finish);

extern void GenAppendText(FakerGen *g, FakerRng *rng, StringInfo buf);
/* the same in LOCALE (FAKER_LOCALE_*: an address's country's) */
extern void GenAppendTextIn(int locale, FakerGen *g, FakerRng *rng, StringInfo buf);

/* A uniform word of list L. */
static inline const char *
GenPick(const FakerWordList *l, FakerRng *rng)
{
	return l->words[FakerRngBelow(rng, l->n)];
}

/* N random digits, the first at least FIRST_MIN (0, 1 or 2). */
extern void GenAppendDigits(StringInfo buf, FakerRng *rng, int n, int first_min);
/* session scratch buffers: a text value (gen.c), a login's names (gentext.c) */
#define GEN_SCRATCH_VALUE 0
#define GEN_SCRATCH_FIRST 1
#define GEN_SCRATCH_LAST 2
#define GEN_SCRATCH_N 3
extern StringInfo GenScratch(int which);
/* N lorem words separated by SEP */
extern void GenAppendWords(StringInfo buf, FakerRng *rng, int n, const char *sep);

/* quantiles (quantile.c) */
extern void GenQuantilesCompile(FakerGen *g, FakerOptions *o);
extern Datum GenQuantilesNext(FakerGen *g, FakerRng *rng);
extern Datum GenQuantilesInSegment(FakerGen *g, int i, FakerRng *rng);

#endif
