/**
 * thisMembers: every `this.name` of a class, by name, from one walk of the class. The walk follows
 * the TS-ESTree visitor keys (ESLint's trees and oxc's), and a node's own keys for a type they do
 * not know (another parser's).
 */
import * as tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { parseModule, startLine, type ModuleSource } from '../../src/analysis/module-source.js';
import { thisMembers } from '../../src/analysis/reachability.js';
import { graphOptions } from './graph-options.js';
import { ts } from '../rules/no-sync-fs.helpers.js';

const CODE = ts`
  export class ReportsService {
    private readonly started = this.clock.now();
    private cache = new Map<string, string>();

    constructor(private readonly files: FileStore, private readonly clock: Clock) {}

    render(name: string): string {
      const cached = this.cache.get(name);
      if (cached) return cached;
      const load = () => this.files.read(name);
      return this.format(load());
    }

    format(text: string): string {
      return text.trim();
    }
  }
`;

const FILE = '/project/src/reports.service.ts';

/** The class of CODE as ESLint's parser gives it (with locations), or as a helper parses (oxc, without). */
const trees: Record<string, () => ModuleSource> = {
  "ESLint's tree": () => ({ ...tsParser.parseForESLint(CODE, { range: true, loc: true, filePath: FILE }), getScope: () => undefined as never }),
  "a helper's tree": () => parseModule(CODE, FILE, graphOptions.parser, graphOptions.parserOptions)!,
};

function classOf(source: ModuleSource): TSESTree.ClassDeclaration {
  return (source.ast.body[0] as TSESTree.ExportNamedDeclaration).declaration as TSESTree.ClassDeclaration;
}

/** Each name with the lines its reads are on. */
function readLines(source: ModuleSource): Record<string, number[]> {
  return Object.fromEntries(
    [...thisMembers(classOf(source))].map(([name, reads]) => [name, reads.map((read) => startLine(source, read)).sort((a, b) => a - b)]),
  );
}

describe.each(Object.keys(trees))('thisMembers on %s', (tree) => {
  it('finds the reads in field initialisers, methods and arrow functions', () => {
    expect(readLines(trees[tree]!())).toEqual({ clock: [2], cache: [8], files: [10], format: [11] });
  });

  it('walks a node of a type the visitor keys do not know by its own keys', () => {
    const source = trees[tree]!();
    const render = classOf(source).body.body.find(
      (member): member is TSESTree.MethodDefinition => member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method',
    )!;
    const body = render.value.body!;
    // Another parser's node around the method's first statement (a template language's, say).
    const wrapped = { type: 'TemplateBlock', parent: body, statements: [body.body[0]], range: body.body[0]!.range };
    body.body.splice(0, 1, wrapped as unknown as TSESTree.Statement);
    expect(readLines(source)).toEqual({ clock: [2], cache: [8], files: [10], format: [11] });
  });
});
