import { readSheet } from '../../../src/core/layout';
import { gridFromValues } from '../../../src/core/grid';
import { countySheet, countyLines, TOTAL_VALUE } from './sheets';
const dump = (name: string, g: any) => {
  const l = readSheet(g);
  const out = [`## ${name}: ${l.tables.length} tables; ignored: ${JSON.stringify(l.ignored)}`];
  for (const t of l.tables) {
    out.push(` [${t.range}] ${t.shape} title=${t.title} period=${t.period} unit=${t.unit} label=${t.labelColumn} hdr=${t.headerTop}-${t.headerBottom} basis=${t.priceBasis} notes=${JSON.stringify(t.footnotes)}`);
    out.push('   cols: ' + t.columns.map(c => `${c.col}:${c.indicator.name}|${c.measure}|${c.unit}|${c.period}${c.indicator.additive?'':'|na'}${c.indicator.priceBasis?'|'+c.indicator.priceBasis:''}${c.partOf!==undefined?'|partOf'+c.partOf:''}`).join('  '));
    out.push('   rows: ' + t.rows.map(r => `${r.row}${r.name}(${r.key}):${r.role}${r.parent!==null?'^'+(r.parent):''}${r.members.length?'['+r.members.join(',')+']':''}${r.zone?'Z':''}L${r.level}`).join(' '));
  }
  console.log(out.join('\n'));
};
test('probe', () => {
  dump('a', countySheet());
  dump('b', countySheet({ total: { name: '合计', value: TOTAL_VALUE, growth: 7.4, position: 'last' } }));
  dump('c', countySheet({ extra: [[8, 9, 12345]], after: [[null], ['注：增速按可比价计算']] }));
});
