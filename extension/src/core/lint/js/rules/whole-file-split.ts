// MW351: a whole file read into memory only to be split into lines/records and walked once.
import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { RuleMeta } from '../../types';
import { type JsRule, type JsRuleContext, type JsVisitors, snippet } from '../ruleContext';

const meta: RuleMeta = {
  code: 'MW351',
  name: 'whole-file-split',
  language: 'js',
  family: 3,
  defaultSeverity: 'warning',
  summary: 'A file is read whole, split into lines or records, and walked once; stream it instead.',
  fixable: false,
  defaultEnabled: true,
  docs: {
    whatItDoes: 'Flags `fs.readFileSync` / `fs.promises.readFile` / `readFile` whose content is split into lines (or into pieces on another literal separator, such as a comma or a space in a one-line list, where the advice is to cut the chunks of a read stream on that separator; or parsed into records, for example `parse(readFileSync(f), { columns: true })` followed by one loop) and then walked a single time. One walk is one `for…of`, `forEach` or `map`/`filter`/`reduce` chain, also inside a helper or generator the lines are handed to. A chain whose `map` turns each split line into something else (`.filter(…).map((l) => ({ … }))`, `.map(Number)`, `.map(parseLine)` where the file\'s own `parseLine` builds a record) is the lines\' one walk even when its result is kept in a name, a field or a helper\'s return value and used again later (not when it is joined back into one text or handed straight to another call): the text and the line array are dropped when the chain ends, and only the result stays. A chain that only filters, slices, trims or re-cases the lines keeps the lines themselves, so its result must be walked once; so must a parser\'s records copied by `map`. A count read after the walk (`lines.length` printed at the end) or an emptiness test before it keeps it one pass, but a count needed before the walk starts (`rows.length - kept.length` ahead of the loop over `kept`) needs the array whole. Lines or records mapped straight into `Promise.all(records.map(…))` are not reported here: every task holds its record until all settle, so streaming the read alone would not lower the peak (MW455 reports that).',
    whyIsThisBad:
      'The whole file is held as one string, then again as an array of line strings (each with its own header), so peak memory is about 2–3× the file size — a 2 GB log needs 5–6 GB, and V8 refuses strings over ~512 MB outright. A single pass needs only one line at a time: `readline.createInterface` over `fs.createReadStream`, or the parser\'s stream API, keeps memory flat whatever the file size. `JSON.parse` of a config file, or text that is needed whole, is not flagged.',
    example: "import fs from 'fs';\nconst lines = fs.readFileSync('access.log', 'utf8').split('\\n');\nlet errors = 0;\nfor (const line of lines) {\n  if (line.includes(' 500 ')) errors++;\n}\nconsole.log(errors);\n",
    useInstead: "import fs from 'fs';\nimport readline from 'readline';\nconst rl = readline.createInterface({ input: fs.createReadStream('access.log'), crlfDelay: Infinity });\nlet errors = 0;\nfor await (const line of rl) {\n  if (line.includes(' 500 ')) errors++;\n}\nconsole.log(errors);\n",
    fixSafety: 'No automatic fix: streaming turns the loop asynchronous (`for await`), which changes the surrounding code.',
  },
};

type MessageId = 'walkedOnce';

export const wholeFileSplit: JsRule<MessageId> = {
  meta,
  messages: {
    walkedOnce:
      '`{{read}}` holds the whole file in memory, and it is then {{how}}, a second full copy as an array, only to be walked once: peak memory is 2–3× the file size. Use {{instead}} to keep one {{unit}} at a time.',
  },
  create(ctx: JsRuleContext<MessageId>): JsVisitors {
    return {
      CallExpression(node: TSESTree.CallExpression) {
        const found = ctx.facts.wholeFileWalkedOnce(node);
        if (!found) return;
        const pieces = found.how === 'split into pieces';
        const instead = found.how === 'parsed into records' ? "the parser's stream API over fs.createReadStream" : pieces ? 'fs.createReadStream, cutting each chunk on the same separator (carry the unfinished piece to the next chunk),' : 'readline.createInterface({ input: fs.createReadStream(…) }) with for await';
        ctx.report({
          node,
          messageId: 'walkedOnce',
          data: { read: snippet(ctx, node), how: found.how, instead, unit: pieces ? 'piece' : 'line or record' },
        });
      },
    };
  },
};
