/** Report renderers: pure functions from a RunReport to text, JSON, HTML and JUnit XML, and a writer of all four. */
export { divergenceDiff, divergenceSides, divergenceTitle } from './divergence-diff';
export { escapeAttribute, escapeMarkup } from './escape';
export { renderHtml } from './render-html';
export { renderJson } from './render-json';
export { renderJunit } from './render-junit';
export { MAX_TEXT_DIFFS, renderText, TEXT_SECTIONS, versionRows } from './render-text';
export type { FoundAt, RunReport, RunStats } from './run-report';
export { writeReport, type ReportFiles } from './write-report';
