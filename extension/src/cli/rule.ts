import { EXIT, type CliIO } from './io';

export async function runRule(_argv: string[], io: CliIO): Promise<number> {
  // Filled in by its feature's issue.
  io.err('memwise rule: not implemented yet.');
  return EXIT.usage;
}
