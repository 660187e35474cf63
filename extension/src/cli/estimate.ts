import { EXIT, type CliIO } from './io';

export async function runEstimate(_argv: string[], io: CliIO): Promise<number> {
  // Filled in by its feature's issue.
  io.err('memwise estimate: not implemented yet.');
  return EXIT.usage;
}
