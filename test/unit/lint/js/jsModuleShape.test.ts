// The JS/TS front end stays small modules with one job each: no file over ~500 lines, and no import cycle
// between its modules (type-only imports included), so facts.ts cannot grow back into a grab-bag.
import * as path from 'path';
import { repoRoot } from '../../runCli';
import { describeModuleShape } from '../moduleShape';

describeModuleShape('JS/TS front end: module shape', path.join(repoRoot, 'extension', 'src', 'core', 'lint', 'js'), ['', 'rules'], 10);
