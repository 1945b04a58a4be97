/*
 * distpriv.h: what the files of src/dist/ share: options.h for reading
 * distributor options, DistJson for writing them back as jsonb.
 */
#ifndef FAKER_DISTPRIV_H
#define FAKER_DISTPRIV_H

#include "utils/jsonb.h"

#include "options.h"

/* Options are read with src/options.h; DistJson writes them back. */
typedef struct DistJson
{
	JsonbParseState *st;
} DistJson;

extern void DistJsonBegin(DistJson *j);
extern void DistJsonFloat(DistJson *j, const char *key, double v);
extern void DistJsonFloats(DistJson *j, const char *key, const double *v, int n);
extern void DistJsonString(DistJson *j, const char *key, const char *v);
extern Jsonb *DistJsonEnd(DistJson *j);

#endif
