// Module hooks (they run on Node's loader thread, so `typescript` loaded here stays out of the
// program under test): transpile the plugin's .ts sources, and fail any import of `typescript`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export async function resolve(specifier, context, next) {
  if (specifier === 'typescript' || specifier.startsWith('typescript/')) {
    throw new Error(`${context.parentURL} imports ${specifier}`);
  }
  try {
    return await next(specifier, context);
  } catch (error) {
    // Sources import each other as `./x.js`; the file on disk is `./x.ts`.
    if (specifier.startsWith('.') && specifier.endsWith('.js')) return next(`${specifier.slice(0, -3)}.ts`, context);
    throw error;
  }
}

export async function load(url, context, next) {
  if (!url.endsWith('.ts')) return next(url, context);
  const source = await readFile(fileURLToPath(url), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    fileName: fileURLToPath(url),
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
