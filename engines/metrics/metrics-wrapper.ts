/**
 * The metrics wrapper in the shape the runner's `wrap` hook takes (`(name, engine) => engine`): every engine a run
 * opens, reopens included, reports into one collector under its run name.
 */
import type { Engine } from '../../models/contract/api';
import type { EngineMetrics } from './engine-metrics';
import type { SlowLog } from './slow-log';
import { withMetrics } from './with-metrics';

/** A function that measures an engine under a name. */
export type MeasuringWrapper = (name: string, engine: Engine) => Engine;

/** Returns a wrapper measuring every engine it is given into `metrics` (and `slowLog`, when given). */
export function metricsWrapper(metrics: EngineMetrics, slowLog?: SlowLog): MeasuringWrapper {
  return (name, engine) => withMetrics(engine, { metrics, label: name, ...(slowLog ? { slowLog } : {}) });
}
