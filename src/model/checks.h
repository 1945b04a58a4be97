/*
 * checks.h: CHECK constraints of tables and domains -> column providers
 * (checks.c).
 */
#ifndef FAKER_CHECKS_H
#define FAKER_CHECKS_H

#include "model/modelpriv.h"

/* per column: a {"values": [...]} spec, or a "require" object, or NULL */
extern void ChecksRead(Aggregate *agg, char **values_spec, char **require_spec);

#endif							/* FAKER_CHECKS_H */
