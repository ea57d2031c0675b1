import type { ServiceMetricName } from '../analysis/index.js';

/** How each service metric is named and printed, in every report format. */
export const SERVICE_METRICS: Record<ServiceMetricName, { readonly label: string; readonly format: (value: number) => string }> = {
  cpuMicrosPerRequest: { label: 'CPU per request (OS)', format: (v) => `${v.toFixed(0)} µs` },
  throughputRps: { label: 'throughput', format: (v) => `${v.toFixed(0)} req/s` },
  latencyP50Ms: { label: 'latency p50', format: (v) => `${v.toFixed(2)} ms` },
  latencyP95Ms: { label: 'latency p95', format: (v) => `${v.toFixed(2)} ms` },
  latencyP99Ms: { label: 'latency p99', format: (v) => `${v.toFixed(2)} ms` },
  maxRssBytes: { label: 'peak RSS', format: (v) => `${(v / 1048576).toFixed(0)} MiB` },
};
