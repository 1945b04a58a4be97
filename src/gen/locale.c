/*
 * locale.c: names, addresses, phones, postcodes and companies of the
 * locales "de" and "fr" (faker.locale; README, "Settings").
 *
 * The word lists are UTF-8.  A word is converted to the database encoding
 * when it is appended (nothing to do in a UTF8 or SQL_ASCII database), and
 * transliterated to ASCII (ä -> ae, ß -> ss, é -> e, ...) where it becomes
 * part of an email or a username, which stay at the reserved example.*
 * domains of every locale.
 */
#include "postgres.h"

#include <ctype.h>

#include "mb/pg_wchar.h"

#include "faker.h"
#include "gen/compound.h"
#include "gen/locale.h"

/* the names logins are made of (the other generators: compound.c's tables) */
typedef struct GenLocale
{
	const FakerWordList *first_names;
	const FakerWordList *last_names;
} GenLocale;

static const GenLocale locale_de = {&faker_de_first_names, &faker_de_last_names};

static const GenLocale locale_fr = {&faker_fr_first_names, &faker_fr_last_names};

/* Append the UTF-8 word W in the database encoding. */
void
GenAppendUtf8(StringInfo buf, const char *w)
{
	int			enc = GetDatabaseEncoding();
	char	   *s;

	if (enc == PG_UTF8 || enc == PG_SQL_ASCII)
	{
		appendStringInfoString(buf, w);
		return;
	}
	/* an error if the encoding has no such character (none outside Latin-1) */
	s = pg_any_to_server(w, strlen(w), PG_UTF8);
	appendStringInfoString(buf, s);
	if (s != w)
		pfree(s);
}

/*
 * ASCII for the Latin-1 letters U+00C0 to U+00FF, by their low 6 bits
 * (upper and lower case alike, both lower-cased); "" drops the character.
 */
static const char *const latin1_ascii[64] = {
	"a", "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "oe", "", "o", "u", "u", "u", "ue", "y", "th", "ss",
	"a", "a", "a", "a", "ae", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
	"d", "n", "o", "o", "o", "o", "oe", "", "o", "u", "u", "u", "ue", "y", "th", "y"
};

/*
 * Append the UTF-8 word NAME lower-cased and transliterated to ASCII,
 * keeping only [a-z0-9] (as gentext.c's append_slug does for "en"); also
 * the names an email is derived from (gentext.c, FakerGenLoginFrom).
 */
void
GenAppendAsciiSlug(StringInfo buf, const char *name)
{
	const unsigned char *p = (const unsigned char *) name;

	while (*p)
	{
		if (*p < 0x80)
		{
			if (isalnum(*p))
				appendStringInfoChar(buf, (char) tolower(*p));
			p++;
		}
		else if (p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF)
		{
			/* U+00C0..U+00FF: 0xC3 then 0x80 + (code point - 0xC0) */
			appendStringInfoString(buf, latin1_ascii[p[1] - 0x80]);
			p += 2;
		}
		else if (p[0] == 0xC5 && (p[1] == 0x92 || p[1] == 0x93))
		{
			appendStringInfoString(buf, "oe");	/* Œ, œ */
			p += 2;
		}
		else
		{
			/* any other character: dropped, with its continuation bytes */
			p++;
			while ((*p & 0xC0) == 0x80)
				p++;
		}
	}
}

/* first.last, firstlast or f.last (ASCII), digits; emails at example.* */
static void
append_login(const GenLocale *loc, FakerGen *g, FakerRng *rng, StringInfo buf)
{
	const char *first = GenPick(loc->first_names, rng);
	const char *last = GenPick(loc->last_names, rng);
	int			style = (int) FakerRngBelow(rng, 3);

	if (style == 2)
	{
		StringInfoData f;

		initStringInfo(&f);
		GenAppendAsciiSlug(&f, first);
		appendStringInfoChar(buf, f.data[0]);
		pfree(f.data);
	}
	else
		GenAppendAsciiSlug(buf, first);
	if (style != 1)
		appendStringInfoChar(buf, g->kind == G_EMAIL ? '.' : '_');
	GenAppendAsciiSlug(buf, last);
	appendStringInfo(buf, "%d", (int) FakerRngBelow(rng, 1000));
	if (g->kind == G_EMAIL)
		appendStringInfo(buf, "@%s", GenPick(&faker_domains, rng));
}

/* +49 30 1234567: an area code (or mobile prefix) without its 0, then the
 * subscriber number, 10 or 11 digits in all */
static void
append_phone_de(FakerRng *rng, StringInfo buf)
{
	const char *area = GenPick(&faker_de_phone_areas, rng);
	int			len = 9 - (int) strlen(area) + (int) FakerRngBelow(rng, 2);

	if (area[0] == '1')			/* mobile: 015x, 016x, 017x */
		len = 7 + (int) FakerRngBelow(rng, 2);
	appendStringInfo(buf, "+49 %s ", area);
	GenAppendDigits(buf, rng, len, 1);
}

/* +33 1 23 45 67 89: a region (1 to 5), mobile (6, 7) or 9, four pairs */
static void
append_phone_fr(FakerRng *rng, StringInfo buf)
{
	static const char first[] = "12345679";

	appendStringInfo(buf, "+33 %c", first[FakerRngBelow(rng, 8)]);
	for (int i = 0; i < 4; i++)
	{
		appendStringInfoChar(buf, ' ');
		GenAppendDigits(buf, rng, 2, 0);
	}
}

/*
 * A street address of LOCALE (de or fr): "Hauptstraße 12" (now and then
 * 12a), "12 rue de la Paix"; the street's name plain or compound.
 */
static void
append_street(int locale, FakerGen *g, FakerRng *rng, StringInfo buf)
{
	if (locale == FAKER_LOCALE_DE)
	{
		GenAppendCompoundIn(locale, GEN_COMPOUND_STREET_ADDRESS, NULL, rng, buf);
		appendStringInfo(buf, " %d", 1 + (int) FakerRngBelow(rng, 199));
		if (FakerRngBelow(rng, 10) == 0)
			appendStringInfoChar(buf, (char) ('a' + FakerRngBelow(rng, 3)));
	}
	else
	{
		appendStringInfo(buf, "%d ", 1 + (int) FakerRngBelow(rng, 199));
		GenAppendUtf8(buf, GenPick(&faker_fr_street_types, rng));
		appendStringInfoChar(buf, ' ');
		GenAppendCompoundIn(locale, GEN_COMPOUND_STREET_ADDRESS, NULL, rng, buf);
	}
}

/*
 * Append one value of G's kind in LOCALE (FAKER_LOCALE_*) and return true;
 * false for "en" and the kinds that do not depend on the locale
 * (GenAppendTextIn, gentext.c, then makes the English value).
 */
bool
GenLocaleAppendIn(int locale, FakerGen *g, FakerRng *rng, StringInfo buf)
{
	const GenLocale *loc;
	bool		de;

	switch (locale)
	{
		case FAKER_LOCALE_DE:
			loc = &locale_de;
			break;
		case FAKER_LOCALE_FR:
			loc = &locale_fr;
			break;
		default:
			return false;
	}
	de = (loc == &locale_de);
	switch (g->kind)
	{
		case G_FIRST_NAME:
			GenAppendCompoundIn(locale, GEN_COMPOUND_FIRST_NAME, g, rng, buf);
			return true;
		case G_LAST_NAME:
			GenAppendCompoundIn(locale, GEN_COMPOUND_LAST_NAME, g, rng, buf);
			return true;
		case G_NAME:
			GenAppendCompoundIn(locale, GEN_COMPOUND_FIRST_NAME, g, rng, buf);
			appendStringInfoChar(buf, ' ');
			GenAppendCompoundIn(locale, GEN_COMPOUND_LAST_NAME, g, rng, buf);
			return true;
		case G_USERNAME:
		case G_EMAIL:
			append_login(loc, g, rng, buf);
			return true;
		case G_PHONE:
			if (de)
				append_phone_de(rng, buf);
			else
				append_phone_fr(rng, buf);
			return true;
		case G_COMPANY:
			GenAppendCompoundIn(locale, GEN_COMPOUND_COMPANY, g, rng, buf);
			return true;
		case G_STREET_ADDRESS:
			append_street(locale, g, rng, buf);
			return true;
		case G_CITY:
			GenAppendCompoundIn(locale, GEN_COMPOUND_CITY, g, rng, buf);
			return true;
		case G_POSTCODE:
			if (de)				/* Postleitzahl: 01067 to 99998 */
				appendStringInfo(buf, "%05d", (int) FakerRngRange(rng, 1067, 99998));
			else				/* code postal: département 01 to 95, then 3 digits */
				appendStringInfo(buf, "%02d%03d", 1 + (int) FakerRngBelow(rng, 95),
								 (int) FakerRngBelow(rng, 1000));
			return true;
		default:
			return false;
	}
}
