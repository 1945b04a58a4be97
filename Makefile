# faker: PGXS build.  Sources are found by wildcard so that each concept
# (src/<area>/*.c) and each test file (sql/*.sql) needs no Makefile edit.

EXTENSION  = faker
MODULE_big = faker

# The version has one home: default_version in faker.control.  (Not named
# VERSION: PGXS sets that to PostgreSQL's own version.)
FAKER_CONTROL := $(dir $(firstword $(MAKEFILE_LIST)))faker.control
FAKER_VERSION := $(shell sed -n "s/^[[:space:]]*default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" $(FAKER_CONTROL))
ifeq ($(FAKER_VERSION),)
$(error cannot read default_version from $(FAKER_CONTROL))
endif

SRCS = $(sort $(wildcard src/*.c src/*/*.c))
OBJS = $(SRCS:.c=.o)

# The install script of the current version is assembled from one part per
# area (schema/NN_area.sql), which together describe that version completely.
# faker--1.0.sql is the frozen install script of 1.0 (the base old
# installations were made from, and where the update test starts); the
# update scripts faker--OLD--NEW.sql lead from it to the current version.
# The update script to the current version is built too, from its
# hand-written part schema/update/OLD--NEW.sql and the schema parts that part
# includes (the objects NEW added or replaced, one text for both scripts);
# older update scripts are frozen and committed (docs/design.md, "Versions").
SCHEMA_PARTS   = $(sort $(wildcard schema/*.sql))
UPDATE_SOURCES = $(sort $(wildcard schema/update/*--*.sql))
UPDATES_BUILT  = $(patsubst schema/update/%.sql,faker--%.sql,$(UPDATE_SOURCES))
DATA_built = faker--$(FAKER_VERSION).sql $(UPDATES_BUILT)
DATA       = faker--1.0.sql $(filter-out $(UPDATES_BUILT),$(wildcard faker--*--*.sql))

REGRESS      = $(sort $(basename $(notdir $(wildcard sql/*.sql))))
REGRESS_OPTS = --load-extension=faker

PG_CPPFLAGS = -I$(srcdir)/src
PG_CFLAGS   = -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
              -Wno-sign-compare $(FAKER_CFLAGS)

EXTRA_CLEAN = results regression.diffs regression.out tmp_check output_iso

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Export only what PostgreSQL looks up (the SQL-callable functions, their
# pg_finfo_* records, Pg_magic_func, _PG_init; see src/compat.h): it loads
# libraries RTLD_GLOBAL, so any other exported global could clash with
# another library's.  PostgreSQL 16 and later build modules this way
# themselves; for 15 (whose c.h leaves PGDLLEXPORT empty unless it is
# defined already) with gcc or clang:
ifeq ($(GCC),yes)
override CFLAGS   += -fvisibility=hidden
override CPPFLAGS += -DPGDLLEXPORT='__attribute__((visibility("default")))'
endif

faker--$(FAKER_VERSION).sql: $(SCHEMA_PARTS) $(FAKER_CONTROL)
	cat $(SCHEMA_PARTS) > $@

# An update script: its hand-written part with each line
# "-- include: schema/NN_part.sql" replaced by that part's text (a missing
# or empty part is an error, not a silently shorter script).
$(UPDATES_BUILT): faker--%.sql: schema/update/%.sql $(SCHEMA_PARTS)
	awk '/^-- include: / { f = $$3; n = 0; \
		while ((r = (getline line < f)) > 0) { print line; n++ } \
		if (r < 0 || n == 0) { print FILENAME ": cannot include " f > "/dev/stderr"; exit 1 } \
		close(f); next } \
		{ print }' $< > $@.tmp && mv $@.tmp $@

$(OBJS): $(wildcard src/*.h src/*/*.h)
