/*
 * jsonout.h: a flat jsonb object written pair by pair (jsonout.c): the
 * options of distributors and generators given back, faker_explain's
 * distributors.
 */
#ifndef FAKER_JSONOUT_H
#define FAKER_JSONOUT_H

#include "postgres.h"

#include "utils/jsonb.h"

typedef struct JsonOut
{
	JsonbParseState *st;
} JsonOut;

extern void JsonOutBegin(JsonOut *j);
extern void JsonOutBeginWith(JsonOut *j, Jsonb *base);
extern void JsonOutFloat(JsonOut *j, const char *key, double v);
extern void JsonOutFloats(JsonOut *j, const char *key, const double *v, int n);
extern void JsonOutString(JsonOut *j, const char *key, const char *v);
extern void JsonOutBool(JsonOut *j, const char *key, bool b);
extern Jsonb *JsonOutEnd(JsonOut *j);

#endif							/* FAKER_JSONOUT_H */
