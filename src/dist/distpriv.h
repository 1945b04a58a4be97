/*
 * distpriv.h: option parsing and jsonb building shared by src/dist/.
 */
#ifndef FAKER_DISTPRIV_H
#define FAKER_DISTPRIV_H

#include "utils/jsonb.h"

/* Options of one distributor object; tracks which keys were read. */
typedef struct DistOpts
{
	Jsonb	   *spec;
	const char *path;
	const char *const *other_keys;
	const char *used[16];
	int			nused;
} DistOpts;

extern void DistOptsInit(DistOpts *o, Jsonb *spec, const char *path, const char *const *other_keys);
extern bool DistOptPresent(DistOpts *o, const char *key);
extern double DistOptFloat(DistOpts *o, const char *key, double def);
extern char *DistOptString(DistOpts *o, const char *key);
extern double *DistOptWeights(DistOpts *o, const char *key, int *n);
extern void DistOptError(DistOpts *o, const char *key, const char *what) pg_attribute_noreturn();
/* ERROR on any key that was neither read nor listed in other_keys. */
extern void DistOptsFinish(DistOpts *o);

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
