// Whether a suggestion keeps a TypeScript project type-correct: the project's type errors with one
// file's text replaced, against its errors as it is on disk. Errors are compared by file, code and
// message, not position (a suggestion moves the text after it), so an error the input already had
// (an example's framework types are not installed, say) is not counted against the suggestion, and
// one the suggestion adds anywhere in the project is (a handler made async changes what it returns).
import { dirname } from 'node:path';
import ts from 'typescript';

/**
 * @typedef {{
 *   options: ts.CompilerOptions,
 *   rootNames: readonly string[],
 *   program: ts.Program,
 *   errors: Map<string, number>,
 * }} Project
 */

export function createTypeCheck() {
  /** @type {Map<string, Project | null>} by tsconfig.json path */
  const projects = new Map();
  /** Unchanged files parsed once for every program (lib and @types files are most of the work). */
  /** @type {Map<string, ts.SourceFile>} by parse options and path */
  const sourceFiles = new Map();

  /**
   * The project's program, with `file`'s text replaced when an edit is given.
   * @param {Pick<Project, 'options' | 'rootNames'> & { program?: ts.Program }} project
   * @param {string} [file] @param {string} [text]
   */
  const programOf = (project, file, text) => {
    const host = ts.createCompilerHost(project.options, true);
    host.getSourceFile = (name, languageVersion) => {
      if (name === file) return ts.createSourceFile(name, /** @type {string} */ (text), languageVersion, true);
      // The options hold the file's module format, which its project's settings decide.
      const key = `${JSON.stringify(languageVersion)} ${name}`;
      let sourceFile = sourceFiles.get(key);
      if (!sourceFile) {
        const contents = ts.sys.readFile(name);
        if (contents === undefined) return undefined;
        sourceFiles.set(key, (sourceFile = ts.createSourceFile(name, contents, languageVersion, true)));
      }
      return sourceFile;
    };
    const read = host.readFile;
    host.readFile = (name) => (name === file ? text : read.call(host, name));
    // The program of the files as they are lends its structure to each edited one.
    return ts.createProgram({ rootNames: project.rootNames, options: project.options, host, oldProgram: project.program });
  };

  /** @param {string} configFile */
  const projectOf = (configFile) => {
    let project = projects.get(configFile);
    if (project === undefined) {
      const parsed = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      project = null;
      if (parsed) {
        const options = { ...parsed.options, noEmit: true, incremental: false };
        const program = programOf({ options, rootNames: parsed.fileNames });
        project = { options, rootNames: parsed.fileNames, program, errors: errorCounts(program) };
      }
      projects.set(configFile, project);
    }
    return project;
  };

  /**
   * The type errors that `text` as `file` adds to its project (the nearest tsconfig.json above
   * it), or undefined when there is none or it does not include the file.
   * @param {string} file absolute path
   * @param {string} text
   * @returns {string[] | undefined}
   */
  return (file, text) => {
    const configFile = ts.findConfigFile(dirname(file), ts.sys.fileExists);
    const project = configFile ? projectOf(configFile) : null;
    if (!project?.program.getSourceFile(file)) return undefined;
    const before = project.errors;
    const added = [];
    for (const [error, count] of errorCounts(programOf(project, file, text))) {
      if (count > (before.get(error) ?? 0)) added.push(error);
    }
    return added;
  };
}

/** @param {ts.Program} program @returns {Map<string, number>} each error's count, by file, code and message */
function errorCounts(program) {
  const counts = new Map();
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    if (diagnostic.category !== ts.DiagnosticCategory.Error) continue;
    const key = `${diagnostic.file?.fileName ?? '(global)'}: TS${diagnostic.code} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
