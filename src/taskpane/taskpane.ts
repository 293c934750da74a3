/// <reference types="office-js" />
// The task pane's first page: says whether the add-in runs inside Excel and,
// if it does, which sheet is active. The real UI (React, Fluent UI) replaces it.

type Language = 'zh-CN' | 'en-US';

const TEXT: Record<Language, {
  ready: (sheet: string) => string;
  noHost: string;
  otherHost: (host: string) => string;
  noOfficeJs: string;
  failed: (reason: string) => string;
}> = {
  'zh-CN': {
    ready: (sheet) => `加载项已就绪。当前工作表：${sheet}`,
    noHost: '未在 Office 中运行：请在 Excel 中打开此加载项。',
    otherHost: (host) => `此加载项仅用于 Excel（当前宿主：${host}）。`,
    noOfficeJs: '无法加载 Office.js，请检查网络连接。',
    failed: (reason) => `无法读取工作簿：${reason}`,
  },
  'en-US': {
    ready: (sheet) => `The add-in is ready. Active sheet: ${sheet}`,
    noHost: 'Not running inside Office: open this add-in from Excel.',
    otherHost: (host) => `This add-in works in Excel only (current host: ${host}).`,
    noOfficeJs: 'Office.js could not be loaded; check the network connection.',
    failed: (reason) => `Could not read the workbook: ${reason}`,
  },
};

function languageOf(tag: string | undefined): Language {
  return tag !== undefined && tag.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en-US';
}

function show(message: string, state: 'info' | 'error' = 'info'): void {
  const status = document.getElementById('status');
  if (status === null) return;
  status.textContent = message;
  status.dataset.state = state;
}

async function activeSheetName(): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('name');
    await context.sync();
    return sheet.name;
  });
}

async function start(info: { host: Office.HostType | null }): Promise<void> {
  if (!info.host) {
    // Opened in a plain browser: office.js loaded, but there is no Office host.
    show(TEXT[languageOf(navigator.language)].noHost);
    return;
  }
  const text = TEXT[languageOf(Office.context.displayLanguage)];
  document.documentElement.lang = languageOf(Office.context.displayLanguage);
  if (info.host !== Office.HostType.Excel) {
    show(text.otherHost(String(info.host)));
    return;
  }
  try {
    show(text.ready(await activeSheetName()));
  } catch (error) {
    show(text.failed(error instanceof Error ? error.message : String(error)), 'error');
  }
}

if (typeof Office === 'undefined') {
  // The CDN script did not load (offline, blocked): Office.onReady will never fire.
  show(TEXT[languageOf(navigator.language)].noOfficeJs, 'error');
} else {
  void Office.onReady((info) => start(info));
}
