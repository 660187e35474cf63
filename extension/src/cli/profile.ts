import { EXIT, type CliIO } from './io';

export async function runProfile(_argv: string[], io: CliIO): Promise<number> {
  // Filled in by its feature's issue.
  io.err('memwise profile: not implemented yet.');
  return EXIT.usage;
}
