/** The framework catalog is consistent: every kind it names exists, every framework has an id, conventions match real paths. */
import { describe, expect, it } from 'vitest';
import {
  classFrameworks,
  fileConventions,
  FRAMEWORK_IDS,
  instanceKinds,
  serverFrameworks,
  SIGNATURE_METHODS,
  type CallSpec,
} from '../src/catalog/frameworks.js';

const kindsNamedBy = (spec: CallSpec & { creates?: string }): string[] =>
  [spec.creates, spec.callbackReceives, spec.returns].filter((kind): kind is string => typeof kind === 'string');

describe('framework catalog', () => {
  it('names only kinds it defines', () => {
    const named = [
      ...serverFrameworks.flatMap((framework) => [
        ...framework.entryPoints.flatMap(kindsNamedBy),
        ...Object.values(framework.instanceTypes ?? {}),
        ...Object.values(framework.pluginTypes ?? {}),
      ]),
      ...Object.values(instanceKinds).flatMap((kind) => Object.values(kind.methods).flatMap(kindsNamedBy)),
      ...Object.values(SIGNATURE_METHODS.calls),
      ...Object.values(SIGNATURE_METHODS.optionMethods),
    ];
    expect(named.filter((kind) => !(kind in instanceKinds))).toEqual([]);
  });

  it('gives every detector a settings id, and every id a detector', () => {
    const used = new Set([
      ...serverFrameworks.map((framework) => framework.id),
      ...Object.values(instanceKinds).map((kind) => kind.framework),
      ...classFrameworks.map((framework) => framework.id),
      ...fileConventions.map((convention) => convention.framework),
      // Detected by shape, in src/context/handlers.ts.
      'generic',
      'graphql',
      'trpc',
    ]);
    expect([...used].sort()).toEqual([...FRAMEWORK_IDS]);
  });

  it.each([
    ['app/api/posts/route.ts', 'Next.js', true],
    ['src/app/(shop)/cart/route.js', 'Next.js', true],
    ['app/api/posts/page.tsx', 'Next.js', false],
    ['C:/repo/apps/web/pages/api/hello.ts', 'Next.js', true],
    ['app/routes/invoices.$id.tsx', 'Remix', true],
    ['app/root.tsx', 'Remix', true],
    ['src/routes/api/+server.ts', 'SvelteKit', true],
    ['src/routes/+page.server.js', 'SvelteKit', true],
    ['src/routes/+page.ts', 'SvelteKit', false],
    ['src/hooks.server.ts', 'SvelteKit', true],
    ['server/api/users/[id].get.ts', 'Nitro', true],
    ['server/plugins/db.ts', 'Nitro', false],
    ['src/pages/rss.xml.js', 'Astro', true],
  ])('%s is a %s convention file: %s', (path, label, expected) => {
    expect(fileConventions.some((convention) => convention.label === label && convention.file.test(path))).toBe(expected);
  });
});
