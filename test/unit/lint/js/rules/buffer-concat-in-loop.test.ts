// MW452 fires where `buf = Buffer.concat([buf, chunk])` runs once per chunk of data-sized input (a stream's
// data handler, a loop over a directory listing): every step copies everything so far. A loop over a fixed
// list, a single concat, and collecting chunks for one concat at the end stay silent.
import { ruleTester } from '../ruleTester';

describe('MW452 buffer-concat-in-loop', () => {
  ruleTester('MW452', {
    valid: [
      { name: 'a loop over a literal list of two buffers (bounded)', code: "const parts = [Buffer.from('a'), Buffer.from('b')];\nlet all = Buffer.alloc(0);\nfor (const p of parts) {\n  all = Buffer.concat([all, p]);\n}\n" },
      { name: 'chunks collected and concatenated once at the end', code: "const chunks: Buffer[] = [];\nprocess.stdin.on('data', (c) => chunks.push(c));\nprocess.stdin.on('end', () => console.log(Buffer.concat(chunks).length));\n" },
      { name: 'one concat outside any loop or handler', code: "let header = Buffer.alloc(0);\nheader = Buffer.concat([header, Buffer.from('x')]);\n" },
    ],
    invalid: [
      {
        name: "a stream's data handler appends every chunk",
        code: "import fs from 'fs';\nlet body = Buffer.alloc(0);\nfs.createReadStream(process.argv[2]).on('data', (chunk) => {\n  body = Buffer.concat([body, chunk]);\n});\n",
        ranges: ['Buffer.concat([body, chunk])'],
        messageIds: ['copiesPerChunk'],
        at: [3, 9],
        message: /^`body = Buffer\.concat\(\[body, …\]\)` copies everything received so far on every chunk.* Data: every chunk of the stream/,
      },
      {
        name: 'a loop over a directory listing appends every file',
        code: "import fs from 'fs';\nlet all = Buffer.alloc(0);\nfor (const f of fs.readdirSync('parts')) {\n  all = Buffer.concat([all, fs.readFileSync(f)]);\n}\n",
        ranges: ['Buffer.concat([all, fs.readFileSync(f)])'],
        messageIds: ['copiesPerChunk'],
        at: [3, 8],
        message: /Data: a directory listing\.$/,
      },
    ],
  });
});
