import { ESLintUtils } from '@typescript-eslint/utils';

export interface EventLoopRuleDocs {
  /** Included in `configs.recommended` (the config is generated from this flag). */
  recommended?: boolean;
  /** Needs type information; such rules are only in `recommended-type-checked`. */
  requiresTypeChecking?: boolean;
}

const REPOSITORY = 'https://github.com/eslint-plugin-event-loop/eslint-plugin-event-loop';

export const ruleDocsUrl = (name: string): string => `${REPOSITORY}/blob/main/docs/rules/${name}.md`;

const withDocs = ESLintUtils.RuleCreator<EventLoopRuleDocs>(ruleDocsUrl);

/**
 * RuleCreator, with the defaults merged into a rule's options once per distinct options instead
 * of once per file: its `create` deep-clones the defaults (`structuredClone`) for every rule on
 * every file, a quarter of the plugin's own per-file cost on the bench corpus. ESLint 10 hands
 * each file a new but equal options array (even for a rule set by severity alone), so the merged
 * options are found by the array's JSON text. Its one element is mostly the same object from file
 * to file (the rule's `meta.defaultOptions` entry, or the config's own object before ESLint 9.15
 * merged defaults), so that object finds them first, without the text. They are shared, so rules
 * must not modify them (none does).
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, EventLoopRuleDocs>>,
): ReturnType<typeof withDocs<Options, MessageIds>> {
  const module = withDocs(rule);
  const defaults = (rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as Options;
  const merged = new Map<string, Options>();
  const byElement = new WeakMap<object, Options>();
  const optionsOf = (options: Options): Options => {
    const [only] = options;
    const element = options.length === 1 && typeof only === 'object' && only !== null ? only : undefined;
    let result = element && byElement.get(element);
    if (result) return result;
    // A rule set by severity alone on ESLint before 9.15: no text to build.
    const text = options.length === 0 ? '[]' : JSON.stringify(options);
    result = merged.get(text);
    if (!result) merged.set(text, (result = ESLintUtils.applyDefault<Options, Options>(defaults, options)));
    if (element) byElement.set(element, result);
    return result;
  };
  return { ...module, create: (context) => rule.create(context, optionsOf(context.options)) };
}
