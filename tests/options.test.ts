/**
 * Every rule rejects invalid options with a clear schema error, before it runs. The invalid options
 * are derived from each rule's own schema (an unknown property, a value of the wrong type, a value
 * outside an enum, a duplicate or empty list item, one options object too many), so a new rule is
 * covered as soon as it is in rules/index.ts. ESLint validates options when it builds the config,
 * which RuleTester cannot express: these go through ESLint's Linter.
 */
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.js';
import { eventLoopPlugin, FILES, parser } from './linter-config.js';

interface InvalidOptions {
  readonly name: string;
  readonly options: readonly unknown[];
  /** What ESLint's message must say, after the rule's key. */
  readonly error: RegExp;
}

/** The JSON Schema keywords the derivation reads. */
interface Schema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly minLength?: number;
  readonly minimum?: number;
  readonly additionalProperties?: boolean | Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly items?: Schema | readonly Schema[];
  readonly uniqueItems?: boolean;
}

const UNKNOWN_PROPERTY = 'notAnOption';

/** A value the schema accepts, to build lists around an invalid item. */
function validValue(schema: Schema): unknown {
  if (schema.enum) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return 'a'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    default:
      return {};
  }
}

const TYPE_MISMATCH: Record<string, { value: unknown; error: RegExp }> = {
  string: { value: 3, error: /Value 3 should be string/ },
  number: { value: 'x', error: /Value "x" should be number/ },
  integer: { value: 1.5, error: /Value 1\.5 should be integer/ },
  boolean: { value: 'x', error: /Value "x" should be boolean/ },
  array: { value: 'x', error: /Value "x" should be array/ },
  object: { value: 'x', error: /Value "x" should be object/ },
};

/** Values that `schema` rejects, each with the error ESLint must give. */
function invalidValues(schema: Schema, path: string): InvalidOptions[] {
  const cases: InvalidOptions[] = [];
  const mismatch = typeof schema.type === 'string' ? TYPE_MISMATCH[schema.type] : undefined;
  if (mismatch) cases.push({ name: `${path}: wrong type`, options: [mismatch.value], error: mismatch.error });
  if (schema.enum) {
    cases.push({
      name: `${path}: not one of the allowed values`,
      options: ['not-an-allowed-value'],
      error: /Value "not-an-allowed-value" should be equal to one of the allowed values/,
    });
  }
  if (typeof schema.minLength === 'number' && schema.minLength > 0) {
    cases.push({ name: `${path}: too short`, options: [''], error: new RegExp(`should NOT be shorter than ${schema.minLength} characters`) });
  }
  if (schema.type === 'object' && schema.additionalProperties === false) {
    cases.push({
      name: `${path}: unknown property`,
      options: [{ [UNKNOWN_PROPERTY]: true }],
      error: new RegExp(`should NOT have additional properties[\\s\\S]*Unexpected property "${UNKNOWN_PROPERTY}"`),
    });
  }
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    for (const invalid of invalidValues(property, `${path}.${key}`)) {
      cases.push({ ...invalid, options: [{ [key]: invalid.options[0] }] });
    }
  }
  const items = schema.items;
  if (schema.type === 'array' && items && !isSchemaList(items)) {
    if (schema.uniqueItems) {
      const item = validValue(items);
      cases.push({ name: `${path}: duplicate items`, options: [[item, item]], error: /should NOT have duplicate items/ });
    }
    for (const invalid of invalidValues(items, `${path}[]`)) {
      cases.push({ ...invalid, options: [[invalid.options[0]]] });
    }
  }
  return cases;
}

const isSchemaList = (schema: Schema | readonly Schema[]): schema is readonly Schema[] => Array.isArray(schema);

/** A rule's schema as the list of its positional options (the form every rule here uses). */
function positionalSchemas(rule: (typeof rules)[keyof typeof rules]): readonly Schema[] {
  const schema = rule.meta.schema as Schema | readonly Schema[];
  if (!isSchemaList(schema)) throw new Error('Expected meta.schema to be a list of option schemas.');
  return schema;
}

/** Every invalid options array for a rule: per positional option, and one option too many. */
function invalidOptions(positional: readonly Schema[]): InvalidOptions[] {
  const defaults = positional.map(validValue);
  const cases = positional.flatMap((option, index) =>
    invalidValues(option, `option ${index + 1}`).map((invalid) => ({
      ...invalid,
      options: [...defaults.slice(0, index), invalid.options[0]],
    })),
  );
  cases.push({
    name: 'one options object too many',
    options: [...defaults, {}],
    error: new RegExp(`should NOT have more than ${positional.length} items`),
  });
  return cases;
}

function lint(ruleId: string, options: readonly unknown[]): Linter.LintMessage[] {
  return new Linter().verify(
    'export {};\n',
    [
      {
        files: FILES,
        plugins: { 'event-loop': eventLoopPlugin },
        languageOptions: { parser },
        rules: { [`event-loop/${ruleId}`]: ['error', ...options] as Linter.RuleEntry },
      },
    ],
    'file.ts',
  );
}

const ruleEntries = Object.entries(rules);

describe.each(ruleEntries)('rule %s: options', (id, rule) => {
  const cases = invalidOptions(positionalSchemas(rule));

  it('accepts its default options', () => {
    expect(lint(id, rule.meta.defaultOptions ?? [])).toEqual([]);
  });

  it('closes every options object to unknown properties', () => {
    const objects: Schema[] = [];
    const collect = (schema: Schema) => {
      if (schema.type === 'object') objects.push(schema);
      Object.values(schema.properties ?? {}).forEach(collect);
      if (schema.items && !isSchemaList(schema.items)) collect(schema.items);
    };
    positionalSchemas(rule).forEach(collect);
    expect(objects.filter((schema) => schema.additionalProperties !== false)).toEqual([]);
  });

  it.each(cases)('rejects $name', ({ options, error }) => {
    expect(() => lint(id, options)).toThrow(new RegExp(`Key "event-loop/${id}":[\\s\\S]*${error.source}`));
  });
});

describe('the derived invalid options', () => {
  it('cover every option of every rule', () => {
    const derived = ruleEntries.flatMap(([id, rule]) =>
      invalidOptions(positionalSchemas(rule)).map((c) => `${id} ${c.name}`),
    );
    // no-sync-fs: not an object, an unknown property, scope (wrong type, not allowed), allow (wrong
    // type, duplicates, an item of the wrong type, an empty item), reportLazyInit, followCalls and
    // maxDepth (wrong type, not allowed), and an extra options object.
    expect(derived.filter((name) => name.startsWith('no-sync-fs '))).toEqual([
      'no-sync-fs option 1: wrong type',
      'no-sync-fs option 1: unknown property',
      'no-sync-fs option 1.scope: wrong type',
      'no-sync-fs option 1.scope: not one of the allowed values',
      'no-sync-fs option 1.allow: wrong type',
      'no-sync-fs option 1.allow: duplicate items',
      'no-sync-fs option 1.allow[]: wrong type',
      'no-sync-fs option 1.allow[]: too short',
      'no-sync-fs option 1.reportLazyInit: wrong type',
      'no-sync-fs option 1.followCalls: wrong type',
      'no-sync-fs option 1.followCalls: not one of the allowed values',
      'no-sync-fs option 1.maxDepth: wrong type',
      'no-sync-fs one options object too many',
    ]);
  });
});
