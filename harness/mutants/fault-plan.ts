/**
 * How one fault is fuzzed: the engines of its runs (the reference model first, then the engine that holds the
 * fault) and the fault map handed to the runner. The model never gets a fault.
 */
import { FAULTS, faultSpec, type FaultName, type FaultSpec } from '../../engines/base/faults';
import type { EngineName } from '../../engines/registry/engine-registry';

/** The engine an `any` fault (one in the abstract engine) is fuzzed on by default. */
export const ANY_FAULT_ENGINE: EngineName = 'sqlite';

/** The engines and faults of one fault's runs. */
export interface FaultPlan {
  readonly spec: FaultSpec;
  readonly engines: readonly EngineName[];
  readonly faults: Partial<Record<EngineName, readonly string[]>>;
}

/** Every fault name, in table order. */
export const ALL_FAULTS: readonly FaultName[] = FAULTS.map((f) => f.name);

/** Tells whether a fault can be injected into an engine. */
function applies(spec: FaultSpec, engine: EngineName): boolean {
  return engine !== 'memory' && (spec.engine === 'any' || spec.engine === engine);
}

/**
 * Plans one fault: on `engines` when given (the fault goes into every engine of the list it applies to), else on
 * the model and the fault's own engine. Throws a plain Error for an unknown fault or an engine list it cannot enter.
 */
export function planFault(name: string, engines?: readonly EngineName[]): FaultPlan {
  const spec = faultSpec(name);
  if (spec === undefined) throw new Error(`unknown fault ${JSON.stringify(name)} (known: ${ALL_FAULTS.join(', ')})`);
  const own: EngineName = spec.engine === 'any' ? ANY_FAULT_ENGINE : spec.engine;
  const list = engines ?? ['memory', own];
  const faulty = list.filter((e) => applies(spec, e));
  if (faulty.length === 0) throw new Error(`fault ${spec.name} lives in ${spec.engine}, which is not among ${list.join(',')}`);
  if (faulty.length === list.length) throw new Error(`fault ${spec.name} needs a healthy engine to compare with (add memory)`);
  return { spec, engines: list, faults: Object.fromEntries(faulty.map((e) => [e, [spec.name]])) };
}
