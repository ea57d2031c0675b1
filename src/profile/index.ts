export { functionKey, NODE_INTERNALS, type FunctionIdentity } from './function-identity.js';
export { checkProfileFileSize, decodePprof, encodePprofGzip } from './pprof-codec.js';
export type { V8CpuProfile, V8ProfileNode } from './v8-cpu-profile.js';
export type { V8HeapProfile } from './v8-heap-profile.js';
export { v8HeapToPprof, type HeapConversionContext } from './v8-heap-to-pprof.js';
export { NO_SOURCES, type SourceLookup } from './source-lookup.js';
export { v8ToPprof, type ConversionContext } from './v8-to-pprof.js';
export { mergeProfiles, requestsOf } from './merge.js';
export { scaledLike, scaleToRequests } from './scale.js';
