import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

// typescript-eslint's RuleTester calls these hooks; vitest provides them (see its docs "Usage with vitest").
RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

// The module graph keeps what it read for the whole process in a single run (src/util/single-run.ts);
// the tests that want one say so, the others follow the disk as an editor's server does.
delete process.env.EVENT_LOOP_SINGLE_RUN;
