/*
 * words.h: word lists compiled into the library (locale "en").
 */
#ifndef FAKER_WORDS_H
#define FAKER_WORDS_H

typedef struct FakerWordList
{
	const char *const *words;
	int			n;
} FakerWordList;

/* the initializer of a FakerWordList over the array ARR */
#define FAKER_WORDS(arr) {(arr), lengthof(arr)}

/* Define the exported word list NAME of the array ARR (words*.c). */
#define FAKER_WORD_LIST(name, arr) const FakerWordList name = FAKER_WORDS(arr)

extern const FakerWordList faker_first_names;
extern const FakerWordList faker_last_names;
extern const FakerWordList faker_cities;
extern const FakerWordList faker_countries;
extern const FakerWordList faker_streets;
extern const FakerWordList faker_street_suffixes;
extern const FakerWordList faker_company_suffixes;
extern const FakerWordList faker_jobs;
extern const FakerWordList faker_lorem;
extern const FakerWordList faker_colors;
extern const FakerWordList faker_domains;
extern const FakerWordList faker_tlds;
extern const FakerWordList faker_currencies;
extern const FakerWordList faker_country_codes;
extern const FakerWordList faker_locales;
extern const FakerWordList faker_ua_platforms;

#endif
