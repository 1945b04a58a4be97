/*
 * genspace.c: how many distinct values a generator can make (README,
 * "Value generators", the "distinct values" column).
 *
 * faker_define warns and faker_populate refuses before writing when a
 * column asks for more distinct values than its generator has
 * (src/model/spaces.c): a unique weekday column of 1000 rows can never be
 * filled.  The count is an upper bound (a few products
 * of parts spell the same string) in the current faker.locale, before a
 * varchar(n) cuts values; kinds whose count is not known (regex, the
 * defaults of composite, array, json and geometric types) give infinity,
 * which never triggers a check.
 */
#include "postgres.h"

#include <math.h>

#include "faker.h"
#include "gen/compound.h"
#include "gen/genpriv.h"
#include "gen/locale.h"

/* sum of BASE^len for len in [LO, HI], infinity beyond a double */
static double
lengths_space(double base, int lo, int hi)
{
	double		total = 0;

	for (int len = lo; len <= hi && total < 1e300; len++)
		total += pow(base, len);
	return total;
}

/* first.last, firstlast, f.last (the initial: 26 letters at most), 1000 numbers, domains */
static double
login_space(const FakerGen *g, double first, double last)
{
	double		n = (2 * first + 26) * last * 1000;

	return g->kind == G_EMAIL ? n * faker_domains.n : n;
}

/* The persons' generators in LOCALE: first and last names, logins. */
static double
person_space(const FakerGen *g, int locale)
{
	double		first = GenCompoundSpace(locale, GEN_COMPOUND_FIRST_NAME);
	double		last = GenCompoundSpace(locale, GEN_COMPOUND_LAST_NAME);

	switch (g->kind)
	{
		case G_FIRST_NAME:
			return first;
		case G_LAST_NAME:
			return last;
		case G_NAME:
			return first * last;
		default:
			/* de and fr logins are made of the plain lists (locale.c) */
			if (locale == FAKER_LOCALE_DE)
				return login_space(g, faker_de_first_names.n, faker_de_last_names.n);
			if (locale == FAKER_LOCALE_FR)
				return login_space(g, faker_fr_first_names.n, faker_fr_last_names.n);
			return login_space(g, first, last);
	}
}

/* Addresses and phones in LOCALE. */
static double
place_space(const FakerGen *g, int locale)
{
	switch (g->kind)
	{
		case G_CITY:
			return GenCompoundSpace(locale, GEN_COMPOUND_CITY);
		case G_STREET_ADDRESS:
			/* de: number 1 to 199, a third letter now and then; fr: number and type */
			if (locale == FAKER_LOCALE_DE)
				return GenCompoundSpace(locale, GEN_COMPOUND_STREET_ADDRESS) * 199 * 4;
			if (locale == FAKER_LOCALE_FR)
				return GenCompoundSpace(locale, GEN_COMPOUND_STREET_ADDRESS) * 199 *
					faker_fr_street_types.n;
			return GenCompoundSpace(locale, GEN_COMPOUND_STREET_ADDRESS);
		case G_POSTCODE:
			/* de: 01067 to 99998; fr: departement 01 to 95, 3 digits; en: 5 digits */
			if (locale == FAKER_LOCALE_DE)
				return 99998 - 1067 + 1;
			return locale == FAKER_LOCALE_FR ? 95000 : 100000;
		default:
			/* G_PHONE: de 10 or 11 digits after +49, fr 8 areas x 10^8, en NXX-NXX-XXXX */
			if (locale == FAKER_LOCALE_DE)
				return 2 * faker_de_phone_areas.n * 9e8;
			return locale == FAKER_LOCALE_FR ? 8e8 : 8e2 * 8e2 * 1e4;
	}
}

/* The word generators: lorem words, compounds now and then (gentext.c). */
static double
words_space(const FakerGen *g)
{
	double		word = GenCompoundSpace(FAKER_LOCALE_EN, GEN_COMPOUND_LOREM);

	switch (g->kind)
	{
		case G_WORD:
			return word;
		case G_WORDS:
		case G_SENTENCE:
			/* fewer than 3 words: compounds; more: plain lorem words */
			return g->n < 3 ? pow(word, g->n) : pow(faker_lorem.n, g->n);
		case G_SLUG:
			return lengths_space(faker_lorem.n, 2, 4);
		default:
			/* G_PARAGRAPH: sentences of 6 to 12 words */
			return pow(lengths_space(faker_lorem.n, 6, 12), g->n);
	}
}

/*
 * How many distinct values G can make at most (see the file comment):
 * infinity when faker does not know.  A flat dispatch on the kind.
 */
double
FakerGenSpace(const FakerGen *g)
{
	int			locale = faker_locale;

	switch (g->kind)
	{
		case G_INT:
		case G_NUMERIC:
		case G_DATE:
		case G_TIMESTAMP:
		case G_TIMESTAMPTZ:
			/* integers, scaled numerics, days, microseconds */
			return (double) g->imax - (double) g->imin + 1;
		case G_FLOAT:
			return g->fmax > g->fmin ? pow(2, 53) : 1;
		case G_BOOL:
			return (g->p > 0 && g->p < 1) ? 2 : 1;
		case G_DIGITS:
			return pow(10, g->n);
		case G_STRING:
			return lengths_space(62, g->nmin, g->nmax);
		case G_WORD:
		case G_WORDS:
		case G_SENTENCE:
		case G_PARAGRAPH:
		case G_SLUG:
			return words_space(g);
		case G_FIRST_NAME:
		case G_LAST_NAME:
		case G_NAME:
		case G_USERNAME:
		case G_EMAIL:
			return person_space(g, locale);
		case G_CITY:
		case G_STREET_ADDRESS:
		case G_POSTCODE:
		case G_PHONE:
			return place_space(g, locale);
		case G_COMPANY:
			return GenCompoundSpace(locale, GEN_COMPOUND_COMPANY);
		case G_JOB:
			return GenCompoundSpace(FAKER_LOCALE_EN, GEN_COMPOUND_JOB);
		case G_COUNTRY:
			return faker_countries.n;
		case G_COLOR:
			return faker_colors.n;
		case G_CURRENCY:
			return faker_currencies.n;
		case G_COUNTRY_CODE:
			return faker_country_codes.n;
		case G_LOCALE:
			return faker_locales.n;
		case G_URL:
			/* a last name, a TLD, a lorem word (compounds too) */
			return (double) faker_last_names.n * faker_tlds.n *
				GenCompoundSpace(FAKER_LOCALE_EN, GEN_COMPOUND_LOREM);
		case G_IPV4:
			return 223.0 * 256 * 256 * 254;
		case G_UUID:
			return pow(2, 122);
		case G_CHOICE:
		case G_ENUM:
			return g->nvalues;
		default:
			return INFINITY;
	}
}
