/**
 * A sentence cut into words and the figures it cites (what the task pane makes into buttons): each
 * figure where the sentence says it, as a whole number, in reading order; nothing lost.
 */
import { prepareSheets } from '../../../src/core/check';
import { buildAnalysis } from '../../../src/core/session';
import { splitGrids } from '../../../src/core/summary';
import type { CitedFigure } from '../../../src/core/text';
import { sentenceParts } from '../../../src/core/text';
import { readWorkbookFile } from '../../../src/workbook/read/file';

const fig = (text: string, cell: string): CitedFigure => ({ text, value: Number(text) || 0, sheet: 'S', cell });
const shape = (parts: ReturnType<typeof sentenceParts>): (string | [string, string])[] => parts.map((p) => (p.figure ? [p.text, p.figure.cell] : p.text));

describe('sentenceParts', () => {
  test('words and figures in order', () => {
    const s = { text: '地区生产总值537.69亿元，增长6.1%。', figures: [fig('537.69', 'B5'), fig('6.1', 'C5')] };
    expect(shape(sentenceParts(s))).toEqual(['地区生产总值', ['537.69', 'B5'], '亿元，增长', ['6.1', 'C5'], '%。']);
  });

  test('a figure is never found inside a longer number: 6.1 is not in 16.1 nor in 6.15, 1 not in 2.1', () => {
    const s = { text: '甲增长16.1%，乙增长6.15%，丙增长6.1%，丁第1位，戊2.1。', figures: [fig('6.1', 'C9'), fig('1', 'D9')] };
    expect(shape(sentenceParts(s))).toEqual(['甲增长16.1%，乙增长6.15%，丙增长', ['6.1', 'C9'], '%，丁第', ['1', 'D9'], '位，戊2.1。']);
    // 2 is not the 2 of 2.1
    expect(shape(sentenceParts({ text: '戊2.1，己第2位。', figures: [fig('2', 'E9')] }))).toEqual(['戊2.1，己第', ['2', 'E9'], '位。']);
    // a number at the end of an English sentence
    expect(shape(sentenceParts({ text: 'GDP up 6.1.', figures: [fig('6.1', 'C5')] }))).toEqual(['GDP up ', ['6.1', 'C5'], '.']);
  });

  test('the same figure twice in a sentence: each where it comes, in order', () => {
    const s = { text: '新安、安平县（增长7.4%），北湖（增长7.4%）', figures: [fig('7.4', 'C7'), fig('7.4', 'C9')] };
    expect(shape(sentenceParts(s))).toEqual(['新安、安平县（增长', ['7.4', 'C7'], '%），北湖（增长', ['7.4', 'C9'], '%）']);
  });

  test('持平 cites its cell by its word; a figure the sentence does not say stays unlinked and the text whole', () => {
    expect(shape(sentenceParts({ text: '城镇居民人均可支配收入持平。', figures: [fig('持平', 'C8')] }))).toEqual(['城镇居民人均可支配收入', ['持平', 'C8'], '。']);
    expect(shape(sentenceParts({ text: '增长5.9%。', figures: [fig('5.8', 'C5')] }))).toEqual(['增长5.9%。']);
  });

  test.each(['zh-CN', 'en-US'] as const)('on the sample (%s): every figure of every sentence is found, and the parts give the sentence back', async (lang) => {
    const book = await readWorkbookFile('assets/sample/county-indicators-2025-03.xlsx');
    const { analysis } = buildAnalysis(prepareSheets({ grids: splitGrids(book.grids()).grids }), { lang, region: '石门' });
    let figures = 0;
    for (const p of analysis.paragraphs) {
      for (const s of p.sentences) {
        const parts = sentenceParts(s);
        expect(parts.map((x) => x.text).join('')).toBe(s.text);
        expect(parts.filter((x) => x.figure).map((x) => x.figure)).toEqual(s.figures);
        figures += s.figures.length;
      }
    }
    expect(figures).toBeGreaterThan(150);
  });
});
