// What `timeout`, CI cancellation, Ctrl-C and a closed terminal send to `memwise profile|estimate`: SIGTERM,
// SIGINT, SIGHUP. While a command runs they cancel it (the profiled tree is stopped, the run is saved marked
// cancelled) instead of killing Memwise and leaving the tree running; the command then exits 128+N.
import * as os from 'os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface StopSignals {
  /** The first signal received, if any. */
  readonly received?: NodeJS.Signals;
  /** 128 + the signal's number, the shell's convention for "ended by signal N". */
  readonly exitCode: number;
  dispose(): void;
}

export function stopSignals(onStop: () => void): StopSignals {
  const state: { received?: NodeJS.Signals } = {};
  const handlers = SIGNALS.map((sig) => {
    const h = () => {
      if (!state.received) {
        state.received = sig;
        onStop();
      }
    };
    process.on(sig, h);
    return [sig, h] as const;
  });
  return {
    get received() {
      return state.received;
    },
    get exitCode() {
      return 128 + (state.received ? (os.constants.signals[state.received] ?? 15) : 0);
    },
    dispose() {
      for (const [sig, h] of handlers) process.removeListener(sig, h);
    },
  };
}
