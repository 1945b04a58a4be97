/*
 * genpriv.h: the compiled generator, shared by the files of src/gen/.
 */
#ifndef FAKER_GENPRIV_H
#define FAKER_GENPRIV_H

#include "gen/gen.h"
#include "lib/stringinfo.h"

typedef enum GenKind
{
	G_INT, G_NUMERIC, G_FLOAT, G_BOOL, G_DIGITS, G_STRING, G_WORD, G_WORDS,
	G_SENTENCE, G_PARAGRAPH, G_FIRST_NAME, G_LAST_NAME, G_NAME, G_USERNAME,
	G_EMAIL, G_PHONE, G_COMPANY, G_JOB, G_STREET_ADDRESS, G_CITY, G_COUNTRY,
	G_POSTCODE, G_URL, G_IPV4, G_UUID, G_DATE, G_TIMESTAMP, G_TIMESTAMPTZ,
	G_COLOR, G_CHOICE, G_QUANTILES,
	/* defaults per type only (no "gen" name) */
	G_ENUM, G_JSONB, G_JSON, G_TIME, G_INTERVAL, G_BYTEA, G_INET, G_ARRAY
} GenKind;

struct FakerGen
{
	GenKind		kind;
	Oid			restype;		/* type of the Datums produced */
	int			maxchars;		/* -1: no cap */
	int64		imin, imax;		/* int, date (days), timestamps (usecs), numeric (scaled) */
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
	/* quantiles (quantile.c) */
	int			npoints;
	double	   *points;
};

/* text building (gentext.c) */
extern void GenAppendText(FakerGen *g, FakerRng *rng, StringInfo buf);

/* quantiles (quantile.c) */
extern void GenQuantilesCompile(FakerGen *g, Jsonb *spec, const char *path);
extern Datum GenQuantilesNext(FakerGen *g, FakerRng *rng);

#endif
