/// <reference types="office-js" />
// The ribbon's function file (manifest: <FunctionFile resid="Commands.Url"/>).
//
// Why it registers no action yet: the only ribbon button, "指标表 / Indicator
// tables", opens the task pane, and that is declared in manifest.xml as a
// ShowTaskpane action, which Office handles without running any script here.
// Opening the pane from code would need Office.addin.showAsTaskpane(), which
// requires the SharedRuntime 1.1 requirement set and a <Runtimes> element in the
// manifest (not available on perpetual Office 2019, and not in the VersionOverrides
// 1.0 schema this manifest is validated against).
//
// ExecuteFunction commands added later register here, inside Office.onReady:
//   Office.actions.associate('markIssues', async (event) => { …; event.completed(); });
// and are referenced from manifest.xml by <FunctionName>markIssues</FunctionName>.

void Office.onReady();
