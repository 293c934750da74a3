import type { Lang } from '../i18n';
import { fill } from '../i18n';

/** Words written into the summary sheets, zh-CN first. */
const TEXT = {
  'sheet.summary': { 'zh-CN': '主要指标汇总表', 'en-US': 'Summary' },
  'sheet.ranks': { 'zh-CN': '位次表', 'en-US': 'Ranks' },
  'sheet.findings': { 'zh-CN': '审核结果', 'en-US': 'Check results' },
  'title.summary': { 'zh-CN': '各{scope}主要指标汇总表', 'en-US': 'Main indicators by {scope}' },
  'title.ranks': { 'zh-CN': '各{scope}主要指标位次表', 'en-US': 'Ranks of the {scope} by indicator' },
  'title.findings': { 'zh-CN': '数据审核结果', 'en-US': 'Results of the figure checks' },
  'scope.county': { 'zh-CN': '县市区', 'en-US': 'counties and districts' },
  'scope.city': { 'zh-CN': '市州', 'en-US': 'cities' },
  'scope.prefecture': { 'zh-CN': '县市', 'en-US': 'counties' },
  'scope.region': { 'zh-CN': '地区', 'en-US': 'regions' },
  'unit.line': { 'zh-CN': '单位：绝对额见表头；增速、比重为%；增速差为个百分点', 'en-US': 'Units: values as in the headers; growth and shares in %; gaps in percentage points' },
  'unit.ranks': { 'zh-CN': '单位：位', 'en-US': 'Ranks' },
  'head.region': { 'zh-CN': '地区', 'en-US': 'Region' },
  'head.value': { 'zh-CN': '绝对额', 'en-US': 'Value' },
  'head.growth': { 'zh-CN': '增速(%)', 'en-US': 'Growth (%)' },
  'head.rank': { 'zh-CN': '位次', 'en-US': 'Rank' },
  'head.rank.value': { 'zh-CN': '总量位次', 'en-US': 'Rank (level)' },
  'head.rank.increment': { 'zh-CN': '增量位次', 'en-US': 'Rank (increment)' },
  'head.change': { 'zh-CN': '位次变化', 'en-US': 'Rank change' },
  'head.points': { 'zh-CN': '与{total}增速差(个百分点)', 'en-US': 'Gap to {total} (points)' },
  'head.share': { 'zh-CN': '占{total}比重(%)', 'en-US': 'Share of {total} (%)' },
  'head.target': { 'zh-CN': '年度目标', 'en-US': 'Annual target' },
  'head.completion': { 'zh-CN': '完成目标(%)', 'en-US': 'Target met (%)' },
  'head.behind': { 'zh-CN': '与序时进度差(个百分点)', 'en-US': 'Gap to time progress (points)' },
  'head.counts': { 'zh-CN': '位次统计（项）', 'en-US': 'Rank counts (indicators)' },
  'head.top': { 'zh-CN': '前{k}位', 'en-US': 'Top {k}' },
  'head.bottom': { 'zh-CN': '后{k}位', 'en-US': 'Bottom {k}' },
  'head.below': { 'zh-CN': '低于{total}', 'en-US': 'Below {total}' },
  'head.period': { 'zh-CN': '（{period}）', 'en-US': ' ({period})' },
  'head.unit': { 'zh-CN': '({unit})', 'en-US': ' ({unit})' },
  'head.no': { 'zh-CN': '序号', 'en-US': 'No.' },
  'head.severity': { 'zh-CN': '级别', 'en-US': 'Severity' },
  'head.sheet': { 'zh-CN': '工作表', 'en-US': 'Sheet' },
  'head.cell': { 'zh-CN': '单元格', 'en-US': 'Cell' },
  'head.rule': { 'zh-CN': '审核规则', 'en-US': 'Rule' },
  'head.message': { 'zh-CN': '说明', 'en-US': 'Message' },
  'head.expected': { 'zh-CN': '应为', 'en-US': 'Expected' },
  'head.actual': { 'zh-CN': '实为', 'en-US': 'Actual' },
  'head.accepted': { 'zh-CN': '确认说明', 'en-US': 'Explanation' },
  'findings.accepted-note': { 'zh-CN': '已确认：{note}', 'en-US': 'Confirmed: {note}' },
  'severity.error': { 'zh-CN': '错误', 'en-US': 'Error' },
  'severity.warning': { 'zh-CN': '疑问', 'en-US': 'Warning' },
  'severity.info': { 'zh-CN': '提示', 'en-US': 'Note' },
  'findings.count': {
    'zh-CN': '共审核{sheets}个工作表，发现{total}条：错误{error}条，疑问{warning}条，提示{info}条。',
    'en-US': 'Sheets checked: {sheets}. Findings: {total} (errors: {error}, warnings: {warning}, notes: {info}).',
  },
  'findings.none': { 'zh-CN': '未发现问题。', 'en-US': 'No findings.' },
  'note.rank-differs': { 'zh-CN': '原表公布位次为第{published}位', 'en-US': 'The sheet publishes rank {published}' },
  'note.source': { 'zh-CN': '来源：{sheet}!{cell}', 'en-US': 'Source: {sheet}!{cell}' },
  'foot.lead': { 'zh-CN': '注：', 'en-US': 'Notes: ' },
  'foot.growth.comparable.all': { 'zh-CN': '增速按可比价计算。', 'en-US': 'Growth at comparable prices.' },
  'foot.growth.comparable.some': { 'zh-CN': '{list}增速按可比价计算。', 'en-US': 'Growth of {list} at comparable prices.' },
  'foot.growth.computed-current.all': {
    'zh-CN': '增速由现价绝对额计算，未剔除价格因素。',
    'en-US': 'Growth computed from values at current prices (price changes not removed).',
  },
  'foot.growth.computed-current.some': {
    'zh-CN': '{list}增速由现价绝对额计算，未剔除价格因素。',
    'en-US': 'Growth of {list} computed from values at current prices (price changes not removed).',
  },
  'foot.growth.computed.all': { 'zh-CN': '增速由两期绝对额计算。', 'en-US': 'Growth computed from the values of the two periods.' },
  'foot.growth.computed.some': { 'zh-CN': '{list}增速由两期绝对额计算。', 'en-US': 'Growth of {list} computed from the values of the two periods.' },
  'foot.growth.current.all': { 'zh-CN': '增速按现价计算。', 'en-US': 'Growth at current prices.' },
  'foot.growth.current.some': { 'zh-CN': '{list}增速按现价计算。', 'en-US': 'Growth of {list} at current prices.' },
  'foot.source-note': { 'zh-CN': '{list}：原表注“{note}”。', 'en-US': '{list}: the source notes "{note}".' },
  'foot.peers': { 'zh-CN': '位次为在{n}个{scope}中的排名', 'en-US': 'Ranks are among {n} {scope}' },
  'foot.apart': { 'zh-CN': '{list}列出数据，不参与{scope}排名', 'en-US': '{list}: figures shown, not ranked among the {scope}' },
  'foot.peers.except': { 'zh-CN': '（{list}为在{n}个{scope}中的排名）', 'en-US': ' ({list}: among {n})' },
  'foot.order.growth': { 'zh-CN': '，按增速从高到低排列', 'en-US': ', by growth from highest' },
  'foot.order.growth.asc': { 'zh-CN': '，按增速从低到高排列', 'en-US': ', by growth from lowest' },
  'foot.order.by-value': { 'zh-CN': '；{list}按总量排位', 'en-US': '; {list} ranked by level' },
  'foot.order.by-increment': { 'zh-CN': '；{list}按增量排位', 'en-US': '; {list} ranked by increment' },
  'foot.ties.competition': {
    'zh-CN': '排位按公布的小数位数比较，相同者并列，并列占位（如1、2、2、4）。',
    'en-US': 'Figures are compared as shown; equal figures share a rank, and the next rank is skipped (1, 2, 2, 4).',
  },
  'foot.ties.dense': {
    'zh-CN': '排位按公布的小数位数比较，相同者并列，并列不占位（如1、2、2、3）。',
    'en-US': 'Figures are compared as shown; equal figures share a rank, and no rank is skipped (1, 2, 2, 3).',
  },
  'foot.rounding': { 'zh-CN': '因四舍五入，分项之和与合计可能略有差异。', 'en-US': 'Parts may not add up to the total because of rounding.' },
  'foot.periods': { 'zh-CN': '{list}为{period}数据。', 'en-US': '{list}: {period} figures.' },
  'foot.published': {
    'zh-CN': '位次按各表数据重新计算，与原表公布位次不同之处见单元格批注。',
    'en-US': 'Ranks are recomputed from the figures; where a sheet publishes a different rank, a cell note says so.',
  },
  'foot.highlight': { 'zh-CN': '标注：{list}。', 'en-US': 'Marked: {list}.' },
  'foot.highlight.top': { 'zh-CN': '加粗浅蓝底为前{k}位', 'en-US': 'bold on light blue: top {k}' },
  'foot.highlight.bottom': { 'zh-CN': '斜体浅橙底为后{k}位', 'en-US': 'italic on light orange: bottom {k}' },
  'foot.highlight.below': { 'zh-CN': '下划线为增速低于{total}', 'en-US': 'underlined: growth below {total}' },
  'foot.highlight.negative': { 'zh-CN': '红色数字为负增长', 'en-US': 'red: negative growth' },
  'foot.highlight.behind': { 'zh-CN': '加粗浅红底为落后于序时进度', 'en-US': 'bold on light red: behind time progress' },
  'foot.highlight.tie': { 'zh-CN': '“并列”为并列位次', 'en-US': '"tied" marks shared ranks' },
  'foot.progress': { 'zh-CN': '序时进度为{progress}%（{months}个月/12个月）。', 'en-US': 'Time progress is {progress}% ({months} of 12 months).' },
  'foot.change': { 'zh-CN': '位次变化与{previous}比较，↑为前移，↓为后移，—为不变。', 'en-US': 'Rank change against {previous}: ↑ up, ↓ down, — unchanged.' },
  'foot.counts': {
    'zh-CN': '位次统计为本表{n}项指标中位居前{k}位、后{k}位和增速低于{total}的项数。',
    'en-US': 'Rank counts: of the {n} indicators in this table, how many are in the top {k}, the bottom {k}, and below {total} growth.',
  },
  'foot.counts.no-below': {
    'zh-CN': '位次统计为本表{n}项指标中位居前{k}位、后{k}位的项数。',
    'en-US': 'Rank counts: of the {n} indicators in this table, how many are in the top {k} and the bottom {k}.',
  },
  'list.sep': { 'zh-CN': '、', 'en-US': ', ' },
  'tie.format': { 'zh-CN': '0"(并列)"', 'en-US': '0" (tied)"' },
  'footer.page': { 'zh-CN': '第 &P 页，共 &N 页', 'en-US': 'Page &P of &N' },
} as const;

export type TextKey = keyof typeof TEXT;

export function tx(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  return fill(TEXT[key][lang], params);
}

export function listText(lang: Lang, items: string[]): string {
  return items.join(tx(lang, 'list.sep'));
}
