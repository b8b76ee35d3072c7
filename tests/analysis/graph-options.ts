/** The options file-analysis gives module-graph for a TypeScript project with the default maxDepth. */
import * as tsParser from '@typescript-eslint/parser';
import type { GraphOptions } from '../../src/analysis/module-graph.js';
import type { Parser } from '../../src/analysis/module-source.js';
import { blockingApis, blockingApiTraceMap, catalogTextCheck } from '../../src/catalog/index.js';

export const graphOptions: GraphOptions = {
  parser: tsParser as unknown as Parser,
  parserOptions: {},
  maxDepth: 5,
  catalogTraceMap: blockingApiTraceMap(blockingApis),
  mayCallCatalog: catalogTextCheck(blockingApis),
};
