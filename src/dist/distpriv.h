/*
 * distpriv.h: what the files of src/dist/ share: options.h for reading
 * distributor options, JsonOut for writing them back as jsonb.
 */
#ifndef FAKER_DISTPRIV_H
#define FAKER_DISTPRIV_H

#include "utils/jsonb.h"

#include "options.h"

#include "jsonout.h"		/* and written back with JsonOut */

#endif
