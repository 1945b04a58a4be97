# faker: PGXS build.  Sources are found by wildcard so that each concept
# (src/<area>/*.c) and each test file (sql/*.sql) needs no Makefile edit.

EXTENSION  = faker
MODULE_big = faker
EXT_VERSION = 1.0

SRCS = $(sort $(wildcard src/*.c src/*/*.c))
OBJS = $(SRCS:.c=.o)

# The install script is assembled from one part per area (schema/NN_area.sql).
DATA_built = faker--$(EXT_VERSION).sql
DATA       = $(filter-out faker--$(EXT_VERSION).sql,$(wildcard faker--*--*.sql))

REGRESS      = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --load-extension=faker

PG_CPPFLAGS = -I$(srcdir)/src
PG_CFLAGS   = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
              -Wno-sign-compare $(FAKER_CFLAGS)

EXTRA_CLEAN = faker--$(EXT_VERSION).sql results regression.diffs regression.out \
              tmp_check output_iso

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

faker--$(EXT_VERSION).sql: $(sort $(wildcard schema/*.sql))
	cat $^ > $@

$(OBJS): $(wildcard src/*.h src/*/*.h)
