/*
 * checks.h: CHECK constraints of tables and domains -> column providers
 * (checks.c).
 */
#ifndef FAKER_CHECKS_H
#define FAKER_CHECKS_H

#include "model/modelpriv.h"

/* per column: a {"values": [...]} spec, or a "require" object, or NULL */
extern void ChecksRead(Aggregate *agg, char **values_spec, char **require_spec);

/* partition bounds per column (partitions.c) */
typedef struct PartitionCriteria
{
	List	   *values;			/* list partitions: the listed values (char *) */
	Oid			valtype;
	StringInfoData branches;	/* range partitions: $or branches (JSON) */
	int			nbranches;
	bool		free;			/* a partition takes any value */
	bool		has_default;
	bool		hash_incomplete;	/* remainders missing, no default: not handled */
} PartitionCriteria;

extern void PartitionsRead(Aggregate *agg, PartitionCriteria *pc);

#endif							/* FAKER_CHECKS_H */
