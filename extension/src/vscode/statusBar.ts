// Current and peak memory of the profiled tree in the status bar while a profile runs.
import * as vscode from 'vscode';
import { formatBytes } from '../core/profile/sizes';

export interface ProfileStatusBar {
  update(rssBytes: number, peakBytes: number): void;
  finish(text: string): void;
  dispose(): void;
}

/** `history` receives every text shown (tests read it through the API). Updates are throttled to 4/s. */
export function createProfileStatusBar(scriptName: string, history: string[]): ProfileStatusBar {
  const item = vscode.window.createStatusBarItem('memwise.profileStatus', vscode.StatusBarAlignment.Left, 100);
  item.name = 'Memwise profile';
  item.command = 'memwise.showLastProfile';
  let last = 0;
  const set = (text: string, tooltip: string) => {
    item.text = text;
    item.tooltip = tooltip;
    history.push(text);
    if (history.length > 200) history.splice(0, history.length - 200);
  };
  set(`$(pulse) ${scriptName}: starting…`, 'Memwise is profiling this script');
  item.show();
  return {
    update(rss, peak) {
      const now = Date.now();
      if (now - last < 250) return;
      last = now;
      set(`$(pulse) ${scriptName}: ${formatBytes(rss)} (peak ${formatBytes(peak)})`, `Memwise is profiling ${scriptName}: current memory of the process tree, and its peak so far`);
    },
    finish(text) {
      set(text, `Memwise: last profile of ${scriptName}. Click to show it.`);
    },
    dispose: () => item.dispose(),
  };
}
