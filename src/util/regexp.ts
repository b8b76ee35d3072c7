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
