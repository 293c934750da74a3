export { AddinSession } from './AddinSession';
export type { GenerateOutcome, GenerateStep, MarkOutcome } from './AddinSession';
export type { LiveWorkbook, SettingsStore } from './ports';
export { MemoryStore } from './memoryStore';
export { errorText } from './errors';
export { quickSummary } from './quick';
export type { QuickNotice, QuickResult } from './quick';
