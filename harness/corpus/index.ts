/** The corpus: saved cases (ops text and meta.json), saving fuzz failures as cases, and replaying cases. */
export { CorpusError, parseCaseMeta, type CaseExpectation, type CaseMeta } from './case-meta';
export { caseName } from './case-name';
export { caseReproCommand, listCases, loadCase, opsFileText, saveCase, type CorpusCase, type SaveCaseInput } from './case-store';
export { asciiResult, expectedResultDivergences, expectedResultsEngine, historyResult, withExpectedResults } from './expected';
export { replayCase, type CaseReplay, type ReplayOptions } from './replay-case';
export { saveFailure, type SavedFailure, type SaveFailureOptions } from './save-failure';
