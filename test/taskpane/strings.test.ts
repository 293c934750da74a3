/**
 * The task pane's strings: both languages for every key, with the same {placeholders}.
 * (TypeScript makes every key have both languages; this checks what it cannot.)
 */
import { UI_STRINGS, ui } from '../../src/taskpane/strings';
import type { UiKey } from '../../src/taskpane/strings';

const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const keys = Object.keys(UI_STRINGS) as UiKey[];

describe('task pane strings', () => {
  test.each(keys)('%s: the same placeholders in zh-CN and en-US', (key) => {
    const { 'zh-CN': zh, 'en-US': en } = UI_STRINGS[key];
    expect(placeholders(en)).toEqual(placeholders(zh));
  });

  test('no empty text; Chinese in zh-CN, none in en-US (but for the commands of the domain)', () => {
    const cjk = /[\u4e00-\u9fff]/;
    for (const key of keys) {
      const { 'zh-CN': zh, 'en-US': en } = UI_STRINGS[key];
      expect(zh.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
      // '1,2,2,4（竞争排名）' has Chinese; the placeholder-only line 'sheets.shape' too
      if (!/^[\d,]+|^\{/.test(zh)) expect([key, cjk.test(zh)]).toEqual([key, true]);
      expect([key, cjk.test(en)]).toEqual([key, false]);
    }
  });

  test('the words the issue asks for', () => {
    expect(ui('zh-CN', 'check.run')).toBe('检查数据');
    expect(ui('en-US', 'check.run')).toBe('Check figures');
    expect(ui('zh-CN', 'summary.generate')).toBe('生成汇总表');
    expect(ui('en-US', 'summary.generate')).toBe('Generate summary');
    expect(ui('zh-CN', 'check.mark')).toBe('标记到单元格');
    expect(ui('zh-CN', 'check.unmark')).toBe('清除标记');
    expect(ui('zh-CN', 'check.note')).toBe('确认说明');
    expect(ui('zh-CN', 'fix.total')).toBe('合计行');
    expect(ui('zh-CN', 'summary.ties.competition')).toBe('1,2,2,4（竞争排名）');
    expect(ui('zh-CN', 'summary.ties.dense')).toBe('1,2,2,3（密集排名）');
    expect(ui('zh-CN', 'step.text')).toBe('4 分析文字');
    expect(ui('en-US', 'step.text')).toBe('4 Analysis text');
    expect([ui('zh-CN', 'text.copy'), ui('zh-CN', 'text.copied')]).toEqual(['复制', '已复制']);
  });

  test('placeholders are filled; unknown ones stay', () => {
    expect(ui('zh-CN', 'check.marked', { cells: 12 })).toBe('已标记 12 个单元格。');
    expect(ui('en-US', 'summary.open', { sheet: 'Summary' })).toBe('Open "Summary"');
    expect(ui('zh-CN', 'highlight.top')).toBe('前{k}位');
  });
});
