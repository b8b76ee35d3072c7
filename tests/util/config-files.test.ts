/**
 * The project's config files, watched in a long-lived process (src/util/config-files.ts), asked
 * directly: the rules' tests (no-sync-fs-follow-disk.test.ts, file-conventions-disk.test.ts) show
 * what an edit of them changes in the findings. Vitest is not a single run, so every look is kept
 * here. The clock is passed in, one check interval on at each step.
 */
import fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONFIG_CHECK_MS,
  configGeneration,
  isConfigDirectory,
  isConfigFile,
  lstatConfigPath,
  readConfigDirectory,
  readConfigFile,
  statConfigPath,
  watchTsconfigExtends,
} from '../../src/util/config-files.js';
import { symlinksWork, tempProject, type ProjectFiles } from '../temp-project.js';

const project = (files: ProjectFiles): string => tempProject(files, 'config');

let now = Date.now() + 10 * CONFIG_CHECK_MS;
let generation = configGeneration(now);
/** Whether the generation moved since the last question, asked with the clock at `at`. */
const changedAt = (at: number): boolean => {
  const before = generation;
  generation = configGeneration(at);
  return generation !== before;
};
/** The same, one interval after the last question. */
const changedLater = (): boolean => changedAt((now += CONFIG_CHECK_MS));

let mtime = Date.parse('2024-01-01T00:00:00Z') / 1000;
/** Gives a path a new modification time, as a save (or an entry added to a directory) does. */
const touch = (path: string): void => fs.utimesSync(path, (mtime += 60), mtime);

describe('configGeneration', () => {
  it('moves once a file read is edited, and once only: the looks are forgotten with the change', () => {
    const root = project({ 'package.json': '{"name":"api"}' });
    const file = join(root, 'package.json');
    expect(readConfigFile(file)).toBe('{"name":"api"}');
    expect(changedLater()).toBe(false);

    fs.writeFileSync(file, '{"name":"api","imports":{}}');
    expect(changedLater()).toBe(true);
    expect(changedLater()).toBe(false);
  });

  it('moves once something is where a look found nothing', () => {
    const root = project({});
    const file = join(root, 'tsconfig.json');
    expect(isConfigFile(file)).toBe(false);
    expect(changedLater()).toBe(false);

    fs.writeFileSync(file, '{}');
    expect(changedLater()).toBe(true);
  });

  it('looks again no sooner than an interval after its last look', () => {
    const root = project({ 'tsconfig.json': '{}' });
    const file = join(root, 'tsconfig.json');
    expect(statConfigPath(file)?.isFile()).toBe(true);
    expect(changedLater()).toBe(false);

    touch(file);
    expect(changedAt(now + CONFIG_CHECK_MS - 1)).toBe(false);
    expect(changedLater()).toBe(true);
  });

  it('counts a clock set back by an interval or more as time gone by', () => {
    const root = project({ 'tsconfig.json': '{}' });
    const file = join(root, 'tsconfig.json');
    statConfigPath(file);
    expect(changedLater()).toBe(false);

    touch(file);
    expect(changedAt(now - 1)).toBe(false);
    expect(changedAt((now -= 2 * CONFIG_CHECK_MS))).toBe(true);
  });

  it('moves once an entry is added to a directory listed', () => {
    const root = project({ 'packages/api/package.json': '{}' });
    const packages = join(root, 'packages');
    expect(readConfigDirectory(packages).map((entry) => entry.name)).toEqual(['api']);
    expect(changedLater()).toBe(false);

    fs.mkdirSync(join(packages, 'db'));
    touch(packages);
    expect(changedLater()).toBe(true);
  });

  it('takes a directory that matters only by being there (node_modules) as unchanged by its entries, not by its removal', () => {
    const root = project({ 'node_modules/express/package.json': '{}' });
    const nodeModules = join(root, 'node_modules');
    expect(isConfigDirectory(nodeModules)).toBe(true);
    expect(changedLater()).toBe(false);

    fs.mkdirSync(join(nodeModules, 'debug'));
    touch(nodeModules);
    expect(changedLater()).toBe(false);

    fs.rmSync(nodeModules, { recursive: true });
    expect(changedLater()).toBe(true);
  });

  it.skipIf(!symlinksWork)('moves once a link looked at by lstat is made again to another target', () => {
    const root = project({ 'packages/db/package.json': '{}', 'packages/db2/package.json': '{}', 'node_modules/@acme': null });
    const link = join(root, 'node_modules/@acme/db');
    fs.symlinkSync('../../packages/db', link, 'dir');
    fs.lutimesSync(link, (mtime += 60), mtime);
    expect(lstatConfigPath(link)?.isSymbolicLink()).toBe(true);
    expect(changedLater()).toBe(false);

    fs.rmSync(link);
    fs.symlinkSync('../../packages/db2', link, 'dir');
    fs.lutimesSync(link, (mtime += 60), mtime);
    expect(changedLater()).toBe(true);
  });
});

describe('watchTsconfigExtends', () => {
  it('keeps the files a tsconfig.json extends by path, down the chain, with or without `.json`', () => {
    const root = project({
      // JSON with comments, as tsconfig.json allows; a package it extends is not watched.
      'tsconfig.json': '{\n  // shared options\n  "extends": ["@tsconfig/node20/tsconfig.json", "./config/base"]\n}',
      'config/base.json': '{ "extends": "./paths.json" }',
      'config/paths.json': '{ "compilerOptions": { "paths": { "@lib/*": ["../lib/*"] } } }',
    });
    watchTsconfigExtends(join(root, 'tsconfig.json'));
    expect(changedLater()).toBe(false);

    touch(join(root, 'config/paths.json'));
    expect(changedLater()).toBe(true);
  });

  it('keeps a file it names where none is yet: written, it changes what the tsconfig.json extends', () => {
    const root = project({ 'tsconfig.json': '{ "extends": "./tsconfig.base" }' });
    watchTsconfigExtends(join(root, 'tsconfig.json'));
    expect(changedLater()).toBe(false);

    fs.writeFileSync(join(root, 'tsconfig.base.json'), '{}');
    expect(changedLater()).toBe(true);
  });
});
