/*
 * security.h: who faker's statements run as, and SQL text that no other
 * role's objects can change the meaning of.
 *
 * The privilege model (README, "Privileges"):
 *   - faker's own state (definitions, pools, sequence counters, locks) is
 *     owned by the extension's owner and written only by faker's code,
 *     switched to that owner with SECURITY_RESTRICTED_OPERATION and a
 *     search_path of pg_catalog, pg_temp, as PostgreSQL's own maintenance
 *     commands do (FakerOwnerEnter / FakerOwnerExit);
 *   - everything that touches the user's tables runs as the caller;
 *   - every statement faker builds names functions and operators with their
 *     schema (FakerSqlOperator), so no function or operator another role
 *     puts earlier on the caller's search_path is ever chosen.
 */
#ifndef FAKER_SECURITY_H
#define FAKER_SECURITY_H

#include "postgres.h"

typedef struct FakerOwnerScope
{
	Oid			save_userid;
	int			save_sec_context;
	int			save_nestlevel;
	bool		active;
} FakerOwnerScope;

/* The faker extension's OID and its owner. */
extern Oid	FakerExtensionOid(void);
extern Oid	FakerExtensionOwner(void);

/* Run the statements in between as the extension's owner (see above). */
extern void FakerOwnerEnter(FakerOwnerScope *s);
extern void FakerOwnerExit(FakerOwnerScope *s);

/*
 * "OPERATOR(schema.op)" for comparing LTYPE with RTYPE by the btree
 * strategy STRATEGY of LTYPE's default ordering (BTEqualStrategyNumber...),
 * or 0 for "<>" (the negator of equality).  Error 42883 if there is none.
 */
extern char *FakerSqlOperator(Oid ltype, Oid rtype, int strategy);

/* Error 42501 unless the caller may SELECT every column in ATTNUMS of RELID. */
extern void FakerCheckSelect(Oid relid, const int16 *attnums, int n);

/* May the current user trust what role OWNER stored for table RELID? */
extern bool FakerTrustsRole(Oid owner, Oid relid);

#endif							/* FAKER_SECURITY_H */
