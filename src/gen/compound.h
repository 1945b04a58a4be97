/*
 * compound.h: values beyond the word lists (src/gen/compound.c), and the
 * tables that describe them (one per generator and locale: compound.c for
 * "en", words_de.c and words_fr.c for "de" and "fr").
 */
#ifndef FAKER_COMPOUND_H
#define FAKER_COMPOUND_H

#include "gen/genpriv.h"
#include "gen/words.h"
#include "prng.h"

/*
 * A uniform integer in [0, m) from the fraction *R (FakerRngBelowRest's
 * rest), which keeps the rest.
 */
static inline uint64
GenTake(uint64 *r, uint64 m)
{
	uint128		p = (uint128) *r * (uint128) m;

	*r = (uint64) p;
	return (uint64) (p >> 64);
}

/* the generators whose values are often compounds (one table each) */
typedef enum GenCompound
{
	GEN_COMPOUND_FIRST_NAME,
	GEN_COMPOUND_LAST_NAME,
	GEN_COMPOUND_CITY,
	GEN_COMPOUND_COMPANY,
	GEN_COMPOUND_JOB,
	GEN_COMPOUND_STREET_ADDRESS,
	GEN_COMPOUND_LOREM,
	GEN_COMPOUND_N
} GenCompound;

/*
 * A compound is a sequence of parts, written left to right.  Each part that
 * draws takes its numbers from the fraction left over by the plain draw, in
 * the order of the parts, except that a "late" part (a CP_PICK) is drawn
 * after the next part that draws and still written before it.
 */
typedef enum CompoundOp
{
	CP_END,						/* no more parts */
	CP_TEXT,					/* text */
	CP_PLAIN,					/* the plain value */
	CP_PICK,					/* a word of list, then text if the word is not "" */
	CP_INVENTED,				/* a word of each list of inv, glued */
	CP_ROOT,					/* a root: a word of one of the kind's roots */
	CP_ROOT_GLUED,				/* a root and a word of the kind's glued */
	CP_PARTNER,					/* another plain value of the plain one's gender */
	CP_EITHER					/* the next part when a draw below n is >= k,
								 * else the part after it */
} CompoundOp;

/* an invented word: one word of each list, glued (Kel + e + n + ssa) */
#define GEN_INVENTED_PARTS 5
typedef struct GenInvented
{
	const FakerWordList *lists[GEN_INVENTED_PARTS];	/* NULL: fewer parts */
} GenInvented;

typedef struct CompoundPart
{
	CompoundOp	op;
	const FakerWordList *list;	/* CP_PICK */
	const char *text;			/* CP_TEXT; CP_PICK: after a non-empty word */
	int			n;				/* CP_EITHER */
	int			k;				/* CP_EITHER */
	bool		late;			/* CP_PICK: drawn after the next drawing part */
	const GenInvented *inv;		/* CP_INVENTED */
} CompoundPart;

#define GEN_COMPOUND_MAX_PARTS 12	/* the longest variant's parts and a
									 * CP_END */
#define GEN_COMPOUND_MAX_VARIANTS 7

/* one way of making a compound, taken when the variant draw (below 100)
 * is below upto */
typedef struct CompoundVariant
{
	int			upto;
	CompoundPart parts[GEN_COMPOUND_MAX_PARTS];
} CompoundVariant;

/*
 * A generator: the plain list, drawn with FakerRngBelowRest; before it, a house
 * number when number is set; after it, a word of tail, written at the end
 * of plain values and compounds alike (a company's "Inc", a street's
 * "Avenue").  A value is plain when a draw below 100 is below plain_pct
 * (lorem: the caller's), else one of the variants (chosen by a draw below
 * 100 when there are several; the last one's upto is 100).  roots (up to
 * 3, NULL-terminated) and glued serve CP_ROOT and CP_ROOT_GLUED; the plain
 * list's first gender_split words are of one gender, the others of the
 * other (0: they alternate), for CP_PARTNER.  utf8: the words are UTF-8,
 * converted to the database encoding when it is another.
 */
typedef struct CompoundKind
{
	const FakerWordList *list;
	bool		number;
	const FakerWordList *tail;
	int			plain_pct;
	const FakerWordList *roots[4];
	const FakerWordList *glued;
	int			gender_split;
	bool		utf8;
	int			nvariants;
	CompoundVariant variants[GEN_COMPOUND_MAX_VARIANTS];
} CompoundKind;

#define TEXT(t)		{CP_TEXT, NULL, (t)}
#define PLAIN		{CP_PLAIN}
#define PICK(l, t)	{CP_PICK, &(l), (t)}
#define LATE(l, t)	{CP_PICK, &(l), (t), 0, 0, true}
#define INVENTED(x) {CP_INVENTED, NULL, NULL, 0, 0, false, &(x)}
#define ROOT		{CP_ROOT}
#define GLUED		{CP_ROOT_GLUED}
#define PARTNER		{CP_PARTNER}
#define EITHER(n, k) {CP_EITHER, NULL, NULL, (n), (k)}

/* the tables of a locale, in GenCompound's order (NULL: those of "en") */
typedef const CompoundKind *const GenCompoundTables[GEN_COMPOUND_N];
extern GenCompoundTables faker_de_compounds;
extern GenCompoundTables faker_fr_compounds;

/*
 * Append a value of generator WHICH in LOCALE (FAKER_LOCALE_*): plain or
 * compound (compound.c).  G (may be NULL) gives the varchar(n) a compound
 * must fit in.
 */
extern void GenAppendCompoundIn(int locale, GenCompound which, FakerGen *g,
								FakerRng *rng, StringInfo buf);
/* The same in the locale "en" (compounds of other locales call it too). */
extern void GenAppendCompound(GenCompound which, FakerGen *g, FakerRng *rng,
							  StringInfo buf);
/* a lorem word: plain, or now and then a Latin-looking compound */
extern void GenAppendLoremWord(FakerRng *rng, StringInfo buf);

/*
 * How many distinct values generator WHICH makes in LOCALE at most: the
 * plain list and the products of every variant's part counts (an upper
 * bound: a few products spell the same string).
 */
extern double GenCompoundSpace(int locale, GenCompound which);

#endif
