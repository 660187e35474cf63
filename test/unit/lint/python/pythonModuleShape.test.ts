// The Python front end stays small modules with one job each: no file over ~500 lines, and no import cycle
// between its modules (type-only imports included), so the value analysis cannot grow back into one file.
import * as path from 'path';
import { repoRoot } from '../../runCli';
import { describeModuleShape } from '../moduleShape';

describeModuleShape('Python front end: module shape', path.join(repoRoot, 'extension', 'src', 'core', 'lint', 'python'), ['', 'facts', 'library', 'rules'], 30);
