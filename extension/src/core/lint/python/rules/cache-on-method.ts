import type { PythonRule } from '../ruleContext';

export const cacheOnMethod: PythonRule = {
  meta: {
    code: 'MW403', name: 'cache-on-method', language: 'python', family: 4, defaultSeverity: 'warning',
    summary: 'functools.lru_cache/cache on a method keeps every instance alive.',
    fixable: false, defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `@lru_cache`/`@cache` on methods (like Ruff B019, pylint W1518).',
      whyIsThisBad: 'The cache is global to the class and its keys include `self`, so every instance ever used (and everything it references) stays in memory for the life of the process.',
      example: 'from functools import lru_cache\n\nclass Report:\n    @lru_cache(maxsize=None)\n    def rows(self, day):\n        return load(day)\n',
      useInstead: 'from functools import lru_cache\n\n@lru_cache(maxsize=128)\ndef load_rows(day):\n    return load(day)\n\nclass Report:\n    def rows(self, day):\n        return load_rows(day)\n',
    },
  },
  cacheable: true,
  triggers: [{ tokens: ['@'], after: /^\s*(?:functools\s*\.\s*)?(?:lru_cache|cache)\b/, type: 'decorator' }],
  create(ctx) {
    return {
      decorator(node) {
        const expr = node.namedChild(0);
        if (!expr) return;
        const fnText = expr.type === 'call' ? expr.childForFieldName('function')?.text ?? '' : expr.text;
        if (!/^(functools\.)?(lru_cache|cache)$/.test(fnText)) return;
        const def = node.parent?.childForFieldName('definition');
        if (!def || def.type !== 'function_definition') return;
        const cls = node.parent?.parent?.parent; // decorated_definition → block → class_definition
        if (!cls || cls.type !== 'class_definition') return;
        const params = def.childForFieldName('parameters')?.namedChildren ?? [];
        const first = params[0];
        if (!first || first.text !== 'self') return;
        ctx.report({ node, message: `\`@${fnText}\` on method \`${def.childForFieldName('name')?.text}\` keys the cache on self: every instance it sees stays alive as long as the process. Cache a module-level function of the arguments instead.` });
      },
    };
  },
};
