export { SECTION_TITLE, analyse, analysisText, cnNumber, paragraphBody, paragraphText } from './analysis';
export { sentenceParts } from './parts';
export type { SentencePart } from './parts';
export type { Analysis, AnalysisOptions, CitedFigure, Paragraph, ParagraphKind, Sentence } from './analysis';
export { completionWords, countWords, growthWords, levelWords, listWords, outcomeWords, pointsWords, rankChangeWords, rankWords, rateChangeWords, shown, showsZero } from './words';
export type { LastStyle, TimesStyle } from './words';
