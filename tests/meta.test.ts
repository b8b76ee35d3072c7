import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules as ruleModules } from '../rules/index.js';
import plugin from '../src/index.js';
import { ruleDocsUrl } from '../src/util/create-rule.js';

const root = new URL('../', import.meta.url);
const packageJson = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { name: string; version: string };
const ruleFiles = readdirSync(new URL('rules/', root))
  .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
  .map((file) => file.slice(0, -'.ts'.length))
  .sort();
const ruleEntries = Object.entries(ruleModules);

describe('plugin object', () => {
  it('names itself from package.json under the event-loop namespace', () => {
    expect(plugin.meta).toEqual({ name: packageJson.name, version: packageJson.version, namespace: 'event-loop' });
  });

  it('registers every file in rules/, sorted', () => {
    expect(Object.keys(plugin.rules)).toEqual(ruleFiles);
    expect(plugin.rules).toBe(ruleModules);
  });

  it('builds recommended from meta.docs.recommended', () => {
    const expected = Object.fromEntries(
      ruleEntries.filter(([, rule]) => rule.meta.docs?.recommended).map(([id]) => [`event-loop/${id}`, 'error']),
    );
    expect(plugin.configs.recommended.rules).toEqual(expected);
    expect(Object.keys(expected).length).toBeGreaterThan(0);
  });

  it('builds recommended-type-checked with the same rules as recommended', () => {
    expect(plugin.configs['recommended-type-checked'].rules).toEqual(plugin.configs.recommended.rules);
    expect(plugin.configs['recommended-type-checked'].name).toBe('event-loop/recommended-type-checked');
    // Flat configs of plugins leave the parser and its options to the user.
    expect(plugin.configs['recommended-type-checked'].languageOptions).toBeUndefined();
  });

  it('enables every rule in all', () => {
    expect(Object.keys(plugin.configs.all.rules)).toEqual(ruleFiles.map((id) => `event-loop/${id}`));
  });

  it('registers the plugin object itself in each config', () => {
    for (const config of Object.values(plugin.configs)) {
      expect(config.plugins?.['event-loop']).toBe(plugin);
    }
  });
});

describe.each(ruleEntries)('rule %s', (id, rule) => {
  const doc = readFileSync(new URL(`docs/rules/${id}.md`, root), 'utf8');

  it('links its own doc page', () => {
    expect(rule.meta.docs?.url).toBe(ruleDocsUrl(id));
  });

  it('has a description starting with Disallow, Require or Enforce', () => {
    expect(rule.meta.docs?.description).toMatch(/^(Disallow|Require|Enforce) /);
  });

  it('has a doc with the generated header and the required sections', () => {
    expect(doc.startsWith(`# event-loop/${id}\n`)).toBe(true);
    expect(doc).toContain('<!-- end auto-generated rule header -->');
    for (const section of ['## Rule details', '## Options', '## When not to use it']) {
      expect(doc).toContain(section);
    }
    expect(doc).toContain('❌');
    expect(doc).toContain('✅');
  });

  it('documents every option', () => {
    const schema = rule.meta.schema as readonly { properties?: Record<string, unknown> }[];
    for (const option of Object.keys(schema[0]?.properties ?? {})) {
      expect(doc).toContain(`### \`${option}\``);
    }
  });

  it('writes every report message as a full sentence', () => {
    // A message may end in a placeholder that holds a catalog sentence (`{{advice}}`, `{{fix}}`, `{{instead}}`);
    // tests/catalog.test.ts checks those end with a period. It may start with the call it reports, as
    // code (`{{call}}`: `` `fs.readFileSync()` ``).
    for (const message of Object.values(rule.meta.messages)) {
      expect(message).toMatch(/^([`A-Z]|\{\{call\}\}).*(\.|\{\{(advice|fix|instead)\}\})$/s);
    }
  });

  it('has a test file', () => {
    expect(readdirSync(new URL('tests/rules/', root)).some((file) => file.startsWith(`${id}.`) || file.startsWith(`${id}-`))).toBe(true);
  });

  it('keeps its options schema stable', () => {
    expect(rule.meta.schema).toMatchSnapshot();
  });
});
