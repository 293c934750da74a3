/**
 * Every string the task pane shows, in zh-CN (first: the users are statisticians in
 * Chinese statistics offices) and en-US. Words the core already has (shapes,
 * measures, severities, rule titles, Excel errors) come from src/core/i18n and the
 * rule catalogue; the rest is here.
 *
 * `{name}` placeholders are filled by `ui(lang, key, params)`; both languages of a key
 * must use the same placeholders (test/taskpane/strings.test.ts checks it).
 */
import type { Lang } from '../core/i18n';
import { fill } from '../core/i18n';

type Texts = Record<Lang, string>;

const STRINGS = {
  // ---- the page ------------------------------------------------------------------
  'app.title': { 'zh-CN': '指标表助手', 'en-US': 'Indicator tables' },
  'app.reading': { 'zh-CN': '正在读取工作簿…', 'en-US': 'Reading the workbook…' },
  'app.dismiss': { 'zh-CN': '关闭提示', 'en-US': 'Dismiss' },
  'app.not-excel': {
    'zh-CN': '此页面是 Excel 加载项“指标表助手”的任务窗格，请在 Excel 中打开它（“开始 > 加载项”）。',
    'en-US': 'This page is the task pane of the Excel add-in "Indicator tables". Open it in Excel (Home > Add-ins).',
  },
  'app.no-office': {
    'zh-CN': '无法加载 Office.js，任务窗格无法连接 Excel。请检查网络连接，然后关闭并重新打开加载项。',
    'en-US': 'Office.js could not be loaded, so the task pane cannot reach Excel. Check the network connection, then close and reopen the add-in.',
  },

  // ---- 1 Sheets ------------------------------------------------------------------
  'step.sheets': { 'zh-CN': '1 工作表', 'en-US': '1 Sheets' },
  'sheets.intro': {
    'zh-CN': '本工作簿中找到的指标表。关闭开关的工作表不参与检查和汇总。',
    'en-US': 'The indicator tables found in this workbook. Sheets switched off are left out of the checks and the summary.',
  },
  'sheets.none': {
    'zh-CN': '没有找到指标表。请确认打开的是本月的指标表工作簿（每张表有标题、表头和各地区的行），然后点“重新读取”。',
    'en-US': 'No indicator tables were found. Check that this is the month\'s workbook of indicator sheets (each with a title, a header and a row per region), then choose "Read again".',
  },
  'sheets.count': { 'zh-CN': '共 {tables} 张表，{sheets} 个工作表', 'en-US': '{tables} tables on {sheets} sheets' },
  'sheets.reread': { 'zh-CN': '重新读取', 'en-US': 'Read again' },
  'sheets.switch': { 'zh-CN': '使用工作表「{sheet}」', 'en-US': 'Use sheet "{sheet}"' },
  'sheets.on': { 'zh-CN': '使用', 'en-US': 'Used' },
  'sheets.off': { 'zh-CN': '不使用', 'en-US': 'Not used' },
  'sheets.targets': { 'zh-CN': '目标任务表', 'en-US': 'Targets' },
  'sheets.corrected': { 'zh-CN': '已修正', 'en-US': 'Corrected' },
  'sheets.no-indicator': { 'zh-CN': '指标未识别', 'en-US': 'indicator not recognised' },
  'sheets.no-period': { 'zh-CN': '时期未注明', 'en-US': 'period not stated' },
  'sheets.regions': { 'zh-CN': '地区数 {count}', 'en-US': '{count} regions' },
  'sheets.shape': { 'zh-CN': '{shape}表', 'en-US': '{shape} layout' },
  'sheets.fix': { 'zh-CN': '修正', 'en-US': 'Fix' },
  'sheets.doubt': { 'zh-CN': '存疑：{cell} {what}（{text}），请核对，必要时修正', 'en-US': 'In doubt: {cell} {what} ({text}); check it, and fix it if need be' },
  'sheets.fix.label': { 'zh-CN': '修正「{sheet}」{range} 的识别结果', 'en-US': 'Fix how "{sheet}" {range} was read' },

  // the fix panel
  'fix.intro': {
    'zh-CN': '识别有误时在这里修正，修正保存在工作簿中，下次打开仍然有效。',
    'en-US': 'Correct what was misread. Corrections are kept in the workbook for next time.',
  },
  'fix.total': { 'zh-CN': '合计行', 'en-US': 'Total row' },
  'fix.no-total': { 'zh-CN': '无合计行', 'en-US': 'No total row' },
  'fix.row': { 'zh-CN': '第{row}行 {name}', 'en-US': 'Row {row}: {name}' },
  'fix.column': { 'zh-CN': '{letter}列 · {header}', 'en-US': 'Column {letter} · {header}' },
  'fix.measure': { 'zh-CN': '数据类型', 'en-US': 'Measure' },
  'fix.unit': { 'zh-CN': '单位', 'en-US': 'Unit' },
  'fix.additive': { 'zh-CN': '可加总', 'en-US': 'Additive' },
  'fix.comparable': { 'zh-CN': '可比价', 'en-US': 'Comparable prices' },
  'fix.period': { 'zh-CN': '时期', 'en-US': 'Period' },
  'fix.peers': { 'zh-CN': '参与排名的地区', 'en-US': 'Regions that take a rank' },
  'fix.apart.zone': { 'zh-CN': '（开发区，默认不参与）', 'en-US': ' (development zone, not ranked by default)' },
  'fix.apart.districts': { 'zh-CN': '（市辖区，默认不参与）', 'en-US': ' (city districts, not ranked by default)' },
  'fix.apart.user': { 'zh-CN': '（已设为不参与）', 'en-US': ' (taken out)' },
  'fix.reset': { 'zh-CN': '撤销对「{sheet}」的全部修正', 'en-US': 'Undo every correction of "{sheet}"' },

  // ---- 2 Check -------------------------------------------------------------------
  'step.check': { 'zh-CN': '2 检查', 'en-US': '2 Check' },
  'check.intro': {
    'zh-CN': '核对合计与分项、位次与增速、单位、文本型数字等，问题列在下面，点一条即可转到对应单元格。',
    'en-US': 'Checks totals against their parts, ranks against growth, units, numbers stored as text and more. Choose a finding to go to its cell.',
  },
  'check.run': { 'zh-CN': '检查数据', 'en-US': 'Check figures' },
  'check.running': { 'zh-CN': '正在检查…', 'en-US': 'Checking…' },
  'check.results': { 'zh-CN': '检查结果', 'en-US': 'Findings' },
  'check.counts': {
    'zh-CN': '错误 {error} · 疑问 {warning} · 提示 {info} · 已确认 {accepted}',
    'en-US': 'Errors {error} · Warnings {warning} · Notes {info} · Confirmed {accepted}',
  },
  'check.clean': { 'zh-CN': '未发现问题。', 'en-US': 'No findings.' },
  'check.group': { 'zh-CN': '{severity}（{count}）', 'en-US': '{severity} ({count})' },
  'check.sheet': { 'zh-CN': '工作表「{sheet}」', 'en-US': 'Sheet "{sheet}"' },
  'check.show-all': { 'zh-CN': '显示全部（{count}）', 'en-US': 'Show all ({count})' },
  'check.confirm': { 'zh-CN': '确认', 'en-US': 'Confirm' },
  'check.confirm.label': { 'zh-CN': '确认 {cell} 的{severity}并填写说明', 'en-US': 'Confirm the {severity} at {cell} with an explanation' },
  'check.note': { 'zh-CN': '确认说明', 'en-US': 'Explanation' },
  'check.note.hint': {
    'zh-CN': '说明这个数为什么没有问题，例如“重大项目集中投产”。最多 {max} 字，会列入「审核结果」表。',
    'en-US': 'Say why the figure is right, e.g. "a large plant started production". At most {max} characters; it is listed in the check results sheet.',
  },
  'check.note.required': { 'zh-CN': '请填写确认说明。', 'en-US': 'Write an explanation.' },
  'check.save': { 'zh-CN': '保存', 'en-US': 'Save' },
  'check.cancel': { 'zh-CN': '取消', 'en-US': 'Cancel' },
  'check.accepted': { 'zh-CN': '已确认：{note}', 'en-US': 'Confirmed: {note}' },
  'check.withdraw': { 'zh-CN': '撤销确认', 'en-US': 'Withdraw' },
  'check.withdraw.label': { 'zh-CN': '撤销确认（{cell}）', 'en-US': 'Withdraw the confirmation at {cell}' },
  'check.mark': { 'zh-CN': '标记到单元格', 'en-US': 'Mark on cells' },
  'check.unmark': { 'zh-CN': '清除标记', 'en-US': 'Clear marks' },
  'check.marked': { 'zh-CN': '已标记 {cells} 个单元格。', 'en-US': 'Marked {cells} cells.' },
  'check.marked.removed': { 'zh-CN': '上次的 {removed} 个标记已先清除。', 'en-US': 'The {removed} marks of the last run were removed first.' },
  'check.unmarked': { 'zh-CN': '已清除 {cells} 个单元格的标记。', 'en-US': 'Removed the marks from {cells} cells.' },
  'check.kept': {
    'zh-CN': '另有 {kept} 个单元格在标记后被修改，已保留。',
    'en-US': '{kept} more cells were changed after marking and were left as they are.',
  },
  'check.unmarked.none': { 'zh-CN': '没有需要清除的标记。', 'en-US': 'There are no marks to remove.' },
  'ids.toggle': { 'zh-CN': '自定义平衡关系', 'en-US': 'Custom identities' },
  'ids.loading': { 'zh-CN': '正在加载…', 'en-US': 'Loading…' },
  'ids.intro': {
    'zh-CN': '检查时核对下列平衡关系（“核算关系不成立”）。标准关系之外，可以加入本局自己的关系，保存在本工作簿中。指标按表中名称的开头匹配：“工业”也匹配“工业增加值”。',
    'en-US': 'The checks test these identities ("Accounting identity broken"). Besides the standard ones you can add your own; they are kept in this workbook. An indicator matches the names in the tables that start with it: "industry" also matches "industry value added".',
  },
  'ids.intro.file': {
    'zh-CN': '检查时核对下列平衡关系（“核算关系不成立”）。标准关系之外，可以加入本局自己的关系，保存在本浏览器中，下次打开仍然有效。指标按表中名称的开头匹配：“工业”也匹配“工业增加值”。',
    'en-US': 'The checks test these identities ("Accounting identity broken"). Besides the standard ones you can add your own; they are kept in this browser for next time. An indicator matches the names in the tables that start with it: "industry" also matches "industry value added".',
  },
  'ids.standard': { 'zh-CN': '标准关系', 'en-US': 'Standard identities' },
  'ids.own': { 'zh-CN': '本局的关系（{count}）', 'en-US': 'Your own ({count})' },
  'ids.none': { 'zh-CN': '还没有加入自己的关系。', 'en-US': 'None added yet.' },
  'ids.remove': { 'zh-CN': '删除', 'en-US': 'Remove' },
  'ids.remove.label': { 'zh-CN': '删除「{name}」', 'en-US': 'Remove "{name}"' },
  'ids.add': { 'zh-CN': '加入一条关系', 'en-US': 'Add an identity' },
  'ids.name': { 'zh-CN': '名称', 'en-US': 'Name' },
  'ids.name.hint': { 'zh-CN': '检查结果中用这个名称；不填则以关系式为名。', 'en-US': 'The findings use this name; by default the relation itself.' },
  'ids.whole': { 'zh-CN': '总量指标', 'en-US': 'Whole' },
  'ids.part': { 'zh-CN': '分项指标 {n}', 'en-US': 'Part {n}' },
  'ids.names.hint': { 'zh-CN': '输入指标名称，或从本工作簿的指标中选择。', 'en-US': "Type an indicator's name, or choose one of this workbook's." },
  'ids.part.more': { 'zh-CN': '再加一个分项', 'en-US': 'Another part' },
  'ids.part.remove': { 'zh-CN': '去掉分项指标 {n}', 'en-US': 'Remove part {n}' },
  'ids.kind': { 'zh-CN': '关系', 'en-US': 'Relation' },
  'ids.kind.sum': { 'zh-CN': '总量等于各分项之和', 'en-US': 'The whole equals the sum of the parts' },
  'ids.kind.part': { 'zh-CN': '各分项都不大于总量', 'en-US': 'No part is more than the whole' },
  'ids.submit': { 'zh-CN': '加入', 'en-US': 'Add' },
  'ids.added': { 'zh-CN': '已加入「{name}」。', 'en-US': 'Added "{name}".' },
  'ids.removed': { 'zh-CN': '已删除「{name}」。', 'en-US': 'Removed "{name}".' },
  'ids.rechecked': { 'zh-CN': '检查结果已按新的关系更新。', 'en-US': 'The findings are updated.' },

  // ---- 3 Summary -----------------------------------------------------------------
  'step.summary': { 'zh-CN': '3 汇总', 'en-US': '3 Summary' },
  'summary.intro': {
    'zh-CN': '把各表的分地区指标编成一张汇总表，写在本工作簿的新工作表中，原表不改动。',
    'en-US': 'Puts the regional indicators of the sheets into a summary table on new sheets of this workbook; the source sheets are not changed.',
  },
  'summary.indicators': { 'zh-CN': '指标', 'en-US': 'Indicators' },
  'summary.indicators.all': { 'zh-CN': '全部指标', 'en-US': 'All indicators' },
  'summary.indicators.some': { 'zh-CN': '选定的指标', 'en-US': 'Chosen indicators' },
  'summary.indicators.none': { 'zh-CN': '没有可汇总的分地区指标。', 'en-US': 'No regional indicators to summarise.' },
  'summary.rankBy': { 'zh-CN': '排名依据', 'en-US': 'Rank by' },
  'summary.rankBy.growth': { 'zh-CN': '按增速排名', 'en-US': 'Growth' },
  'summary.rankBy.value': { 'zh-CN': '按总量排名', 'en-US': 'Value' },
  'summary.rankBy.increment': { 'zh-CN': '按增量排名', 'en-US': 'Increment' },
  'summary.ties': { 'zh-CN': '并列', 'en-US': 'Ties' },
  'summary.zonesAsPeers': { 'zh-CN': '开发区、市辖区也参与县市区排名', 'en-US': 'Rank development zones and city districts among the counties' },
  'summary.ties.competition': { 'zh-CN': '1,2,2,4（竞争排名）', 'en-US': '1,2,2,4 (competition)' },
  'summary.ties.dense': { 'zh-CN': '1,2,2,3（密集排名）', 'en-US': '1,2,2,3 (dense)' },
  'summary.top': { 'zh-CN': '前k位/后k位的 k', 'en-US': 'k of top k / bottom k' },
  'summary.highlights': { 'zh-CN': '突出显示', 'en-US': 'Highlight' },
  'highlight.top': { 'zh-CN': '前{k}位', 'en-US': 'Top {k}' },
  'highlight.bottom': { 'zh-CN': '后{k}位', 'en-US': 'Bottom {k}' },
  'highlight.below-total': { 'zh-CN': '低于全市/合计', 'en-US': 'Below the total' },
  'highlight.negative': { 'zh-CN': '负增长', 'en-US': 'Negative growth' },
  'highlight.behind-progress': { 'zh-CN': '落后序时进度', 'en-US': 'Behind time progress' },
  'highlight.tie': { 'zh-CN': '并列', 'en-US': 'Ties' },
  'summary.mode': { 'zh-CN': '写入方式', 'en-US': 'Write' },
  'summary.mode.values': { 'zh-CN': '写数值', 'en-US': 'Values' },
  'summary.mode.formulas': { 'zh-CN': '写公式（引用原表单元格）', 'en-US': 'Formulas (referring to the source cells)' },
  'summary.columns': { 'zh-CN': '附加列', 'en-US': 'Extra columns' },
  'summary.points': { 'zh-CN': '与合计增速差', 'en-US': 'Points above or below the total' },
  'summary.share': { 'zh-CN': '占合计比重', 'en-US': 'Share of the total' },
  'summary.findingsSheet': { 'zh-CN': '附「审核结果」表', 'en-US': 'Add the check results sheet' },
  'summary.textSheet': { 'zh-CN': '附「分析要点」表（分析文字）', 'en-US': 'Add the analysis sheet (the text)' },
  'summary.targets': { 'zh-CN': '使用目标任务表（完成进度）', 'en-US': 'Use the targets sheet (progress)' },
  'previous.title': { 'zh-CN': '上期报表', 'en-US': 'Previous report' },
  'previous.none': {
    'zh-CN': '未选择。选择上月的工作簿后，检查会与上期核对累计值、当月值、增速和位次变化，汇总表加“位次变化”列。文件只在本机读取，不上传。',
    'en-US': "None chosen. With last month's workbook, the checks compare cumulatives, months, growth and ranks with last period, and the summary gets rank-change columns. The file is read on this computer only.",
  },
  'previous.chosen': { 'zh-CN': '已选择：{name}（{period}）', 'en-US': 'Chosen: {name} ({period})' },
  'previous.no-period': { 'zh-CN': '时期未识别', 'en-US': 'period not found' },
  'previous.choose': { 'zh-CN': '选择上期报表…', 'en-US': 'Choose previous report…' },
  'previous.change': { 'zh-CN': '更换…', 'en-US': 'Change…' },
  'previous.clear': { 'zh-CN': '不用上期报表', 'en-US': 'Do without it' },
  'previous.input': { 'zh-CN': '上期报表文件', 'en-US': 'Previous report file' },
  'previous.reading': { 'zh-CN': '正在读取上期报表…', 'en-US': 'Reading the previous report…' },
  'summary.generate': { 'zh-CN': '生成汇总表', 'en-US': 'Generate summary' },
  'summary.progress': { 'zh-CN': '正在生成汇总表', 'en-US': 'Generating the summary' },
  'summary.progress.step': { 'zh-CN': '第 {n}/{of} 步：{step}', 'en-US': 'Step {n} of {of}: {step}' },
  'progress.read': { 'zh-CN': '读取工作表', 'en-US': 'Reading the sheets' },
  'progress.check': { 'zh-CN': '检查数据', 'en-US': 'Checking the figures' },
  'progress.plan': { 'zh-CN': '编排汇总表', 'en-US': 'Laying out the summary' },
  'progress.write': { 'zh-CN': '写入 Excel', 'en-US': 'Writing to Excel' },
  'progress.save': { 'zh-CN': '保存设置', 'en-US': 'Saving the settings' },
  'summary.done': {
    'zh-CN': '已生成「{sheet}」等 {count} 张工作表：{indicators} 个指标，{regions} 个地区。',
    'en-US': 'Generated {count} sheets, starting with "{sheet}": {indicators} indicators, {regions} regions.',
  },
  'summary.done.one': {
    'zh-CN': '已生成「{sheet}」：{indicators} 个指标，{regions} 个地区。',
    'en-US': 'Generated "{sheet}": {indicators} indicators, {regions} regions.',
  },
  'summary.open': { 'zh-CN': '打开「{sheet}」', 'en-US': 'Open "{sheet}"' },

  // ---- 4 Analysis text -----------------------------------------------------------
  'step.text': { 'zh-CN': '4 分析文字', 'en-US': '4 Analysis text' },
  'text.intro': {
    'zh-CN': '把汇总结果写成分析文字：总体情况、分指标、分地区和要点。每个数字与表中显示一致，点一个数字即可转到它所在的单元格。有错误的指标在更正前不写入。',
    'en-US': 'Writes the summary as text: overall, by indicator, by region and key points. Every figure is as the table shows it; choose one to go to its cell. Indicators with errors are left out until corrected.',
  },
  'text.intro.file': {
    'zh-CN': '把汇总结果写成分析文字：总体情况、分指标、分地区和要点。每个数字与表中显示一致，点一个数字即可在右侧查看它所在的单元格。有错误的指标在更正前不写入。',
    'en-US': 'Writes the summary as text: overall, by indicator, by region and key points. Every figure is as the table shows it; choose one to see its cell in the sheet view. Indicators with errors are left out until corrected.',
  },
  'text.write': { 'zh-CN': '写出分析文字', 'en-US': 'Write the text' },
  'text.rewrite': { 'zh-CN': '重新写出', 'en-US': 'Write it again' },
  'text.writing': { 'zh-CN': '正在写出分析文字…', 'en-US': 'Writing the text…' },
  'text.empty': { 'zh-CN': '没有可以写成文字的分地区指标。', 'en-US': 'There are no regional indicators to put into words.' },
  'text.region': { 'zh-CN': '要点（领导简报）的地区', 'en-US': 'Region of the key points (leadership summary)' },
  'text.region.placeholder': { 'zh-CN': '选择地区', 'en-US': 'Choose a region' },
  'text.region.none': { 'zh-CN': '不写要点', 'en-US': 'No key points' },
  'text.region.hint': { 'zh-CN': '选择一个地区，写出它的位次和强弱项。', 'en-US': 'Choose a region to write its ranks, strengths and weaknesses.' },
  'text.kind.total': { 'zh-CN': '总体情况', 'en-US': 'Overall' },
  'text.kind.indicator': { 'zh-CN': '分指标', 'en-US': 'By indicator' },
  'text.kind.region': { 'zh-CN': '分地区', 'en-US': 'By region' },
  'text.kind.leadership': { 'zh-CN': '要点', 'en-US': 'Key points' },
  'text.copy': { 'zh-CN': '复制', 'en-US': 'Copy' },
  'text.copy.label': { 'zh-CN': '复制「{title}」一段', 'en-US': 'Copy the paragraph "{title}"' },
  'text.copy.all': { 'zh-CN': '复制全部', 'en-US': 'Copy all' },
  'text.copied': { 'zh-CN': '已复制', 'en-US': 'Copied' },
  'text.copied.label': { 'zh-CN': '已复制「{title}」一段', 'en-US': 'Copied the paragraph "{title}"' },
  'text.copied.status': { 'zh-CN': '已复制「{title}」。', 'en-US': 'Copied "{title}".' },
  'text.copied.all': { 'zh-CN': '已复制全部分析文字。', 'en-US': 'Copied the whole text.' },
  'text.copy.failed': {
    'zh-CN': '无法写入剪贴板。请选中文字后按 Ctrl+C 复制。',
    'en-US': 'The clipboard cannot be written here. Select the text and press Ctrl+C.',
  },
  'text.figure': { 'zh-CN': '{text}，转到「{sheet}」{cell}', 'en-US': '{text}, go to {cell} on "{sheet}"' },
  'text.figure.computed': {
    'zh-CN': '{text}（由「{sheet}」{cell} 算得），转到该单元格',
    'en-US': '{text} (computed from {cell} on "{sheet}"), go to that cell',
  },
  'text.figure.title': { 'zh-CN': '工作表「{sheet}」{cell}', 'en-US': 'Sheet "{sheet}" {cell}' },
  'text.left-out': { 'zh-CN': '未写入的指标', 'en-US': 'Indicators left out' },

  // ---- in a plain browser, on a workbook file (src/taskpane/standalone) -----------
  'standalone.intro': {
    'zh-CN': '在浏览器中打开工作簿（.xlsx，也可以是 .xls、.et、.ods），检查数据并生成汇总表；文件不会离开本机。',
    'en-US': 'Open a workbook in the browser (.xlsx, or .xls, .et, .ods) to check its figures and generate the summary; the file never leaves this computer.',
  },
  'standalone.choose': { 'zh-CN': '选择工作簿', 'en-US': 'Choose a workbook' },
  'standalone.drop': { 'zh-CN': '也可以把工作簿文件拖放到这里。', 'en-US': 'Or drop a workbook file here.' },
  'standalone.drop.over': { 'zh-CN': '松开鼠标即可打开文件。', 'en-US': 'Release to open the file.' },
  'standalone.limits': {
    'zh-CN': '最大 {mb} MB。.xls、.et、.ods 文件可以检查；要生成汇总表，请先在 Excel 或 WPS 中另存为 .xlsx。不支持 CSV。',
    'en-US': 'Up to {mb} MB. .xls, .et and .ods files can be checked; to generate the summary, save them as .xlsx in Excel or WPS first. CSV is not supported.',
  },
  'standalone.loading': { 'zh-CN': '正在读取…', 'en-US': 'Reading…' },
  'standalone.opened': { 'zh-CN': '工作簿：{file}', 'en-US': 'Workbook: {file}' },
  'standalone.another': { 'zh-CN': '换一个文件', 'en-US': 'Open another file' },
  'standalone.too-large.hint': {
    'zh-CN': '在浏览器中最多可以打开 {mb} MB 的工作簿。可以删去不需要的工作表后另存一份再试，或者在 Excel 中使用加载项、使用命令行版本。',
    'en-US': 'The browser opens workbooks of up to {mb} MB. Delete the sheets you do not need and save a copy, or use the add-in in Excel or the command line.',
  },
  'file.open-failed': { 'zh-CN': '无法打开文件「{file}」：{detail}', 'en-US': 'Cannot open the file "{file}": {detail}' },
  'file.failed': { 'zh-CN': '操作未完成：{detail}', 'en-US': 'It could not be done: {detail}' },
  'file.out-of-memory': {
    'zh-CN': '浏览器内存不足，操作未完成。请关闭其他标签页后重试，或者换一个较小的工作簿。',
    'en-US': 'The browser ran out of memory. Close other tabs and try again, or use a smaller workbook.',
  },
  'fix.intro.file': {
    'zh-CN': '识别有误时在这里修正，修正保存在本浏览器中，下次打开仍然有效。',
    'en-US': 'Correct what was misread. Corrections are kept in this browser for next time.',
  },
  'check.marked.file': { 'zh-CN': '标记会随下载的工作簿一起保存。', 'en-US': 'The marks are saved with the downloaded workbook.' },
  'summary.intro.file': {
    'zh-CN': '把各表的分地区指标编成一张汇总表，写在新工作表中，随工作簿一起下载；原文件不改动。',
    'en-US': 'Puts the regional indicators of the sheets into a summary table on new sheets, downloaded with the workbook; the original file is not changed.',
  },
  'progress.write.file': { 'zh-CN': '写入工作簿', 'en-US': 'Writing the workbook' },
  'summary.open.file': { 'zh-CN': '查看「{sheet}」', 'en-US': 'View "{sheet}"' },
  'download.button': { 'zh-CN': '下载汇总工作簿', 'en-US': 'Download the workbook' },
  'download.original': {
    'zh-CN': '原文件不会被修改：下载的是一个新工作簿（原有的工作表加上汇总表）。',
    'en-US': 'The original file is not changed: the download is a new workbook (your sheets plus the summary).',
  },
  'download.running': { 'zh-CN': '正在准备下载…', 'en-US': 'Preparing the download…' },
  'download.done': { 'zh-CN': '已开始下载「{file}」。', 'en-US': 'Downloading "{file}".' },

  // the read-only view of a sheet
  'grid.title': { 'zh-CN': '查看工作表', 'en-US': 'View a sheet' },
  'grid.sheet': { 'zh-CN': '工作表', 'en-US': 'Sheet' },
  'grid.hint': { 'zh-CN': '在检查结果中点一条，这里就会显示它的单元格。', 'en-US': 'Choose a finding to see its cell here.' },
  'grid.loading': { 'zh-CN': '正在读取工作表…', 'en-US': 'Reading the sheet…' },
  'grid.empty': { 'zh-CN': '这个工作表是空的。', 'en-US': 'This sheet is empty.' },
  'grid.table': { 'zh-CN': '工作表「{sheet}」的内容', 'en-US': 'Cells of sheet "{sheet}"' },
  'grid.partial': {
    'zh-CN': '仅显示部分：第 {top}–{bottom} 行、{left}–{right} 列（共 {rows} 行、{cols} 列）。',
    'en-US': 'Only part is shown: rows {top}–{bottom}, columns {left}–{right} (of {rows} rows and {cols} columns).',
  },
  'grid.up': { 'zh-CN': '上面的行', 'en-US': 'Rows above' },
  'grid.down': { 'zh-CN': '下面的行', 'en-US': 'Rows below' },
  'grid.left': { 'zh-CN': '左边的列', 'en-US': 'Columns to the left' },
  'grid.right': { 'zh-CN': '右边的列', 'en-US': 'Columns to the right' },
} satisfies Record<string, Texts>;

export type UiKey = keyof typeof STRINGS;

/** The string in the language, with {name} placeholders filled. */
export function ui(lang: Lang, key: UiKey, params: Record<string, string | number> = {}): string {
  return fill(STRINGS[key][lang], params);
}

/** Every key with both texts (for the test that both languages agree). */
export const UI_STRINGS: Readonly<Record<UiKey, Texts>> = STRINGS;
