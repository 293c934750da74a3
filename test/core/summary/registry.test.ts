import fc from 'fast-check';
import { gridFromValues } from '../../../src/core/grid';
import type { ExistingSheet, RegistryEntry, SheetPlan } from '../../../src/core/summary';
import { REGISTRY_SHEET, a1Text, legalSheetName, ownedSheets, placeNames, readRegistry, registryPlan } from '../../../src/core/summary';

/** Excel's rules for a sheet name: 1–31 characters, none of \ / ? * [ ] :, not starting or ending with an apostrophe, no lone surrogate. */
function isLegal(name: string): boolean {
  return (
    name.length >= 1 &&
    name.length <= 31 &&
    !/[\\/?*[\]:]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(name)
  );
}

const lower = (s: string): string => s.toLowerCase();

describe('legalSheetName', () => {
  test('each of \\ / ? * [ ] : becomes "_"; other characters stay', () => {
    expect(legalSheetName('a/b\\c?d*e[f]g:h')).toBe('a_b_c_d_e_f_g_h');
    expect(legalSheetName('主要指标(1-3月)')).toBe('主要指标(1-3月)');
    expect(legalSheetName('a b')).toBe('a b');
  });

  test('apostrophes at either end are dropped, inner ones kept', () => {
    expect(legalSheetName("'GDP'")).toBe('GDP');
    expect(legalSheetName("''GDP")).toBe('GDP');
    expect(legalSheetName("Bob's")).toBe("Bob's");
  });

  test('at most 31 characters, cut from the end', () => {
    const long = '各县市区主要经济指标完成情况汇总表（二〇二五年一至三月）附注及说明';
    expect(long.length).toBeGreaterThan(31);
    expect(legalSheetName(long)).toBe(long.slice(0, 31));
    expect(legalSheetName('x'.repeat(31))).toBe('x'.repeat(31));
    expect(legalSheetName('x'.repeat(32))).toHaveLength(31);
  });

  test('nothing left gives "Sheet"', () => {
    expect(legalSheetName('')).toBe('Sheet');
    expect(legalSheetName('   ')).toBe('Sheet');
    expect(legalSheetName("'''")).toBe('Sheet');
  });

  test('the result is always legal for names without apostrophes or astral characters', () => {
    for (const n of ['a/b:c[d]*?\\', 'x'.repeat(40), '  padded  ', '[]', '?'.repeat(50)]) expect(isLegal(legalSheetName(n))).toBe(true);
  });

  // Was a bug, fixed (src/core/summary/registry.ts, legalSheetName): apostrophes are stripped
  // before trim(), so " 'abc' " gives "'abc'", a name that starts and ends with an
  // apostrophe, which Excel refuses.
  test("spaces around apostrophes: \" 'abc' \" must not start or end with an apostrophe", () => {
    const name = legalSheetName(" 'abc' ");
    expect(name.startsWith("'")).toBe(false);
    expect(name.endsWith("'")).toBe(false);
  });

  // Was a bug, fixed (registry.ts, legalSheetName): the apostrophes are stripped before the cut to
  // 31 characters, so an apostrophe at position 31 ends up last: 30 × "a" + "'b" → 30 × "a" + "'".
  test('cutting to 31 characters must not leave an apostrophe at the end', () => {
    const name = legalSheetName('a'.repeat(30) + "'b");
    expect(name.endsWith("'")).toBe(false);
    expect(isLegal(name)).toBe(true);
  });

  // Was a bug, fixed (registry.ts, legalSheetName and placeNames): slice(0, 31) counts UTF-16 code
  // units and can cut an astral character (emoji, CJK Extension B) in half, leaving
  // a lone surrogate at the end of the name.
  test('cutting to 31 characters must not split a surrogate pair', () => {
    const name = legalSheetName('😀'.repeat(20));
    expect(isLegal(name)).toBe(true);
  });
});

describe('placeNames', () => {
  test('a free name is kept; a taken one becomes name(2), name(3)… in order', () => {
    expect(placeNames(['主要指标汇总表', '位次表'], [], [])).toEqual(['主要指标汇总表', '位次表']);
    const existing: ExistingSheet[] = [
      { name: '主要指标汇总表', a1: '我的表' },
      { name: '主要指标汇总表(2)', a1: null },
    ];
    expect(placeNames(['主要指标汇总表', '位次表'], existing, [])).toEqual(['主要指标汇总表(3)', '位次表']);
  });

  test('clashes are found without case, against the user sheets and between the wanted names', () => {
    expect(placeNames(['Summary', 'summary', 'Ranks'], [{ name: 'SUMMARY', a1: null }, { name: 'ranks', a1: 'x' }], [])).toEqual([
      'Summary(2)',
      'summary(3)',
      'Ranks(2)',
    ]);
    expect(placeNames(['a', 'a', 'A'], [], [])).toEqual(['a', 'a(2)', 'A(3)']);
  });

  test('the suffix stays within 31 characters by cutting the base', () => {
    const base = 'x'.repeat(31);
    const [name] = placeNames([base], [{ name: base, a1: null }], []);
    expect(name).toBe('x'.repeat(28) + '(2)');
    expect(name).toHaveLength(31);
    const many: ExistingSheet[] = Array.from({ length: 9 }, (_, i) => ({ name: i === 0 ? base : 'x'.repeat(28) + `(${i + 1})`, a1: null }));
    expect(placeNames([base], many, [])).toEqual(['x'.repeat(27) + '(10)']);
  });

  test('names of the add-in own sheets (owned) are free to reuse, whatever their case', () => {
    const existing: ExistingSheet[] = [
      { name: '主要指标汇总表', a1: '各县市区主要指标汇总表' },
      { name: 'Ranks', a1: 'Ranks of the cities' },
    ];
    expect(placeNames(['主要指标汇总表', 'ranks'], existing, ['主要指标汇总表', 'RANKS'])).toEqual(['主要指标汇总表', 'ranks']);
  });

  test('the registry sheet name is never given out', () => {
    expect(placeNames([REGISTRY_SHEET], [], [])).toEqual([`${REGISTRY_SHEET}(2)`]);
    expect(placeNames([REGISTRY_SHEET.toUpperCase()], [], [])).toEqual([`${REGISTRY_SHEET.toUpperCase()}(2)`]);
  });

  test('illegal wanted names are made legal first', () => {
    expect(placeNames(['1/3月', '1_3月'], [], [])).toEqual(['1_3月', '1_3月(2)']);
  });

  test('property: placed names are legal, unique without case, and never a user sheet name', () => {
    const chars = fc.constantFrom('a', 'A', 'b', 'B', '表', '汇', ' ', '(', ')', '2', '3', ':', '/', '[', ']', '*', '?', '\\', 'x');
    const name = fc.string({ unit: chars, minLength: 0, maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(fc.record({ name: fc.string({ unit: chars, minLength: 1, maxLength: 33 }), a1: fc.option(name, { nil: null }), owned: fc.boolean() }), { maxLength: 12 }),
        fc.array(name, { maxLength: 8 }),
        (sheets, wanted) => {
          // a workbook's own sheet names are unique without case
          const seen = new Set<string>();
          const existing = sheets.filter((s) => !seen.has(lower(s.name)) && seen.add(lower(s.name)));
          const owned = existing.filter((s) => s.owned).map((s) => s.name);
          const placed = placeNames(
            wanted,
            existing.map((s) => ({ name: s.name, a1: s.a1 })),
            owned,
          );
          expect(placed).toHaveLength(wanted.length);
          for (const p of placed) expect(isLegal(p)).toBe(true);
          expect(new Set(placed.map(lower)).size).toBe(placed.length);
          const userNames = new Set(existing.filter((s) => !s.owned).map((s) => lower(s.name)));
          for (const p of placed) expect(userNames.has(lower(p))).toBe(false);
          for (const p of placed) expect(lower(p)).not.toBe(lower(REGISTRY_SHEET));
          // a wanted name that is legal, free and not wanted before is kept as is
          wanted.forEach((w, i) => {
            const legal = legalSheetName(w);
            const earlier = wanted.slice(0, i).map((x) => lower(legalSheetName(x)));
            if (legal === w && !userNames.has(lower(w)) && !earlier.includes(lower(w)) && lower(w) !== lower(REGISTRY_SHEET)) {
              const clash = placed.slice(0, i).some((p) => lower(p) === lower(w));
              if (!clash) expect(placed[i]).toBe(w);
            }
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  // The same property with apostrophes among the characters failed because of the
  // legalSheetName bugs above (fixed since).
  test('property with apostrophes: placed names never start or end with one', () => {
    const chars = fc.constantFrom('a', ' ', "'", 'b');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: chars, maxLength: 40 }), { maxLength: 5 }), (wanted) => {
        for (const p of placeNames(wanted, [], [])) expect(isLegal(p)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('ownedSheets', () => {
  const registry: RegistryEntry[] = [
    { sheet: '主要指标汇总表', role: 'summary', title: '各县市区主要指标汇总表' },
    { sheet: '位次表', role: 'ranks', title: '各县市区主要指标位次表' },
    { sheet: '审核结果', role: 'findings', title: '数据审核结果' },
  ];

  test('a sheet is ours when the registry lists its name and its A1 still shows the title written', () => {
    const existing: ExistingSheet[] = [
      { name: '地区生产总值', a1: '2025年1-3月各县市区地区生产总值' },
      { name: '主要指标汇总表', a1: '各县市区主要指标汇总表' },
      { name: '位次表', a1: '各县市区主要指标位次表' },
    ];
    expect(ownedSheets(existing, registry)).toEqual(['主要指标汇总表', '位次表']);
  });

  test('a listed name whose A1 changed (the user made a sheet of that name) is not ours', () => {
    const existing: ExistingSheet[] = [
      { name: '主要指标汇总表', a1: '我自己的汇总表' },
      { name: '位次表', a1: null },
      { name: '审核结果', a1: '数据审核结果' },
    ];
    expect(ownedSheets(existing, registry)).toEqual(['审核结果']);
  });

  test('names match without case and the workbook spelling is returned', () => {
    const existing: ExistingSheet[] = [{ name: 'SUMMARY', a1: 'Main indicators' }];
    expect(ownedSheets(existing, [{ sheet: 'Summary', role: 'summary', title: 'Main indicators' }])).toEqual(['SUMMARY']);
  });

  test('an empty A1 matches an empty recorded title; a listed sheet that is gone is skipped', () => {
    expect(ownedSheets([{ name: 'X', a1: null }], [{ sheet: 'X', role: 'summary', title: '' }])).toEqual(['X']);
    expect(ownedSheets([], registry)).toEqual([]);
  });

  // Doubtful (registry.ts, ownedSheets): a registry that lists a sheet twice makes
  // the sheet owned twice, so WorkbookPlan.remove asks to delete it twice.
  test('a sheet listed twice in the registry is owned once', () => {
    const twice: RegistryEntry[] = [registry[0], registry[0]];
    expect(ownedSheets([{ name: '主要指标汇总表', a1: '各县市区主要指标汇总表' }], twice)).toEqual(['主要指标汇总表']);
  });
});

describe('readRegistry and registryPlan', () => {
  test('reads sheet, role and title from row 2 down, skipping junk rows', () => {
    const grid = gridFromValues(REGISTRY_SHEET, [
      ['sheet', 'role', 'title'],
      ['主要指标汇总表', 'summary', '各县市区主要指标汇总表'],
      [null, null, null],
      [42, 'summary', 'a number is not a sheet name'],
      ['图表', 'chart', 'unknown role'],
      ['_IndicatorTables', 'registry', 'the registry itself is not an own sheet to remove'],
      ['位次表', null, 'no role'],
      ['审核结果', 'findings', null],
      ['位次表', 'ranks', '各县市区主要指标位次表'],
      ['变化', 'rank-change', 7],
    ]);
    expect(readRegistry(grid)).toEqual([
      { sheet: '主要指标汇总表', role: 'summary', title: '各县市区主要指标汇总表' },
      { sheet: '审核结果', role: 'findings', title: '' },
      { sheet: '位次表', role: 'ranks', title: '各县市区主要指标位次表' },
      { sheet: '变化', role: 'rank-change', title: '' },
    ]);
  });

  test('no registry sheet gives no entries', () => {
    expect(readRegistry(null)).toEqual([]);
    expect(readRegistry(undefined)).toEqual([]);
    expect(readRegistry(gridFromValues(REGISTRY_SHEET, [['sheet', 'role', 'title']]))).toEqual([]);
  });

  test('registryPlan writes one very hidden line per sheet with its A1 title, and readRegistry reads it back', () => {
    const sheet = (name: string, role: SheetPlan['role'], title: string | null): SheetPlan => ({
      name,
      role,
      cells: title === null ? [] : [[{ value: title }]],
      merges: [],
      formats: [],
      highlights: [],
      columns: [],
      rowHeights: [],
      freeze: null,
      print: { paper: 'A4', orientation: 'landscape', fitToWidth: 1, fitToHeight: 0, titleRows: null, margins: { left: 0, right: 0, top: 0, bottom: 0, header: 0, footer: 0 }, centerHorizontally: false, footer: null },
    });
    const plan = registryPlan([sheet('汇总', 'summary', '各县市区主要指标汇总表'), sheet('位次', 'ranks', null)]);
    expect(plan.name).toBe(REGISTRY_SHEET);
    expect(plan.role).toBe('registry');
    expect(plan.hidden).toBe(true);
    const grid = gridFromValues(
      plan.name,
      plan.cells.map((l) => l.map((c) => c?.value ?? null)),
    );
    expect(readRegistry(grid)).toEqual([
      { sheet: '汇总', role: 'summary', title: '各县市区主要指标汇总表' },
      { sheet: '位次', role: 'ranks', title: '' },
    ]);
  });

  test('a1Text gives the A1 text, numbers as text, null when empty', () => {
    expect(a1Text(gridFromValues('s', [['标题', 1]]))).toBe('标题');
    expect(a1Text(gridFromValues('s', [[2025]]))).toBe('2025');
    expect(a1Text(gridFromValues('s', [[null, 'b']]))).toBeNull();
  });
});
