#!/usr/bin/env node
'use strict';
// npm start
//   With desktop Excel (Windows or macOS): the Office convention — office-addin-debugging
//   starts the dev server (https://localhost:3000) and sideloads manifest.xml.
//   Without it (Linux, or INDICATOR_TABLES_NO_EXCEL=1): build the add-in into dist/, serve it
//   on http://localhost:3000 and print the address of the standalone page, where a workbook
//   file is checked and summarised in the browser (the sample: add ?sample to the address).
// Options: --no-build (serve dist/ as it is), --port N (default: package.json config, 3000;
// 0 for any free port), --dist DIR (serve another folder; tests).

const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { serveDir } = require('./serve');

const ROOT = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const zh = !/^en/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
const say = (zhText, enText) => console.log(zh ? zhText : enText);

function hasDesktopExcel() {
  if (process.env.INDICATOR_TABLES_NO_EXCEL) return false;
  if (process.platform === 'darwin') return fs.existsSync('/Applications/Microsoft Excel.app');
  if (process.platform === 'win32') {
    const roots = [process.env.ProgramFiles, process.env['ProgramFiles(x86)']].filter(Boolean);
    return roots.some((r) => ['Microsoft Office\\root\\Office16\\EXCEL.EXE', 'Microsoft Office\\Office16\\EXCEL.EXE'].some((p) => fs.existsSync(path.join(r, p))));
  }
  return false;
}

function option(name, fallback) {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

async function main() {
  if (hasDesktopExcel()) {
    const bin = path.join(ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'office-addin-debugging.cmd' : 'office-addin-debugging');
    const child = spawn(bin, ['start', 'manifest.xml', ...args], { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('exit', (code) => process.exit(code ?? 1));
    return;
  }
  const dist = path.resolve(option('--dist', path.join(ROOT, 'dist')));
  if (!args.includes('--no-build')) {
    say('正在构建加载项（webpack，约半分钟）…', 'Building the add-in (webpack, about half a minute)…');
    const r = spawnSync(process.execPath, [require.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
    say('dist/ 中没有构建好的加载项，请去掉 --no-build 再试。', 'dist/ holds no built add-in; run again without --no-build.');
    process.exit(2);
  }
  const port = Number(option('--port', process.env.npm_package_config_dev_server_port ?? 3000));
  let served;
  try {
    served = await serveDir(dist, { host: '127.0.0.1', port });
  } catch (e) {
    if (e && e.code === 'EADDRINUSE') {
      say(`端口 ${port} 已被占用（也许开发服务器正在运行）。换一个端口：npm start -- --port 3001`, `Port ${port} is in use (a dev server, perhaps). Use another: npm start -- --port 3001`);
      process.exit(2);
    }
    throw e;
  }
  const page = `${served.origin}/taskpane.html`;
  say(
    [
      '',
      '本机没有桌面版 Excel：加载项以网页方式运行（文件只在本机浏览器中处理，不会上传）。',
      `  在浏览器中打开：${page}`,
      `  先看内置示例：  ${page}?sample`,
      '',
      '在网页版 Excel 中使用：停止本服务（Ctrl+C），运行 npm run dev-server（https://localhost:3000），',
      '  在浏览器中打开一次 https://localhost:3000/taskpane.html 并信任证书，然后在 Excel 中',
      '  插入 → 加载项 → 我的加载项 → 上传我的加载项，选择 manifest.xml。',
      '',
      '按 Ctrl+C 停止。',
    ].join('\n'),
    [
      '',
      'No desktop Excel here: the add-in runs as a web page (files are processed in your browser and never uploaded).',
      `  Open: ${page}`,
      `  The built-in sample: ${page}?sample`,
      '',
      'In Excel on the web: stop this (Ctrl+C), run npm run dev-server (https://localhost:3000),',
      '  open https://localhost:3000/taskpane.html once and trust the certificate, then in Excel:',
      '  Insert → Add-ins → My Add-ins → Upload My Add-in, and choose manifest.xml.',
      '',
      'Ctrl+C stops it.',
    ].join('\n'),
  );
  const stop = () => served.server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e) => {
  console.error(`npm start: ${e && e.stack ? e.stack : e}`);
  process.exit(1);
});
