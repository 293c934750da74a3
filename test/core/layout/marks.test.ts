import fc from 'fast-check';
import { noteFor, noteNamesOtherUnit, splitMarks } from '../../../src/core/layout/marks';

describe('footnote marks glued to labels', () => {
  test.each([
    ['Astana city2)', 'Astana city', ['2)']],
    ['Gross regional product1)', 'Gross regional product', ['1)']],
    ['20232)', '2023', ['2)']],
    ['19901)', '1990', ['1)']],
    ['9 months of 2019**', '9 months of 2019', ['**']],
    ['地区生产总值①', '地区生产总值', ['①']],
    ['GDP¹', 'GDP', ['¹']],
    ['地区生产总值（亿元）1）', '地区生产总值（亿元）', ['1)']],
    ['Total*', 'Total', ['*']],
  ])('%s → %s %j', (raw, text, marks) => {
    expect(splitMarks(raw)).toEqual({ text, marks });
  });

  test.each([['城镇(1)'], ['2023'], ['Region 1'], ['2)'], ['(1)'], ['1) 1990-1992 -mln. rubles'], ['2022 - 2023'], ['1-3月'], ['Zhetisu']])(
    'no mark in %s',
    (raw) => {
      expect(splitMarks(raw)).toEqual({ text: raw, marks: [] });
    },
  );

  test('property: a name with marks appended gives the name and the marks back', () => {
    const name = fc.stringMatching(/^[A-Za-z\u4e00-\u9fa5][A-Za-z \u4e00-\u9fa5]{0,15}[A-Za-z\u4e00-\u9fa5]$/);
    const mark = fc.oneof(fc.integer({ min: 1, max: 9 }).map((n) => `${n})`), fc.constantFrom('*', '**', '①', '②'));
    fc.assert(
      fc.property(name, mark, (n, m) => {
        expect(splitMarks(n + m)).toEqual({ text: n, marks: [m] });
        // and a name alone is left as it is
        expect(splitMarks(n)).toEqual({ text: n, marks: [] });
      }),
    );
  });

  test('the note a mark points to, and a note that names another unit', () => {
    const notes = ['1) 1990-1992 -mln. rubles', '2) from 1990-1996, the city of Astana was part of the Akmola region', '** preliminary'];
    expect(noteFor('1)', notes)).toBe(notes[0]);
    expect(noteFor('2)', notes)).toBe(notes[1]);
    expect(noteFor('**', notes)).toBe(notes[2]);
    expect(noteFor('*', notes)).toBeNull();
    expect(noteFor('①', ['注：①含开发区'])).toBe('注：①含开发区');
    expect(noteNamesOtherUnit(notes[0], 'mln.tenge')).toBe(true);
    expect(noteNamesOtherUnit(notes[1], 'mln.tenge')).toBe(false);
    expect(noteNamesOtherUnit('1) in mln. tenge', 'mln.tenge')).toBe(false);
    expect(noteNamesOtherUnit('①单位为万元', '亿元')).toBe(true);
  });
});
