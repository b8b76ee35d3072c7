/** `text` as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Matches one of `specifiers` written as a module specifier in quotes (`'fs'`, `"node:fs"`,
 * `` `fs` ``), or as the start of a longer one (`'fs/promises'`); the specifier is group 1.
 */
export function quotedSpecifierPattern(specifiers: Iterable<string>, flags = ''): RegExp {
  const names = [...specifiers].map(escapeRegExp);
  return names.length > 0 ? new RegExp(`['"\`](${names.join('|')})['"\`/]`, flags) : /(?!)/;
}

/**
 * Whether a text names one of `names` as a whole word, `$` counting as a letter (zx's `$`). The
 * ending every name shares (`Sync` of `pbkdf2Sync` and `scryptSync`) is searched for first: most
 * texts that import a module name none of its blocking APIs, and a plain substring search rules
 * them out several times faster than the pattern.
 */
export function wholeWordSearch(names: readonly string[]): (text: string) => boolean {
  const pattern = new RegExp(`(?<![\\w$])(?:${names.map(escapeRegExp).join('|')})(?![\\w$])`);
  const ending = sharedEnding(names);
  if (ending.length < MIN_ENDING) return (text) => pattern.test(text);
  return (text) => text.includes(ending) && pattern.test(text);
}

/** Endings shorter than this (`c`, `ync`) are in nearly every text: searching for them first would only add a pass. */
const MIN_ENDING = 4;

/** The longest ending all of `names` share, or `''`. */
function sharedEnding(names: readonly string[]): string {
  let ending = names[0] ?? '';
  for (const name of names) while (!name.endsWith(ending)) ending = ending.slice(1);
  return ending;
}
