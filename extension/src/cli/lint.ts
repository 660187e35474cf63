import { EXIT, type CliIO } from './io';

export async function runLint(_argv: string[], io: CliIO): Promise<number> {
  // Filled in by its feature's issue.
  io.err('memwise lint: not implemented yet.');
  return EXIT.usage;
}
