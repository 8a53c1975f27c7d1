/** The JSON report: the RunReport itself as canonical pretty JSON (sorted keys), so equal reports are equal files. */
import { canonicalJson } from '../../engines/compare';
import type { RunReport } from './run-report';

/** Renders the report as canonical pretty JSON with a trailing newline. */
export function renderJson(report: RunReport): string {
  return `${canonicalJson(report, 2)}\n`;
}
