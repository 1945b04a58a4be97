/*
 * gentext.c: the text generators (names, words, addresses, net, ...).
 * Each appends one value to a StringInfo; gen.c caps and wraps it.
 */
#include "postgres.h"

#include <ctype.h>

#include "mb/pg_wchar.h"
#include "utils/builtins.h"
#include "utils/memutils.h"

#include "faker.h"
#include "gen/compound.h"
#include "gen/genpriv.h"
#include "gen/locale.h"
#include "gen/words.h"

/*
 * Append N random digits whose first is FIRST_MIN to 9, the rest 0 to 9:
 * 2 for the NANP area and exchange codes of a US phone, 1 where a leading
 * zero would read as a trunk prefix (locale.c), 0 for plain digits.  Every
 * digit costs one draw, so the callers' streams are the same whichever
 * FIRST_MIN they ask for.
 */
void
GenAppendDigits(StringInfo buf, FakerRng *rng, int n, int first_min)
{
	for (int i = 0; i < n; i++)
		appendStringInfoChar(buf, (char) ('0' + ((i == 0) ?
												 first_min + FakerRngBelow(rng, 10 - first_min) :
												 FakerRngBelow(rng, 10))));
}

/*
 * N lorem words; fewer than 3 words (a space of 200^N values only) are
 * lorem compounds now and then (GenAppendLoremWord), so that every "words"
 * and "sentence" has a million values or more.
 */
static void
append_words(StringInfo buf, FakerRng *rng, int n, bool sentence)
{
	for (int i = 0; i < n; i++)
	{
		int			at;

		if (i > 0)
			appendStringInfoChar(buf, ' ');
		at = buf->len;
		if (n < 3)
			GenAppendLoremWord(rng, buf);
		else
			appendStringInfoString(buf, GenPick(&faker_lorem, rng));
		if (i == 0 && sentence)
			buf->data[at] = (char) toupper((unsigned char) buf->data[at]);
	}
	if (sentence)
		appendStringInfoChar(buf, '.');
}

/* Append N lorem words separated by SEP (slugs, hstore and ltree values). */
void
GenAppendWords(StringInfo buf, FakerRng *rng, int n, const char *sep)
{
	for (int i = 0; i < n; i++)
	{
		if (i > 0)
			appendStringInfoString(buf, sep);
		appendStringInfoString(buf, GenPick(&faker_lorem, rng));
	}
}

/* "string": MIN_LENGTH to MAX_LENGTH letters and digits. */
static void
append_string(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	int			len = (int) FakerRngRange(rng, g->nmin, g->nmax);
	static const char alnum[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

	for (int i = 0; i < len; i++)
		appendStringInfoChar(buf, alnum[FakerRngBelow(rng, 62)]);
}

/* "paragraph": SENTENCES sentences of 6 to 12 words. */
static void
append_paragraph(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	for (int i = 0; i < g->n; i++)
	{
		if (i > 0)
			appendStringInfoChar(buf, ' ');
		append_words(buf, rng, 6 + (int) FakerRngBelow(rng, 7), true);
	}
}

/* Lower-case BUF from START on in place, keeping only [a-z0-9]. */
static void
slug_in_place(StringInfo buf, int start)
{
	int			o = start;

	for (int i = start; i < buf->len; i++)
		if (isalnum((unsigned char) buf->data[i]))
			buf->data[o++] = (char) tolower((unsigned char) buf->data[i]);
	buf->len = o;
	buf->data[o] = '\0';
}

/*
 * The login made of the slugs FIRST and LAST (lower-case [a-z0-9], not
 * empty): first.last, firstlast or f.last, plus digits, so that values are
 * unique-ish; an email adds a domain.
 */
static void
append_login(FakerGen *g, FakerRng *rng, StringInfo buf, const char *first, const char *last)
{
	int			style = (int) FakerRngBelow(rng, 3);
	char		num[12];

	if (style == 2)
		appendStringInfoChar(buf, first[0]);
	else
		appendStringInfoString(buf, first);
	if (style != 1)
		appendStringInfoChar(buf, g->kind == G_EMAIL ? '.' : '_');
	appendStringInfoString(buf, last);
	pg_ltoa((int32) FakerRngBelow(rng, 1000), num);
	appendStringInfoString(buf, num);
	if (g->kind == G_EMAIL)
	{
		appendStringInfoChar(buf, '@');
		appendStringInfoString(buf, GenPick(&faker_domains, rng));
	}
}

/*
 * Scratch buffer WHICH (GEN_SCRATCH_*), emptied: kept for the session, so
 * that a value costs no buffer allocation.  A user of one must not call
 * anything that uses the same one.
 */
StringInfo
GenScratch(int which)
{
	static StringInfo bufs[GEN_SCRATCH_N];

	if (bufs[which] == NULL)
	{
		MemoryContext old = MemoryContextSwitchTo(TopMemoryContext);

		bufs[which] = makeStringInfo();
		MemoryContextSwitchTo(old);
	}
	resetStringInfo(bufs[which]);
	return bufs[which];
}

/*
 * "username" and "email" (append_login): the names are those of
 * first_name and last_name, compounds included (Mary-Kate: marykate).
 */
static void
append_user(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	StringInfo	first = GenScratch(GEN_SCRATCH_FIRST);
	StringInfo	last = GenScratch(GEN_SCRATCH_LAST);

	GenAppendCompound(GEN_COMPOUND_FIRST_NAME, NULL, rng, first);
	slug_in_place(first, 0);
	GenAppendCompound(GEN_COMPOUND_LAST_NAME, NULL, rng, last);
	slug_in_place(last, 0);
	append_login(g, rng, buf, first->data, last->data);
}

/* What generator G makes of a person: a name part, a login, or nothing. */
FakerPersonPart
FakerGenPersonPart(const FakerGen *g)
{
	switch (g->kind)
	{
		case G_FIRST_NAME:
			return FAKER_PERSON_FIRST;
		case G_LAST_NAME:
			return FAKER_PERSON_LAST;
		case G_NAME:
			return FAKER_PERSON_FULL;
		case G_EMAIL:
		case G_USERNAME:
			return FAKER_PERSON_LOGIN;
		default:
			return FAKER_PERSON_NONE;
	}
}

/*
 * A login of generator G (email or username) made of a row's names FIRST
 * and LAST (UTF-8), transliterated as the de and fr logins are (locale.c),
 * cut to G's length like any text value.  False if a name has no letter
 * or digit (the caller then makes an ordinary value).
 */
bool
FakerGenLoginFrom(FakerGen *g, FakerRng *rng, const char *first, const char *last, Datum *out)
{
	StringInfoData f,
				l,
				buf;
	int			len;

	Assert(g->kind == G_EMAIL || g->kind == G_USERNAME);
	initStringInfo(&f);
	initStringInfo(&l);
	GenAppendAsciiSlug(&f, first);
	GenAppendAsciiSlug(&l, last);
	if (f.len == 0 || l.len == 0)
		return false;
	initStringInfo(&buf);
	append_login(g, rng, &buf, f.data, l.data);
	len = buf.len;
	if (g->maxchars >= 0 && len > g->maxchars)
		len = pg_mbcharcliplen(buf.data, len, g->maxchars);
	*out = PointerGetDatum(cstring_to_text_with_len(buf.data, len));
	pfree(f.data);
	pfree(l.data);
	pfree(buf.data);
	return true;
}

/* "url": https://www. a last name . a TLD / a lorem word (compounds too: exdolorque) */
static void
append_url(FakerRng *rng, StringInfo buf)
{
	int			at;

	appendStringInfoString(buf, "https://www.");
	at = buf->len;
	appendStringInfoString(buf, GenPick(&faker_last_names, rng));
	slug_in_place(buf, at);
	appendStringInfoChar(buf, '.');
	appendStringInfoString(buf, GenPick(&faker_tlds, rng));
	appendStringInfoChar(buf, '/');
	GenAppendLoremWord(rng, buf);
}

/* "phone": North American numbering plan, +1-NXX-NXX-XXXX. */
static void
append_phone(FakerRng *rng, StringInfo buf)
{
	appendStringInfoString(buf, "+1-");
	GenAppendDigits(buf, rng, 3, 2);
	appendStringInfoChar(buf, '-');
	GenAppendDigits(buf, rng, 3, 2);
	appendStringInfoChar(buf, '-');
	GenAppendDigits(buf, rng, 4, 0);
}

/* "user_agent": a Chrome, Firefox or Safari user agent of a random platform. */
static void
append_user_agent(FakerRng *rng, StringInfo buf)
{
	const char *platform = GenPick(&faker_ua_platforms, rng);
	int			v = 100 + (int) FakerRngBelow(rng, 25);

	switch (FakerRngBelow(rng, 3))
	{
		case 0:
			appendStringInfo(buf, "Mozilla/5.0 (%s) AppleWebKit/537.36 (KHTML, like Gecko) "
							 "Chrome/%d.0.%d.%d Safari/537.36", platform, v,
							 4000 + (int) FakerRngBelow(rng, 2500), (int) FakerRngBelow(rng, 200));
			break;
		case 1:
			appendStringInfo(buf, "Mozilla/5.0 (%s; rv:%d.0) Gecko/20100101 Firefox/%d.0",
							 platform, v, v);
			break;
		default:
			appendStringInfo(buf, "Mozilla/5.0 (%s) AppleWebKit/605.1.15 (KHTML, like Gecko) "
							 "Version/%d.%d Safari/605.1.15", platform,
							 15 + (int) FakerRngBelow(rng, 3), (int) FakerRngBelow(rng, 7));
			break;
	}
}

/* Append a value of text generator G in faker.locale. */
void
GenAppendText(FakerGen *g, FakerRng *rng, StringInfo buf)
{
	GenAppendTextIn(faker_locale, g, rng, buf);
}

/*
 * Append one value of G's kind in LOCALE: the locale's own generator where
 * it has one (de, fr: locale.c), else the English one.  Address tuples
 * (address.c) call it with the locale of their country.
 */
void
GenAppendTextIn(int locale, FakerGen *g, FakerRng *rng, StringInfo buf)
{
	/* a flat dispatch on the kind; the longer kinds have their own function */
	if (GenLocaleAppendIn(locale, g, rng, buf))
		return;
	switch (g->kind)
	{
		case G_DIGITS:
			GenAppendDigits(buf, rng, g->n, 0);
			break;
		case G_STRING:
			append_string(g, rng, buf);
			break;
		case G_WORD:
			GenAppendLoremWord(rng, buf);
			break;
		case G_WORDS:
			append_words(buf, rng, g->n, false);
			break;
		case G_SENTENCE:
			append_words(buf, rng, g->n, true);
			break;
		case G_PARAGRAPH:
			append_paragraph(g, rng, buf);
			break;
		case G_FIRST_NAME:
			GenAppendCompound(GEN_COMPOUND_FIRST_NAME, g, rng, buf);
			break;
		case G_LAST_NAME:
			GenAppendCompound(GEN_COMPOUND_LAST_NAME, g, rng, buf);
			break;
		case G_NAME:
			GenAppendCompound(GEN_COMPOUND_FIRST_NAME, g, rng, buf);
			appendStringInfoChar(buf, ' ');
			GenAppendCompound(GEN_COMPOUND_LAST_NAME, g, rng, buf);
			break;
		case G_USERNAME:
		case G_EMAIL:
			append_user(g, rng, buf);
			break;
		case G_PHONE:
			append_phone(rng, buf);
			break;
		case G_COMPANY:
			GenAppendCompound(GEN_COMPOUND_COMPANY, g, rng, buf);
			break;
		case G_JOB:
			GenAppendCompound(GEN_COMPOUND_JOB, g, rng, buf);
			break;
		case G_STREET_ADDRESS:
			GenAppendCompound(GEN_COMPOUND_STREET_ADDRESS, g, rng, buf);
			break;
		case G_CITY:
			GenAppendCompound(GEN_COMPOUND_CITY, g, rng, buf);
			break;
		case G_COUNTRY:
			appendStringInfoString(buf, GenPick(&faker_countries, rng));
			break;
		case G_POSTCODE:
			/* US ZIP code, 5 digits */
			GenAppendDigits(buf, rng, 5, 0);
			break;
		case G_URL:
			append_url(rng, buf);
			break;
		case G_IPV4:
			appendStringInfo(buf, "%d.%d.%d.%d", 1 + (int) FakerRngBelow(rng, 223),
							 (int) FakerRngBelow(rng, 256), (int) FakerRngBelow(rng, 256),
							 1 + (int) FakerRngBelow(rng, 254));
			break;
		case G_COLOR:
			appendStringInfoString(buf, GenPick(&faker_colors, rng));
			break;
		case G_SLUG:
			GenAppendWords(buf, rng, 2 + (int) FakerRngBelow(rng, 3), "-");
			break;
		case G_USER_AGENT:
			append_user_agent(rng, buf);
			break;
		case G_CURRENCY:
			appendStringInfoString(buf, GenPick(&faker_currencies, rng));
			break;
		case G_COUNTRY_CODE:
			appendStringInfoString(buf, GenPick(&faker_country_codes, rng));
			break;
		case G_LOCALE:
			appendStringInfoString(buf, GenPick(&faker_locales, rng));
			break;
		default:
			elog(ERROR, "generator kind %d is not a text generator", (int) g->kind);
	}
}
