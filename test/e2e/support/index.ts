/** The end-to-end harness: build, serve, stub office.js, chromium. See ../README.md. */
export { REPO_ROOT, buildSite, officeStubScript, runWebpack, sitePages } from './build';
export { CONTENT_TYPES, serveDir } from './server';
export type { ServedDir } from './server';
export { gridFromJson, gridToJson } from './grids';
export type { GridJson } from './grids';
export { makeSeed, seedFromXlsx } from './seed';
export {
  CHROMIUM_ARGS,
  OFFICE_JS_URL,
  chromiumAvailable,
  chromiumPath,
  describeWithChromium,
  launchBrowser,
  openPage,
  screenshot,
  stubCall,
} from './browser';
export type { OpenPageOptions, OpenedPage } from './browser';
export type * from './officeStub.types';
