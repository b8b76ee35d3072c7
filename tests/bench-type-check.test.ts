/**
 * The hardening run's type check of suggestion outputs (bench/lib/type-check.js), on an example
 * project as it is on disk: its framework's types are not installed, so it has type errors of its
 * own, which must not count against a suggestion.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTypeCheck } from '../bench/lib/type-check.js';

const project = fileURLToPath(new URL('../examples/fastify-api/', import.meta.url));
const health = `${project}src/routes/health.ts`;
const app = `${project}src/app.ts`;
const text = readFileSync(health, 'utf8');
let addedTypeErrors: ReturnType<typeof createTypeCheck>;

describe('type errors a suggestion adds to its project', () => {
  beforeAll(() => {
    addedTypeErrors = createTypeCheck();
  });

  it('none for the file as it is, though the project has errors (Cannot find module fastify)', () => {
    expect(addedTypeErrors(health, text)).toEqual([]);
  });

  it('none for an edit that keeps the types', () => {
    expect(addedTypeErrors(health, text.replace("await readFile('package.json', 'utf8')", "String(await readFile('package.json'))"))).toEqual([]);
  });

  it('an error the edit adds, by file, code and message', () => {
    // readFile without an encoding resolves to a Buffer, which JSON.parse does not take.
    expect(addedTypeErrors(health, text.replace("await readFile('package.json', 'utf8')", "await readFile('package.json')"))).toEqual([
      `${health}: TS2345 Argument of type 'NonSharedBuffer' is not assignable to parameter of type 'string'.`,
    ]);
  });

  it('an error the edit adds in another file of the project', () => {
    const routes = readFileSync(app, 'utf8');
    expect(routes).toContain("import healthRoutes from './routes/health.js'");
    expect(addedTypeErrors(health, text.replace('export default async function', 'export async function'))).toEqual([
      `${app}: TS2613 Module '"${project}src/routes/health"' has no default export. Did you mean to use 'import { healthRoutes } from "${project}src/routes/health"' instead?`,
    ]);
  });

  it('nothing for a file with no tsconfig.json above it', () => {
    const directory = mkdtempSync(join(tmpdir(), 'type-check-'));
    try {
      const file = join(directory, 'server.ts');
      writeFileSync(file, 'export const port: number = 3000;\n');
      expect(addedTypeErrors(file, 'export const port: number = "3000";\n')).toBeUndefined();
    } finally {
      rmSync(directory, { recursive: true });
    }
  });
});
