import type { Profile } from 'pprof-format';
import { functionTable, type FunctionTable } from './function-table.js';
import type { FunctionCost } from './trial.js';

export interface AllocationTable {
  readonly totalBytes: number;
  readonly totalObjects: number;
  /** Each function's own (self) allocations, keyed like function tables; only functions that allocated. */
  readonly functions: Readonly<Record<string, { readonly name: string; readonly file: string; readonly bytes: number; readonly objects: number }>>;
}

/** Self allocations per function from a pprof allocation profile (alloc_space/bytes, alloc_objects/count). */
export function allocationTable(profile: Profile, source: string): AllocationTable {
  const bytes = functionTable(profile, source, 'alloc_space');
  const objects = functionTable(profile, source, 'alloc_objects');
  const functions = Object.create(null) as Record<string, AllocationTable['functions'][string]>;
  for (const [key, cost] of Object.entries(bytes.functions)) {
    if (cost.selfNanos <= 0) continue;
    // functionTable reads any sample type into its self/total fields; here they are bytes and counts.
    functions[key] = { name: cost.name, file: cost.file, bytes: cost.selfNanos, objects: objects.functions[key]?.selfNanos ?? 0 };
  }
  return { totalBytes: bytes.total, totalObjects: objects.total, functions };
}

/**
 * One trial's function costs: CPU from the CPU profile and each function's own
 * allocations from the allocation profile. A function that allocates but was never on a
 * CPU sample is kept, with zero CPU; allocation fields are left out where they are zero,
 * to keep baselines small.
 */
export function withAllocations(cpu: FunctionTable, allocations: AllocationTable): Record<string, FunctionCost> {
  const functions = Object.create(null) as Record<string, FunctionCost>;
  for (const [key, cost] of Object.entries(cpu.functions)) functions[key] = cost;
  for (const [key, allocated] of Object.entries(allocations.functions)) {
    const base = functions[key] ?? { name: allocated.name, file: allocated.file, selfNanos: 0, totalNanos: 0 };
    functions[key] = { ...base, allocBytes: allocated.bytes, allocObjects: allocated.objects };
  }
  return functions;
}
