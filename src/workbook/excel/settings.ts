import type { SettingsStore } from '../WorkbookPort';
import type { AddinSettings } from '../../core/session';
import { SETTINGS_KEY, parseAddinSettings } from '../../core/session';
import { ExcelAdapterError } from './errors';

/** The part of `Office.context.document.settings` the store uses. */
export interface DocumentSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(options: { overwriteIfStale?: boolean }, callback: (result: { status: unknown; error?: { message: string } }) => void): void;
}

/**
 * The add-in's choices kept in the workbook's own settings (saved with the file), so
 * that next month's copy opens with last month's choices. One JSON value under one key.
 */
export function documentSettingsStore(settings: DocumentSettings): SettingsStore {
  return {
    load(): AddinSettings | null {
      return parseAddinSettings(settings.get(SETTINGS_KEY) ?? null);
    },
    save(value: AddinSettings): Promise<void> {
      settings.set(SETTINGS_KEY, JSON.stringify(value));
      return new Promise((resolve, reject) => {
        settings.saveAsync({ overwriteIfStale: true }, (result) => {
          // Office.AsyncResultStatus.Failed is the string "failed" at run time
          if (String(result.status) === 'failed') reject(new ExcelAdapterError('failed', { detail: result.error?.message ?? 'settings.saveAsync' }));
          else resolve();
        });
      });
    },
  };
}
