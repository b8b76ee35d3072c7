import { fileURLToPath } from 'node:url';
import { RuleTester } from '@typescript-eslint/rule-tester';

/** The fixture project typed tests lint against; each test's code is its `file.ts`. */
export const TYPED_FIXTURES = fileURLToPath(new URL('../fixtures/typed/', import.meta.url));

/** Lints with type information, as `parserOptions.projectService` users do. */
export const typedRuleTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: TYPED_FIXTURES } },
});

/** The same parser without type information: what the typed run must improve on, never contradict. */
export const untypedRuleTester = new RuleTester();
