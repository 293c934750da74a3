import type { AddinSettings } from '../core/session';
import { parseAddinSettings } from '../core/session';
import type { SettingsStore } from './ports';

/** Settings kept in memory as the JSON text Office would store (tests, the standalone page). */
export class MemoryStore implements SettingsStore {
  saves = 0;
  constructor(public text: string | null = null) {}

  load(): AddinSettings | null {
    return this.text === null ? null : parseAddinSettings(this.text);
  }

  async save(settings: AddinSettings): Promise<void> {
    this.text = JSON.stringify(settings);
    this.saves++;
  }
}
