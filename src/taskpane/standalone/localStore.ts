/**
 * The standalone page's settings: a MemoryStore seeded from localStorage and written back
 * on every save, so the choices, corrections and confirmations of one file are there for
 * the next (as they are kept in the workbook in Excel). A browser without localStorage,
 * or one that refuses it (private mode, storage full, file:// pages), still works: the
 * settings then last as long as the page.
 */
import { MemoryStore } from '../../addin';
import type { AddinSettings } from '../../core/session';

export const STANDALONE_SETTINGS_KEY = 'indicator-tables.standalone.settings';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** window.localStorage, or null when there is none or reading it throws (SecurityError). */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof window === 'undefined' ? null : (window.localStorage ?? null);
  } catch {
    return null;
  }
}

function readItem(storage: KeyValueStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export class LocalSettingsStore extends MemoryStore {
  constructor(
    private readonly storage: KeyValueStorage | null = browserStorage(),
    private readonly key = STANDALONE_SETTINGS_KEY,
  ) {
    super(readItem(storage, key));
  }

  override async save(settings: AddinSettings): Promise<void> {
    await super.save(settings);
    try {
      if (this.text !== null) this.storage?.setItem(this.key, this.text);
    } catch {
      // full or refused: the settings stay in memory for this page
    }
  }
}
