import { documentSettingsStore } from '../../../src/workbook/excel';
import type { DocumentSettings } from '../../../src/workbook/excel';
import { ExcelAdapterError } from '../../../src/workbook/excel';
import { SETTINGS_KEY, defaultSettings } from '../../../src/core/session';
import { adapterOn } from './support';
import { FakeExcel } from '../../support/fakeExcel';

/** Office.context.document.settings as Office keeps it: values in memory, written to the file by saveAsync. */
function officeSettings(fail = false): DocumentSettings & { values: Map<string, unknown>; saved: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  return {
    values,
    saved,
    get: (name) => values.get(name) ?? null,
    set: (name, value) => void values.set(name, value),
    saveAsync: (_options, callback) =>
      setTimeout(() => {
        if (fail) callback({ status: 'failed', error: { message: 'The settings could not be saved.' } });
        else {
          for (const [k, v] of values) saved.set(k, v);
          callback({ status: 'succeeded' });
        }
      }, 0),
  };
}

describe('settings kept in the workbook', () => {
  test('nothing saved yet loads as null; what is saved loads back', async () => {
    const office = officeSettings();
    const store = documentSettingsStore(office);
    expect(store.load()).toBeNull();
    const s = { ...defaultSettings(), skipSheets: ['目录'] };
    await store.save(s);
    expect(JSON.parse(String(office.saved.get(SETTINGS_KEY)))).toEqual(s);
    expect(documentSettingsStore(office).load()).toEqual(s);
  });

  test('a failed save is an error the pane can show', async () => {
    const store = documentSettingsStore(officeSettings(true));
    const e = await store.save(defaultSettings()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ExcelAdapterError);
    expect((e as ExcelAdapterError).text('zh-CN')).toBe('Excel 操作失败：The settings could not be saved.');
  });
});

describe('watching the workbook', () => {
  test('below ExcelApi 1.9, or where the host has no sheet events, there is nothing to watch', async () => {
    expect(await adapterOn(new FakeExcel({ apiVersion: '1.8' })).watch(() => undefined)).toBeNull();
    // the fake has no events: the pane then re-reads before each step
    expect(await adapterOn(new FakeExcel({ apiVersion: '1.18' })).watch(() => undefined)).toBeNull();
  });
});
