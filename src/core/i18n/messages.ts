/** Text shown to people, in zh-CN first and en-US. */
export type Lang = 'zh-CN' | 'en-US';

const MESSAGES = {
  'error.not-found': { 'zh-CN': '找不到文件：{file}', 'en-US': 'File not found: {file}' },
  'error.xls': {
    'zh-CN': '不支持旧版 .xls 文件：{file}。请在 Excel 或 WPS 中“另存为” .xlsx 后再试。',
    'en-US': 'Legacy .xls files are not supported: {file}. Save it as .xlsx in Excel or WPS and try again.',
  },
  'error.csv': {
    'zh-CN': '不支持 CSV 文件：{file}。CSV 没有合并单元格和数字格式，请提供 .xlsx 工作簿。',
    'en-US': 'CSV files are not supported: {file}. CSV has no merged cells or number formats; please provide an .xlsx workbook.',
  },
  'error.encrypted': {
    'zh-CN': '文件设置了打开密码：{file}。请在 Excel 中取消密码后再试。',
    'en-US': 'The file is password-protected: {file}. Remove the password in Excel and try again.',
  },
  'error.corrupt': {
    'zh-CN': '无法读取文件（已损坏或不是 Excel 工作簿）：{file}',
    'en-US': 'Cannot read the file (damaged, or not an Excel workbook): {file}',
  },
  'error.unsupported': { 'zh-CN': '不支持的文件：{file}', 'en-US': 'Unsupported file: {file}' },
  'error.too-large': { 'zh-CN': '文件太大，无法读取：{file}', 'en-US': 'The file is too large to read: {file}' },
  'error.cause': { 'zh-CN': '（原因：{detail}）', 'en-US': ' (cause: {detail})' },
  'error.no-sheets': {
    'zh-CN': '文件中没有能读取的工作表：{file}。请在 Excel 或 WPS 中打开确认，另存为 .xlsx 后再试。',
    'en-US': 'The file holds no worksheet that can be read: {file}. Open it in Excel or WPS to check, save it as .xlsx and try again.',
  },
  'error.legacy-write': {
    'zh-CN': '暂不能在 {format} 文件上写出汇总表：{file}。检查和计算照常可用；要写出汇总表，请先在 Excel 或 WPS 中另存为 .xlsx。',
    'en-US': 'Summary sheets cannot be written into a {format} file yet: {file}. Checks and computations work; to write the summary, save it as .xlsx in Excel or WPS first.',
  },
  'error.no-sheet': { 'zh-CN': '工作簿中没有名为「{sheet}」的工作表', 'en-US': 'The workbook has no sheet named "{sheet}"' },
  'error.bad-option': { 'zh-CN': '参数 {option} 的值无效：{value}', 'en-US': 'Invalid value for {option}: {value}' },
  'shape.regions': { 'zh-CN': '分地区', 'en-US': 'regions' },
  'shape.items': { 'zh-CN': '分项目', 'en-US': 'items' },
  'shape.time-series': { 'zh-CN': '时间序列', 'en-US': 'time series' },
  'measure.value': { 'zh-CN': '绝对额', 'en-US': 'value' },
  'measure.growth': { 'zh-CN': '增速', 'en-US': 'growth' },
  'measure.rank': { 'zh-CN': '位次', 'en-US': 'rank' },
  'measure.share': { 'zh-CN': '比重', 'en-US': 'share' },
  'measure.points': { 'zh-CN': '增减百分点', 'en-US': 'points' },
  'measure.prior': { 'zh-CN': '上年同期', 'en-US': 'prior period' },
  'measure.index': { 'zh-CN': '指数(上年=100)', 'en-US': 'index (prior=100)' },
  'measure.target': { 'zh-CN': '目标', 'en-US': 'target' },
  'measure.progress': { 'zh-CN': '完成进度', 'en-US': 'progress' },
  'measure.increment': { 'zh-CN': '增减额', 'en-US': 'increment' },
  'measure.contribution': { 'zh-CN': '贡献率', 'en-US': 'contribution' },
  'measure.pull': { 'zh-CN': '拉动', 'en-US': 'pull' },
  'measure.level-index': { 'zh-CN': '定基指数', 'en-US': 'fixed-base index' },
  'ignored.contents': { 'zh-CN': '目录', 'en-US': 'table of contents' },
  'ignored.outside-text': { 'zh-CN': '表格之外的文字', 'en-US': 'text outside every table' },
  'ignored.outside': { 'zh-CN': '表格之外', 'en-US': 'outside every table' },
  'ignored.no-header': { 'zh-CN': '无表头的数字', 'en-US': 'figures without a header' },
  'ignored.not-ranks': { 'zh-CN': '排名表头下不是名次', 'en-US': 'not ranks under a rank header' },
  'inspect.sheet': { 'zh-CN': '工作表「{sheet}」', 'en-US': 'Sheet "{sheet}"' },
  'inspect.no-table': { 'zh-CN': '  未找到指标表', 'en-US': '  no indicator table found' },
  'inspect.table': { 'zh-CN': '  表格 {range} · {shape}', 'en-US': '  Table {range} · {shape}' },
  'inspect.title': { 'zh-CN': '    标题：{title}', 'en-US': '    Title: {title}' },
  'inspect.period': { 'zh-CN': '    时期：{period}', 'en-US': '    Period: {period}' },
  'inspect.unit': { 'zh-CN': '    单位：{unit}', 'en-US': '    Unit: {unit}' },
  'inspect.total': { 'zh-CN': '    合计行：{name}（第{row}行）', 'en-US': '    Total row: {name} (row {row})' },
  'inspect.no-total': { 'zh-CN': '    合计行：无', 'en-US': '    Total row: none' },
  'inspect.regions': { 'zh-CN': '    地区（{count}个）：{names}', 'en-US': '    Regions ({count}): {names}' },
  'text.no-region': { 'zh-CN': '表中没有地区「{region}」', 'en-US': 'No region "{region}" in the tables' },
  'inspect.apart': {
    'zh-CN': '    不参与排名：{name}（第{row}行，{why}；要参与排名用 --zones-as-peers 或在“修正”中勾选）',
    'en-US': '    Not ranked: {name} (row {row}, {why}; use --zones-as-peers or tick it under Fix to rank it)',
  },
  'apart.zone': { 'zh-CN': '开发区，不是县市区的同级', 'en-US': 'a development zone, not a peer of the counties' },
  'apart.districts': { 'zh-CN': '代表几个区的合计', 'en-US': 'stands for several districts' },
  'apart.user': { 'zh-CN': '已设为不参与', 'en-US': 'taken out by the user' },
  'inspect.items': { 'zh-CN': '    项目（{count}个）：{names}', 'en-US': '    Items ({count}): {names}' },
  'inspect.subtotal': { 'zh-CN': '    小计：{name}（第{row}行）= {members}', 'en-US': '    Subtotal: {name} (row {row}) = {members}' },
  'inspect.of-which': { 'zh-CN': '    其中行：{name}（第{row}行，属于{parent}）', 'en-US': '    Of which: {name} (row {row}, part of {parent})' },
  'inspect.columns': { 'zh-CN': '    列：', 'en-US': '    Columns:' },
  'inspect.column': { 'zh-CN': '      {col}  {indicator} · {measure}{unit}{period}{flags}', 'en-US': '      {col}  {indicator} · {measure}{unit}{period}{flags}' },
  'inspect.footnote': { 'zh-CN': '    注释：{text}', 'en-US': '    Note: {text}' },
  'inspect.ignored': { 'zh-CN': '  已忽略：{cell} — {why}', 'en-US': '  Ignored: {cell} — {why}' },
  'flag.non-additive': { 'zh-CN': '不可加总', 'en-US': 'not additive' },
  'flag.comparable': { 'zh-CN': '可比价', 'en-US': 'comparable prices' },
  'flag.current': { 'zh-CN': '现价', 'en-US': 'current prices' },
  'flag.part-of': { 'zh-CN': '属于{col}列', 'en-US': 'part of column {col}' },
  'flag.mark': { 'zh-CN': '注{mark}', 'en-US': 'note {mark}' },
  'flag.other-unit': { 'zh-CN': '单位存疑', 'en-US': 'unit in doubt' },
  'inspect.marked': { 'zh-CN': '    注{mark}所指：{name}{note}', 'en-US': '    Note {mark} marks: {name}{note}' },
  'inspect.doubt': { 'zh-CN': '    存疑：{cell} {what}（{text}），请核对或在「修正」中更正', 'en-US': '    In doubt: {cell} {what} ({text}); confirm or correct it under Fix' },
  'doubt.unit': { 'zh-CN': '单位可能与表头不同', 'en-US': 'may be in another unit than the header says' },
  'doubt.total': { 'zh-CN': '按名称取作合计行', 'en-US': 'taken as the total by its name' },
  'summary.heading': { 'zh-CN': '{indicator}　{period}　（{sheet}，{range}）', 'en-US': '{indicator}  {period}  ({sheet}, {range})' },
  'summary.basis': {
    'zh-CN': '按{rankBy}排名，{ties}，共{peers}个地区参与排名',
    'en-US': 'ranked by {rankBy}, {ties}, {peers} regions ranked',
  },
  'rankBy.growth': { 'zh-CN': '增速', 'en-US': 'growth' },
  'rankBy.value': { 'zh-CN': '总量', 'en-US': 'value' },
  'rankBy.increment': { 'zh-CN': '增量', 'en-US': 'increment' },
  'ties.competition': { 'zh-CN': '并列占位（1,2,2,4）', 'en-US': 'competition ties (1,2,2,4)' },
  'ties.dense': { 'zh-CN': '并列不占位（1,2,2,3）', 'en-US': 'dense ties (1,2,2,3)' },
  'col.region': { 'zh-CN': '地区', 'en-US': 'Region' },
  'col.value': { 'zh-CN': '绝对额', 'en-US': 'Value' },
  'col.growth': { 'zh-CN': '增速(%)', 'en-US': 'Growth (%)' },
  'col.rank': { 'zh-CN': '位次', 'en-US': 'Rank' },
  'col.published': { 'zh-CN': '公布位次', 'en-US': 'Published' },
  'col.points': { 'zh-CN': '比{total}(百分点)', 'en-US': 'vs {total} (pp)' },
  'col.share': { 'zh-CN': '占比(%)', 'en-US': 'Share (%)' },
  'summary.tied': { 'zh-CN': '并列', 'en-US': 'tied' },
  'summary.unranked': { 'zh-CN': '  未参与排名：{region}（第{row}行）— {why}', 'en-US': '  Not ranked: {region} (row {row}) — {why}' },
  'summary.mismatch': {
    'zh-CN': '  ！公布位次与计算不符：{region}（第{row}行）公布第{published}，计算第{computed}',
    'en-US': '  ! Published rank differs: {region} (row {row}) published {published}, computed {computed}',
  },
  'check.sheet': { 'zh-CN': '工作表「{sheet}」', 'en-US': 'Sheet "{sheet}"' },
  'check.severity.error': { 'zh-CN': '错误', 'en-US': 'Errors' },
  'check.severity.warning': { 'zh-CN': '疑问', 'en-US': 'Warnings' },
  'check.severity.info': { 'zh-CN': '提示', 'en-US': 'Notes' },
  'check.finding': { 'zh-CN': '    {cell}  {message}  [{rule}]', 'en-US': '    {cell}  {message}  [{rule}]' },
  'check.more-cells': { 'zh-CN': '（共 {count} 个单元格）', 'en-US': ' ({count} cells)' },
  'check.clean': { 'zh-CN': '未发现问题。', 'en-US': 'No findings.' },
  'check.summary': { 'zh-CN': '规则汇总', 'en-US': 'Rules' },
  'check.col.rule': { 'zh-CN': '规则', 'en-US': 'Rule' },
  'check.col.kind': { 'zh-CN': '类别', 'en-US': 'Kind' },
  'check.col.severity': { 'zh-CN': '级别', 'en-US': 'Severity' },
  'check.col.items': { 'zh-CN': '核对项', 'en-US': 'Items' },
  'check.col.passes': { 'zh-CN': '通过', 'en-US': 'Passes' },
  'check.col.fails': { 'zh-CN': '未通过', 'en-US': 'Fails' },
  'check.col.findings': { 'zh-CN': '问题条数', 'en-US': 'Findings' },
  'check.kind.hard': { 'zh-CN': '硬性', 'en-US': 'hard' },
  'check.kind.soft': { 'zh-CN': '提示性', 'en-US': 'soft' },
  'check.sev.error': { 'zh-CN': '错误', 'en-US': 'error' },
  'check.sev.warning': { 'zh-CN': '疑问', 'en-US': 'warning' },
  'check.sev.info': { 'zh-CN': '提示', 'en-US': 'info' },
  'check.totals': {
    'zh-CN': '共 {errors} 个错误、{warnings} 个疑问、{infos} 个提示（{sheets} 张工作表）。',
    'en-US': '{errors} errors, {warnings} warnings, {infos} notes ({sheets} sheet(s)).',
  },
  'check.note': { 'zh-CN': '说明：{text}', 'en-US': 'Note: {text}' },
  'error.config-read': { 'zh-CN': '无法读取设置文件：{file}', 'en-US': 'Cannot read the settings file: {file}' },
  'error.config-json': { 'zh-CN': '设置文件不是有效的 JSON：{file}（{detail}）', 'en-US': 'The settings file is not valid JSON: {file} ({detail})' },
  'error.config': { 'zh-CN': '设置文件 {file} 有误：\n{problems}', 'en-US': 'The settings file {file} has problems:\n{problems}' },
  'write.done': {
    'zh-CN': '已写入 {file}：新增工作表 {sheets}（{indicators}项指标，{regions}个地区；{mode}）。原文件未改动。',
    'en-US': 'Wrote {file}: added sheets {sheets} ({indicators} indicators, {regions} regions; {mode}). The input file is unchanged.',
  },
  'write.replaced': { 'zh-CN': '替换了上次生成的工作表：{sheets}', 'en-US': 'Replaced the sheets of the previous run: {sheets}' },
  'write.renamed': {
    'zh-CN': '工作簿中已有用户自己的工作表「{wanted}」，汇总表改名为「{name}」。',
    'en-US': 'The workbook has a sheet of its own named "{wanted}"; the summary went to "{name}".',
  },
  'write.open': {
    'zh-CN': '用 Excel 或 WPS 打开即可查看、打印（A4，每张表一页宽）；没有 Excel 时可用 LibreOffice：soffice --calc {file}',
    'en-US': 'Open it in Excel or WPS to view and print (A4, each sheet one page wide); without Excel: soffice --calc {file}',
  },
  'write.mode.values': { 'zh-CN': '数值', 'en-US': 'values' },
  'write.mode.formulas': { 'zh-CN': '公式，引用原表单元格', 'en-US': 'formulas that refer to the source cells' },
  'write.findings': { 'zh-CN': '审核：错误{error}条，疑问{warning}条，提示{info}条，详见「{sheet}」。', 'en-US': 'Checks: errors {error}, warnings {warning}, notes {info}; see "{sheet}".' },
  'write.accepted': { 'zh-CN': '另有{accepted}条已确认并说明，一并列在审核结果中。', 'en-US': '{accepted} more were confirmed with an explanation; they are listed with the check results.' },
  'write.unknown-indicator': { 'zh-CN': '找不到指标「{name}」，已忽略。', 'en-US': 'No indicator matches "{name}"; ignored.' },
  'write.targets': { 'zh-CN': '目标任务：{list}', 'en-US': 'Targets: {list}' },
  'write.targets-unit': {
    'zh-CN': '目标的计量单位与指标不一致、无法换算：{list}',
    'en-US': 'The targets\' units cannot be converted to the indicators\' units: {list}',
  },
  'write.targets-none': { 'zh-CN': '目标文件中没有找到分地区的目标：{file}', 'en-US': 'No regional targets found in {file}' },
  'error.same-file': {
    'zh-CN': '输出文件不能是输入文件本身：{file}。请用 -o 指定另一个文件名，原文件不会被修改。',
    'en-US': 'The output file cannot be the input file: {file}. Give another name with -o; the input is never modified.',
  },
  'error.exists': {
    'zh-CN': '输出文件已存在：{file}。换一个文件名，或加 --force 覆盖它。',
    'en-US': 'The output file exists: {file}. Choose another name, or add --force to overwrite it.',
  },
  'error.write': { 'zh-CN': '无法写入文件：{file}（{detail}）', 'en-US': 'Cannot write the file: {file} ({detail})' },
  'error.needs-output': { 'zh-CN': '{option} 需要与 -o 一起使用（写出汇总表时才用得上）', 'en-US': '{option} needs -o (it applies when writing the summary sheets)' },
  'error.output-ext': { 'zh-CN': '输出文件须为 .xlsx：{file}', 'en-US': 'The output file must be .xlsx: {file}' },
  'error.output-xlsm': {
    'zh-CN': '输入文件是启用宏的工作簿，输出文件须为 .xlsm 才能保留宏：{file}',
    'en-US': 'The input is a macro-enabled workbook; the output must be .xlsm to keep its macros: {file}',
  },
  'write.converted': {
    'zh-CN': '源文件是 {format} 格式，已转换为 .xlsx：保留了原表的数值、数字格式、合并单元格和列宽，公式、图表等其他内容未转换。',
    'en-US': 'The source is a {format} file and was converted to .xlsx: the sheets keep their values, number formats, merged cells and column widths; formulas, charts and the rest were not converted.',
  },
  'mark.head': { 'zh-CN': '【指标表助手·审核】', 'en-US': '[indicator-tables check]' },
  'mark.severity.error': { 'zh-CN': '错误', 'en-US': 'Error' },
  'mark.severity.warning': { 'zh-CN': '疑问', 'en-US': 'Warning' },
  'mark.severity.info': { 'zh-CN': '提示', 'en-US': 'Note' },
  'mark.line': { 'zh-CN': '{severity}｜{rule}：{message}', 'en-US': '{severity} | {rule}: {message}' },
  'mark.values': { 'zh-CN': '应为 {expected}，实为 {actual}', 'en-US': 'expected {expected}, found {actual}' },
  'mark.cells': { 'zh-CN': '（涉及 {range} 共 {count} 格）', 'en-US': '({count} cells in {range})' },
  'mark.done': { 'zh-CN': '已标记 {cells} 个单元格（{sheets} 个工作表）。', 'en-US': 'Marked {cells} cells on {sheets} sheets.' },
  'mark.no-notes': {
    'zh-CN': '此版本的 Excel 不支持批注（需要 ExcelApi 1.18 或 1.10），只标记了底色；说明见「审核结果」表。',
    'en-US': 'This Excel cannot add notes (ExcelApi 1.18 or 1.10 needed); cells got the fill only; see the findings sheet for details.',
  },
  'mark.comments': {
    'zh-CN': '此版本的 Excel 不支持备注，审核说明以批注（对话）形式添加。',
    'en-US': 'This Excel has no notes; the explanations were added as threaded comments.',
  },
  'unmark.done': { 'zh-CN': '已清除 {cells} 个单元格的标记，恢复了原来的底色和批注。', 'en-US': 'Removed the marks from {cells} cells and restored their fills and notes.' },
  'unmark.kept': {
    'zh-CN': '{cells} 个单元格在标记后被修改过，保留了修改后的样子。',
    'en-US': '{cells} cells were changed after marking; they were left as they are now.',
  },
  'unmark.gone': { 'zh-CN': '工作表「{sheet}」已不存在，其上的标记无需清除。', 'en-US': 'Sheet "{sheet}" no longer exists; its marks are gone with it.' },
  'unmark.none': { 'zh-CN': '没有需要清除的标记。', 'en-US': 'There are no marks to remove.' },
  'excel.cell-editing': {
    'zh-CN': 'Excel 正在编辑单元格，请先按 Enter 或 Esc 结束编辑，再试一次。',
    'en-US': 'Excel is editing a cell: press Enter or Esc to finish, then try again.',
  },
  'excel.protected-sheet': {
    'zh-CN': '工作表「{sheet}」受保护，无法修改。请在“审阅 > 撤销工作表保护”后再试。',
    'en-US': 'Sheet "{sheet}" is protected and cannot be changed. Unprotect it (Review > Unprotect Sheet) and try again.',
  },
  'excel.protected-workbook': {
    'zh-CN': '工作簿结构受保护，无法添加或删除工作表。请在“审阅 > 保护工作簿”中取消保护后再试。',
    'en-US': 'The workbook structure is protected, so sheets cannot be added or deleted. Unprotect it (Review > Protect Workbook) and try again.',
  },
  'excel.sheet-gone': {
    'zh-CN': '找不到工作表「{sheet}」，可能已被删除或改名。请重新读取工作簿。',
    'en-US': 'Sheet "{sheet}" was not found; it may have been deleted or renamed. Read the workbook again.',
  },
  'excel.sheet-hidden': {
    'zh-CN': '工作表「{sheet}」已隐藏，无法选中其中的单元格 {cell}。如需查看，请先取消隐藏该工作表（右键单击工作表标签 > 取消隐藏）。',
    'en-US': 'Sheet "{sheet}" is hidden, so its cell {cell} cannot be selected. To see it, unhide the sheet first (right-click a sheet tab > Unhide).',
  },
  'excel.sheet-hidden-page': {
    'zh-CN': '工作表「{sheet}」在工作簿中是隐藏的，本页面不显示隐藏的工作表；如需查看单元格 {cell}，请在 Excel 或 WPS 中取消隐藏该工作表。',
    'en-US': 'Sheet "{sheet}" is hidden in the workbook, and this page does not show hidden sheets; to see its cell {cell}, unhide the sheet in Excel or WPS.',
  },
  'excel.name-taken': {
    'zh-CN': '工作簿中已有名为「{sheet}」的工作表，汇总表未写入。请重新生成。',
    'en-US': 'The workbook already has a sheet named "{sheet}"; nothing was written. Generate the summary again.',
  },
  'excel.no-visible': {
    'zh-CN': '写入后工作簿将没有可见的工作表，已停止。',
    'en-US': 'The workbook would be left without a visible sheet; stopped.',
  },
  'excel.too-large': {
    'zh-CN': '数据量超出 Excel 单次传输的上限，请减少工作表后再试。',
    'en-US': 'The data is over what Excel can transfer at once; try with fewer sheets.',
  },
  'excel.api-missing': {
    'zh-CN': '此版本的 Excel 不支持所需功能（{feature}，需要 ExcelApi {version}）。请更新 Office 或使用网页版 Excel。',
    'en-US': 'This Excel lacks a needed feature ({feature}, ExcelApi {version}). Update Office or use Excel on the web.',
  },
  'excel.merges-unavailable': {
    'zh-CN': '此版本的 Excel 无法读取合并单元格（需要 ExcelApi 1.13），表头可能识别不全。',
    'en-US': 'This Excel cannot report merged cells (ExcelApi 1.13 needed); headers may be read incompletely.',
  },
  'excel.merges-too-many': {
    'zh-CN': '工作表「{sheet}」合并单元格过多，Excel 无法一次读出，已按未合并读取。',
    'en-US': 'Sheet "{sheet}" has too many merged areas for Excel to report; it was read without them.',
  },
  'excel.page-layout-unavailable': {
    'zh-CN': '此版本的 Excel 不支持设置页面布局（需要 ExcelApi 1.9），汇总表未设置打印格式。',
    'en-US': 'This Excel cannot set the page layout (ExcelApi 1.9 needed); the summary sheets have no print settings.',
  },
  'excel.failed': { 'zh-CN': 'Excel 操作失败：{detail}', 'en-US': 'Excel could not do it: {detail}' },
  'ribbon.no-settings.title': { 'zh-CN': '请先打开任务窗格', 'en-US': 'Open the task pane first' },
  'ribbon.no-settings': {
    'zh-CN': '这个工作簿还没有保存汇总设置。请在“开始”选项卡上单击“指标表”打开任务窗格，生成一次汇总表；之后“一键汇总”会沿用那次的设置。',
    'en-US': 'This workbook has no saved summary settings yet. On the Home tab, click Indicator tables to open the task pane and generate the summary once; Quick summary then reuses those settings.',
  },
  'ribbon.failed.title': { 'zh-CN': '一键汇总未完成', 'en-US': 'Quick summary did not finish' },
  'ribbon.done.title': { 'zh-CN': '汇总表已生成，请先核对', 'en-US': 'Summary generated: check it first' },
  'ribbon.done.errors': {
    'zh-CN': '已生成{sheets}，但审核发现错误{error}条，详见「审核结果」。报送前请先核对。',
    'en-US': 'Generated {sheets}, but the checks found {error} errors; see the check results before sending the report.',
  },
  'summary.none': { 'zh-CN': '没有可汇总的分地区指标表。', 'en-US': 'No regional indicator tables to summarise.' },
} as const;

export type MessageKey = keyof typeof MESSAGES;

/** The message in the language, with {name} placeholders filled. */
export function t(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return fill(MESSAGES[key][lang], params);
}

/** {name} placeholders filled from params; unknown ones stay as written. */
export function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (all, name: string) => (name in params ? String(params[name]) : all));
}

/** zh-CN unless the environment asks for English. */
export function langFrom(value: string | undefined | null): Lang {
  return value && /^en/i.test(value) ? 'en-US' : 'zh-CN';
}
