import type { PythonRule } from '../ruleContext';
import { insertAt } from '../ruleContext';
import { calleeOf, hasSplat, keywordArg, positionalArgs, stringValue } from '../syntax';

export const npLoadWithoutMmap: PythonRule = {
  meta: {
    code: 'MW407', name: 'np-load-without-mmap', language: 'python', family: 4, defaultSeverity: 'info',
    summary: 'np.load of a .npy file without mmap_mode reads the whole array into memory.',
    fixable: true, defaultEnabled: true,
    docs: {
      whatItDoes: 'Reports `np.load(path)` without `mmap_mode=` (except for .npz archives).',
      whyIsThisBad: 'The whole array is read into RAM even if the code touches a slice. With mmap_mode="r" the OS pages in only what is used and can drop it again under pressure.',
      example: 'import numpy as np\n\nemb = np.load("embeddings.npy")\nprint(emb[:10].mean())\n',
      useInstead: 'import numpy as np\n\nemb = np.load("embeddings.npy", mmap_mode="r")\nprint(emb[:10].mean())\n',
      dataScale: 'A .npy file holds an array saved from data, so every np.load of one counts as data-scale; .npz archives (which cannot be memory-mapped) and calls that already pass mmap_mode are not reported.',
      fixSafety: 'Unsafe: the result becomes a read-only memmap; code that writes into the array would fail.',
    },
  },
  cacheable: true,
  triggers: [{ tokens: ['load'], before: /\b(?:np|numpy)\s*\.\s*$/, after: /^\s*\(/, type: 'call' }],
  appliesTo: ['np.load', 'numpy'],
  create(ctx) {
    return {
      call(node) {
        const c = calleeOf(node);
        if (!c || !/^(np|numpy)\.load$/.test(c.full ?? '') || keywordArg(node, 'mmap_mode') || hasSplat(node)) return;
        const args = positionalArgs(node);
        if (args.length !== 1) return;
        const p = stringValue(args[0]);
        if (p !== null && !p.endsWith('.npy')) return;
        if (p === null && /npz/i.test(args[0].text)) return;
        const close = node.childForFieldName('arguments')?.lastChild;
        ctx.report({
          node,
          message: '`np.load` without mmap_mode reads the whole array into memory. Pass mmap_mode="r" to map the file and page in only the parts you use.',
          fixes: close && close.type === ')' ? [{ title: 'Memory-map with mmap_mode="r"', edits: [insertAt(close.startPosition.row, close.startPosition.column, ', mmap_mode="r"')], safety: 'unsafe' }] : [],
        });
      },
    };
  },
};
