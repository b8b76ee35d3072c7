/**
 * A copy of a string that does not hold on to the text it was cut from. V8 cuts a substring of 13
 * characters or more as a view into its parent (a regular expression's match, a parser's name or
 * literal), so a specifier or a name kept for the whole run would keep its module's whole text alive.
 */
export function ownString(text: string): string {
  return (' ' + text).slice(1);
}
