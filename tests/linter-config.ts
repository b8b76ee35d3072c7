import type { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin from '../src/index.js';

export const eventLoopPlugin = plugin;
export const parser = tsParser as unknown as Linter.Parser;

export const FILES = ['**/*.ts', '**/*.js', '**/*.cjs', '**/*.mjs'];

export type SourceType = 'module' | 'script' | 'commonjs';

/** A flat config running only `event-loop/no-sync-fs` (or no rule at all) with @typescript-eslint/parser. */
export function config({
  rule = 'error',
  sourceType = 'module',
  settings,
  globals,
  plugin = eventLoopPlugin,
}: {
  rule?: Linter.RuleEntry | null;
  sourceType?: SourceType;
  settings?: Record<string, unknown>;
  globals?: Linter.Globals;
  /** Another instance of the plugin (imported again after vi.resetModules(), with fresh caches). */
  plugin?: typeof eventLoopPlugin;
} = {}): Linter.Config[] {
  return [
    {
      files: FILES,
      plugins: { 'event-loop': plugin },
      languageOptions: { parser, sourceType, ...(globals ? { globals } : {}) },
      ...(settings ? { settings } : {}),
      rules: rule === null ? {} : { 'event-loop/no-sync-fs': rule },
    },
  ];
}
