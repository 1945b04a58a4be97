/*
 * locale.h: the locales of faker.locale other than "en" (src/gen/locale.c,
 * word lists in words_de.c and words_fr.c).
 *
 * The setting is read each time a value is made (an array index), not when
 * a generator is compiled: so a generator cached in fn_extra, or compiled
 * once for a whole faker_populate call, follows SET faker.locale at once,
 * and a seed gives the same values for the same locale.
 */
#ifndef FAKER_LOCALE_H
#define FAKER_LOCALE_H

#include "gen/genpriv.h"
#include "gen/words.h"

/* faker.locale's values (src/faker.c) */
#define FAKER_LOCALE_EN 0
#define FAKER_LOCALE_DE 1
#define FAKER_LOCALE_FR 2

/*
 * Append one value of G's kind in the locale LOCALE (FAKER_LOCALE_*) to BUF
 * and return true; false (nothing drawn, nothing appended) for "en" and for
 * the kinds that do not depend on the locale, which gentext.c then makes
 * (GenAppendTextIn: faker.locale's, or an address's country's).
 */
extern bool GenLocaleAppendIn(int locale, FakerGen *g, FakerRng *rng, StringInfo buf);
/* Append the UTF-8 word W in the database encoding. */
extern void GenAppendUtf8(StringInfo buf, const char *w);
/* Append the UTF-8 NAME lower-cased, transliterated to ASCII, [a-z0-9] only. */
extern void GenAppendAsciiSlug(StringInfo buf, const char *name);

/* words_de.c */
extern const FakerWordList faker_de_first_names;
extern const FakerWordList faker_de_last_names;
extern const FakerWordList faker_de_cities;
extern const FakerWordList faker_de_streets;
extern const FakerWordList faker_de_company_suffixes;
extern const FakerWordList faker_de_phone_areas;

/* words_fr.c */
extern const FakerWordList faker_fr_first_names;
extern const FakerWordList faker_fr_last_names;
extern const FakerWordList faker_fr_cities;
extern const FakerWordList faker_fr_street_types;
extern const FakerWordList faker_fr_streets;
extern const FakerWordList faker_fr_company_suffixes;

#endif
