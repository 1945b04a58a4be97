-- core: the extension loads, its schema exists, settings are validated
LOAD 'faker';
SELECT nspname FROM pg_namespace WHERE nspname = 'faker';
SHOW faker.seed;
SET faker.seed = 42;
SHOW faker.seed;
SET faker.seed = '-9223372036854775808';
SET faker.seed = '';
SET faker.seed = 'abc';
SET faker.seed = '99999999999999999999';
SHOW faker.locale;
SET faker.locale = 'xx';
SHOW faker.progress;
SET faker.nosuch = 1;
