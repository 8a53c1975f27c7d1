/** Engine metrics: the measuring wrapper, its collector, the slow-operation log, engine figures and their renderings. */
export { CALL_SPECS, type CallSpec, type Rows } from './call-specs';
export { DURATION_BUCKETS, EngineMetrics, type EngineSnapshot, type MethodSnapshot, type MetricsSnapshot } from './engine-metrics';
export { figuresOf, hasFigures, type EngineFigures, type Figure, type FigureSource } from '../base/figures';
export { LatencyHistogram, type LatencySummary } from './latency-histogram';
export { metricsWrapper, type MeasuringWrapper } from './metrics-wrapper';
export { alignColumns, renderEngineTable, renderFigures, renderMethodComparison, renderMethodTable } from './metrics-table';
export { createSlowLogger, DEFAULT_SLOW_MS, type SlowCallLine, type SlowLog, type SlowLogger } from './slow-log';
export { withMetrics, type MetricsOptions } from './with-metrics';
