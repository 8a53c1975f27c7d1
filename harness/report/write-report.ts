/** Writes a run's report in every format into one directory. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderJunit } from './render-junit';
import { renderText } from './render-text';
import type { RunReport } from './run-report';

/** The files `writeReport` writes. */
export interface ReportFiles {
  readonly text: string;
  readonly json: string;
  readonly html: string;
  readonly junit: string;
}

/** Writes report.txt, report.json, report.html and junit.xml into `dir` (created when missing); returns their paths. */
export async function writeReport(dir: string, report: RunReport): Promise<ReportFiles> {
  await fs.mkdir(dir, { recursive: true });
  const files: ReportFiles = {
    text: path.join(dir, 'report.txt'),
    json: path.join(dir, 'report.json'),
    html: path.join(dir, 'report.html'),
    junit: path.join(dir, 'junit.xml'),
  };
  await fs.writeFile(files.text, renderText(report), 'utf8');
  await fs.writeFile(files.json, renderJson(report), 'utf8');
  await fs.writeFile(files.html, renderHtml(report), 'utf8');
  await fs.writeFile(files.junit, renderJunit(report), 'utf8');
  return files;
}
