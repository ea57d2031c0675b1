import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  Function,
  IDLE_FRAME,
  Line,
  Location,
  Profile,
  REQUESTS_COMMENT,
  Sample,
  StringTable,
  ValueType,
  displayFile,
  fileOfFrame,
  functionKey,
  isGroup,
  mergeProfiles,
  namingContext,
  requestsOf,
  resolveFrame,
  sampleTypes
} from "./chunk-UE2XNEGO.js";
import {
  PerfgateError,
  describeError
} from "./chunk-RXSKCGKU.js";

// src/profile/pprof-codec.ts
import { gunzipSync, gzipSync } from "node:zlib";

// src/profile/check-valid.ts
function checkValid(profile, source, limits) {
  const fail = (message) => {
    throw new PerfgateError("PROFILE_INVALID", `${source}: ${message}`);
  };
  const strings = profile.stringTable.strings;
  if (strings.length > 0 && strings[0] !== "") fail(`string_table[0] must be "" (got ${JSON.stringify(strings[0].slice(0, 40))})`);
  const checkString = (index, what) => {
    const i = Number(index);
    if (!Number.isInteger(i) || i < 0 || i >= strings.length) fail(`${what} refers to string ${String(index)}, outside the string table (${strings.length} strings)`);
  };
  for (const [count, limit, what] of [
    [profile.sample.length, limits.maxSamples, "samples"],
    [profile.location.length, limits.maxLocations, "locations"],
    [profile.function.length, limits.maxFunctions, "functions"]
  ]) {
    if (count > limit) fail(`${count} ${what}, more than the limit of ${limit} (docs/limits.md)`);
  }
  profile.sampleType.forEach((t, i) => {
    checkString(t.type, `sample type ${i + 1}`);
    checkString(t.unit, `sample type ${i + 1}'s unit`);
  });
  if (profile.periodType) {
    checkString(profile.periodType.type, "the period type");
    checkString(profile.periodType.unit, "the period type's unit");
  }
  checkString(profile.dropFrames, "drop_frames");
  checkString(profile.keepFrames, "keep_frames");
  checkString(profile.defaultSampleType, "default_sample_type");
  checkString(profile.docUrl, "doc_url");
  profile.comment.forEach((c, i) => checkString(c, `comment ${i + 1}`));
  const mappings = uniqueIds(profile.mapping, "mapping", fail);
  for (const m of profile.mapping) {
    checkString(m.filename, `mapping ${m.id}'s file name`);
    checkString(m.buildId, `mapping ${m.id}'s build id`);
  }
  const functions = uniqueIds(profile.function, "function", fail);
  for (const f of profile.function) {
    checkString(f.name, `function ${f.id}'s name`);
    checkString(f.systemName, `function ${f.id}'s system name`);
    checkString(f.filename, `function ${f.id}'s file name`);
  }
  const locations = uniqueIds(profile.location, "location", fail);
  const dense = profile.location.every((l, i) => Number(l.id) === i + 1);
  const knownLocation = (id) => dense ? isInRange(id, profile.location.length) : locations.has(idKey(id));
  for (const l of profile.location) {
    if (!isZero(l.mappingId) && !mappings.has(idKey(l.mappingId))) fail(`location ${l.id} refers to unknown mapping ${l.mappingId}`);
    l.line.forEach((line, i) => {
      if (isZero(line.functionId)) fail(`location ${l.id}'s line ${i + 1} has no function (id 0)`);
      if (!functions.has(idKey(line.functionId))) fail(`location ${l.id} refers to unknown function ${line.functionId}`);
    });
  }
  const types = profile.sampleType.length;
  if (types === 0 && profile.sample.length > 0) fail("the profile has samples but no sample types");
  profile.sample.forEach((sample, i) => {
    if (sample.value.length !== types) {
      fail(`sample ${i + 1} has ${sample.value.length} value(s) but the profile has ${types} sample type(s) (${typeNames(profile)})`);
    }
    if (sample.locationId.length > limits.maxStackDepth) fail(`sample ${i + 1} has a stack of ${sample.locationId.length} locations, deeper than the limit of ${limits.maxStackDepth} (docs/limits.md)`);
    for (const id of sample.locationId) {
      if (isZero(id)) fail(`sample ${i + 1} refers to location 0 (reserved)`);
      if (!knownLocation(id)) fail(`sample ${i + 1} refers to unknown location ${id}`);
    }
    for (const label of sample.label) {
      checkString(label.key, `sample ${i + 1}'s label key`);
      checkString(label.str, `sample ${i + 1}'s label value`);
      checkString(label.numUnit, `sample ${i + 1}'s label unit`);
    }
  });
}
function uniqueIds(items, what, fail) {
  const ids = /* @__PURE__ */ new Set();
  for (const item of items) {
    if (isZero(item.id)) fail(`a ${what} has the reserved id 0`);
    const key = idKey(item.id);
    if (ids.has(key)) fail(`two ${what}s have the id ${key}`);
    ids.add(key);
  }
  return ids;
}
function isInRange(id, count) {
  const n = Number(id);
  return Number.isInteger(n) && n >= 1 && n <= count;
}
function isZero(id) {
  return id === 0 || id === 0n;
}
function idKey(id) {
  if (typeof id === "number") return id;
  return id <= BigInt(Number.MAX_SAFE_INTEGER) && id >= 0n ? Number(id) : String(id);
}
function typeNames(profile) {
  const s = profile.stringTable.strings;
  return profile.sampleType.map((t) => `${s[Number(t.type)] ?? "?"}/${s[Number(t.unit)] ?? "?"}`).join(", ");
}

// src/profile/legacy-format.ts
var PROTO_CONVERT = "convert it with `go tool pprof -proto FILE > out.pb.gz` (add the binary before FILE if the profile needs symbolizing)";
function legacyFormatOf(bytes) {
  const binary = legacyCpuHeader(bytes);
  if (binary) {
    const kind2 = binary.java ? "legacy binary Java CPU profile" : "legacy binary CPU profile (gperftools, or Go before 1.9)";
    return { what: `a ${kind2}, ${binary.wordBits}-bit ${binary.littleEndian ? "little" : "big"}-endian, sampling every ${binary.periodMicros} \xB5s`, convert: PROTO_CONVERT };
  }
  const text = leadingText(bytes);
  if (text === void 0) return void 0;
  const kind = legacyTextKind(firstLine(text), text);
  return kind ? { what: kind, convert: PROTO_CONVERT } : void 0;
}
function describeOtherFormat(bytes) {
  if (bytes.length === 0) return { what: "empty", convert: "write the profile again" };
  const text = leadingText(bytes);
  if (text === void 0) return void 0;
  const first = firstLine(text);
  if (/^\{/.test(first) && /"nodes"\s*:/.test(text) && /"samples"\s*:/.test(text)) {
    return {
      what: "a V8 CPU profile (.cpuprofile JSON), not pprof",
      convert: "perfgate converts V8 profiles itself while it measures; open this file in Chrome DevTools or speedscope instead"
    };
  }
  return { what: `a text file (it starts with ${JSON.stringify(first.slice(0, 60))}), not a pprof protobuf`, convert: PROTO_CONVERT };
}
function firstLine(text) {
  return text.replace(/^\s+/, "").split("\n", 1)[0].trim();
}
function legacyTextKind(first, text) {
  if (/^heap profile:/.test(first)) return `a legacy text heap profile (${/@\s*([a-z_0-9]+)/.exec(first)?.[1] ?? "heap"} format of gperftools or Go's debug=1 output)`;
  if (/^heap_v2\//.test(first)) return "a legacy text heap profile (heap_v2 format)";
  if (/^---\s*heapz\b/.test(first)) return `a legacy text heap profile (heapz${/format\s*=\s*java/.test(text) ? ", Java" : ""})`;
  if (/^---\s*contentionz\b/.test(first) || /^---\s*contention\b/.test(first) || /^---\s*mutex\b/.test(first)) return "a legacy text contention profile";
  if (/^---\s*threadz\b/.test(first)) return "a legacy text thread profile (threadz)";
  if (/^\w+ profile: total \d+/.test(first)) return `a legacy text Go ${first.split(" ", 1)[0]} profile (debug=1 output)`;
  if (/^---\s*\w+\s*---$/.test(first) || /^---\s*\w+\s+\d+\s*---$/.test(first)) return `a legacy text profile (${first})`;
  if (/^(binary|cycles\/second|sampling period)\s*=/.test(first)) return "a legacy text profile";
  return void 0;
}
function legacyCpuHeader(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const readings = [
    { wordBits: 32, littleEndian: true },
    { wordBits: 32, littleEndian: false },
    { wordBits: 64, littleEndian: true },
    { wordBits: 64, littleEndian: false }
  ];
  for (const { wordBits, littleEndian } of readings) {
    const size = wordBits / 8;
    if (bytes.length < 5 * size) continue;
    const word = (i) => wordBits === 32 ? BigInt(view.getUint32(i * size, littleEndian)) : view.getBigUint64(i * size, littleEndian);
    const [w0, w1, w2, w3, w4] = [word(0), word(1), word(2), word(3), word(4)];
    if (w0 === 0n && w1 === 3n && (w2 === 0n || w2 === 1n) && w3 > 0n && w4 === 0n) {
      return { wordBits, littleEndian, periodMicros: Number(w3), java: w2 === 1n };
    }
  }
  return void 0;
}
function leadingText(bytes) {
  const head = bytes.subarray(0, 4096);
  for (const byte of head) {
    if (byte < 9 || byte > 13 && byte < 32 || byte === 127) return void 0;
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(head);
}

// src/profile/profile-limits.ts
var DEFAULT_PROFILE_LIMITS = {
  maxCompressedBytes: 64 * 1024 * 1024,
  maxDecompressedBytes: 256 * 1024 * 1024,
  maxSamples: 2e6,
  maxLocations: 1e6,
  maxFunctions: 1e6,
  maxStackDepth: 4096
};
function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1)} KiB`;
  return `${bytes} bytes`;
}

// src/profile/unsymbolized.ts
function nameUnsymbolizedLocations(profile) {
  const lineless = profile.location.filter((l) => l.line.length === 0);
  if (lineless.length === 0) return profile;
  const strings = profile.stringTable;
  const mappingFile = new Map(profile.mapping.map((m) => [String(m.id), strings.strings[Number(m.filename)] ?? ""]));
  let nextId = profile.function.reduce((max, f) => BigInt(f.id) > max ? BigInt(f.id) : max, 0n) + 1n;
  const functionOfName = /* @__PURE__ */ new Map();
  const added = [];
  const location = profile.location.map((l) => {
    if (l.line.length > 0) return l;
    const file = mappingFile.get(String(l.mappingId)) ?? "";
    const name = file === "" ? "<unknown>" : `[${baseName(file)}]`;
    let id = functionOfName.get(name);
    if (id === void 0) {
      id = nextId <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(nextId) : nextId;
      nextId += 1n;
      functionOfName.set(name, id);
      const nameIndex = strings.dedup(name);
      added.push(new Function({ id, name: nameIndex, systemName: nameIndex, filename: 0, startLine: 0 }));
    }
    return new Location({ id: l.id, mappingId: l.mappingId, address: l.address, isFolded: l.isFolded, line: [new Line({ functionId: id, line: 0 })] });
  });
  return new Profile({ ...profile, location, function: [...profile.function, ...added] });
}
function baseName(path) {
  const trimmed = path.replace(/[\\/]+$/, "");
  const slash = Math.max(trimmed.lastIndexOf("/"), trimmed.lastIndexOf("\\"));
  return slash < 0 ? trimmed : trimmed.slice(slash + 1);
}

// src/profile/pprof-codec.ts
function encodePprofGzip(profile) {
  return gzipSync(profile.encode());
}
function decodePprof(bytes, source, limits = DEFAULT_PROFILE_LIMITS) {
  checkProfileFileSize(bytes.length, source, limits);
  let raw = bytes;
  if (isGzip(bytes)) {
    try {
      raw = gunzipSync(bytes, { maxOutputLength: limits.maxDecompressedBytes });
    } catch (error) {
      if (error.code === "ERR_BUFFER_TOO_LARGE" || error instanceof RangeError) {
        throw new PerfgateError("PROFILE_INVALID", `${source}: decompresses to more than the limit of ${formatBytes(limits.maxDecompressedBytes)} (docs/limits.md)`);
      }
      throw new PerfgateError("PROFILE_INVALID", `${source}: cannot decompress (${describeError(error)})`);
    }
  } else if (bytes.length > limits.maxDecompressedBytes) {
    throw new PerfgateError("PROFILE_INVALID", `${source}: ${formatBytes(bytes.length)} of uncompressed protobuf, more than the limit of ${formatBytes(limits.maxDecompressedBytes)} (docs/limits.md)`);
  }
  const legacy = legacyFormatOf(raw);
  if (legacy) throw refusal(source, legacy);
  let profile;
  try {
    profile = Profile.decode(raw);
  } catch (error) {
    const other = describeOtherFormat(raw);
    if (other) throw refusal(source, other);
    throw new PerfgateError("PROFILE_INVALID", `${source}: not a pprof profile (the protobuf decoder said: ${describeError(error)})`);
  }
  if (raw.length === 0 || profile.sampleType.length === 0 && profile.sample.length === 0 && profile.location.length === 0) {
    throw refusal(source, describeOtherFormat(raw) ?? { what: "not a pprof profile (no sample types, samples or locations)", convert: "check that the file is a profile" });
  }
  checkValid(profile, source, limits);
  for (const sample of profile.sample) {
    const values = sample.value;
    for (let i = 0; i < values.length; i++) if (typeof values[i] === "bigint") values[i] = signed(values[i]);
  }
  return nameUnsymbolizedLocations(profile);
}
function checkProfileFileSize(size, source, limits = DEFAULT_PROFILE_LIMITS) {
  if (size > limits.maxCompressedBytes) {
    throw new PerfgateError("PROFILE_INVALID", `${source}: ${formatBytes(size)}, larger than the limit of ${formatBytes(limits.maxCompressedBytes)} for a profile (docs/limits.md)`);
  }
}
function refusal(source, format) {
  return new PerfgateError("PROFILE_INVALID", `${source}: ${format.what === "empty" ? "the file is empty" : `this is ${format.what}`}; perfgate reads pprof protobuf profiles only: ${format.convert}`);
}
function isGzip(bytes) {
  return bytes[0] === 31 && bytes[1] === 139;
}
function signed(value) {
  return typeof value === "bigint" ? Number(BigInt.asIntN(64, value)) : value;
}

// src/profile/allocation-estimate.ts
function allocationEstimate(size, intervalBytes) {
  if (!(size > 0) || !(intervalBytes > 0)) return { bytes: 0, objects: 0 };
  if (size < 2 * intervalBytes) return { bytes: size, objects: 1 };
  const scale = 1 / (1 - Math.exp(-size / intervalBytes));
  return { bytes: size * scale, objects: scale };
}

// src/profile/call-tree.ts
var ROOT_FRAME = "(root)";
var CallTreeStacks = class {
  constructor(tree, context, tables) {
    this.tree = tree;
    this.context = context;
    this.tables = tables;
  }
  tree;
  context;
  tables;
  resolved = /* @__PURE__ */ new Map();
  files = /* @__PURE__ */ new Map();
  stacks = /* @__PURE__ */ new Map();
  /** The resolved frame of a node, or null for V8's root. */
  frame(nodeId) {
    const known = this.resolved.get(nodeId);
    if (known !== void 0) return known;
    const callFrame = this.callFrame(nodeId);
    let frame = null;
    if (callFrame.functionName !== ROOT_FRAME) frame = resolveFrame(callFrame, this.context, callFrame.functionName === "" ? this.enclosingName(nodeId) : void 0);
    this.resolved.set(nodeId, frame);
    return frame;
  }
  /** The stack of a node as pprof location ids, leaf first; `leafLine` puts the leaf at that line. */
  stack(nodeId, leafLine) {
    const stack = this.callerStack(nodeId);
    const frame = this.frame(nodeId);
    if (leafLine === void 0 || !frame || frame.grouped || stack.length === 0) return stack;
    return [this.tables.location(frame, leafLine), ...stack.slice(1)];
  }
  callerStack(nodeId) {
    const known = this.stacks.get(nodeId);
    if (known) return known;
    const chain = [];
    let current = nodeId;
    while (current !== void 0 && !this.stacks.has(current)) {
      if (chain.length > this.tree.callFrameOf.size) throw new PerfgateError("PROFILE_INVALID", `${this.tree.source}: the parent chain of node ${nodeId} has a cycle`);
      chain.push(current);
      current = this.tree.parentOf.get(current);
    }
    let below = current === void 0 ? [] : this.stacks.get(current);
    for (let i = chain.length - 1; i >= 0; i--) {
      const id = chain[i];
      const frame = this.frame(id);
      if (frame) {
        const location = this.tables.location(frame);
        if (!(frame.grouped && below[0] === location)) below = [location, ...below];
      }
      this.stacks.set(id, below);
    }
    return below;
  }
  callFrame(nodeId) {
    const callFrame = this.tree.callFrameOf.get(nodeId);
    if (!callFrame) throw new PerfgateError("PROFILE_INVALID", `${this.tree.source}: refers to unknown node ${nodeId}`);
    return callFrame;
  }
  fileOf(nodeId) {
    let file = this.files.get(nodeId);
    if (file === void 0) {
      file = fileOfFrame(this.callFrame(nodeId), this.context);
      this.files.set(nodeId, file);
    }
    return file;
  }
  /** The V8 name of the nearest caller in the same file that has one. */
  enclosingName(nodeId) {
    const file = this.fileOf(nodeId);
    if (file === "") return void 0;
    let current = this.tree.parentOf.get(nodeId);
    for (let depth = 0; current !== void 0 && depth <= this.tree.callFrameOf.size; depth++) {
      const callFrame = this.callFrame(current);
      if (callFrame.functionName !== "" && callFrame.functionName !== ROOT_FRAME && this.fileOf(current) === file) return callFrame.functionName;
      current = this.tree.parentOf.get(current);
    }
    return void 0;
  }
};

// src/profile/pprof-tables.ts
function pprofTables() {
  const strings = new StringTable();
  const functions = [];
  const functionIds = /* @__PURE__ */ new Map();
  const locations = [];
  const locationIds = /* @__PURE__ */ new Map();
  return {
    strings,
    functions,
    locations,
    location(frame, line) {
      const key = functionKey(frame.identity);
      let functionId = functionIds.get(key);
      if (functionId === void 0) {
        functionId = functions.length + 1;
        const name = strings.dedup(frame.identity.name);
        const systemName = frame.mapped ? strings.dedup(sourceMappedSystemName(frame.identity.name, frame.scriptPath)) : frame.compiledWithoutMap ? strings.dedup(compiledWithoutMapSystemName(frame.identity.name)) : name;
        functions.push(new Function({ id: functionId, name, systemName, filename: strings.dedup(frame.identity.file), startLine: frame.startLine }));
        functionIds.set(key, functionId);
      }
      const shownLine = line ?? frame.startLine;
      const locationKey = `${functionId}:${shownLine}`;
      let locationId = locationIds.get(locationKey);
      if (locationId === void 0) {
        locationId = locations.length + 1;
        locations.push(new Location({ id: locationId, line: [new Line({ functionId, line: shownLine })] }));
        locationIds.set(locationKey, locationId);
      }
      return locationId;
    }
  };
}
function sourceMappedSystemName(name, scriptPath) {
  return `${name} [${scriptPath.slice(Math.max(scriptPath.lastIndexOf("/"), scriptPath.lastIndexOf("\\")) + 1)}]`;
}
function isSourceMapped(name, systemName) {
  return systemName.length > name.length + 3 && systemName.startsWith(`${name} [`) && systemName.endsWith("]") && !isCompiledWithoutMap(name, systemName);
}
var NO_SOURCE_MAP = "[no source map]";
function compiledWithoutMapSystemName(name) {
  return `${name} ${NO_SOURCE_MAP}`;
}
function isCompiledWithoutMap(name, systemName) {
  return systemName === compiledWithoutMapSystemName(name);
}

// src/profile/v8-heap-to-pprof.ts
var UNATTRIBUTED = { functionName: "(V8)", scriptId: "0", url: "", lineNumber: -1, columnNumber: -1 };
function v8HeapToPprof(v8, context) {
  const callFrameOf = /* @__PURE__ */ new Map();
  const parentOf = /* @__PURE__ */ new Map();
  const pending = [{ node: v8.head, parent: void 0 }];
  while (pending.length > 0) {
    const { node, parent } = pending.pop();
    if (callFrameOf.has(node.id)) throw new PerfgateError("PROFILE_INVALID", `V8 heap profile: node id ${node.id} appears twice`);
    callFrameOf.set(node.id, parent === void 0 ? { ...node.callFrame, functionName: "(root)" } : node.callFrame);
    if (parent !== void 0) parentOf.set(node.id, parent);
    for (const child of node.children ?? []) pending.push({ node: child, parent: node.id });
  }
  const naming = namingContext(context);
  const tables = pprofTables();
  const stacks = new CallTreeStacks({ callFrameOf, parentOf, source: "V8 heap profile" }, naming, tables);
  const rootStack = () => [tables.location({ identity: { name: UNATTRIBUTED.functionName, file: "" }, startLine: 0, scriptPath: "", mapped: false, compiledWithoutMap: false, grouped: false })];
  const totals = /* @__PURE__ */ new Map();
  let stackless = 0;
  for (const [i, sample] of (v8.samples ?? []).entries()) {
    if (!Number.isFinite(sample.size) || sample.size < 0) throw new PerfgateError("PROFILE_INVALID", `V8 heap profile: sample ${i} has size ${sample.size}`);
    const nodeId = callFrameOf.has(sample.nodeId) ? sample.nodeId : v8.head.id;
    if (nodeId !== sample.nodeId) stackless += 1;
    const estimate = allocationEstimate(sample.size, context.samplingIntervalBytes);
    const entry = totals.get(nodeId) ?? { bytes: 0, objects: 0 };
    entry.bytes += estimate.bytes;
    entry.objects += estimate.objects;
    totals.set(nodeId, entry);
  }
  const samples = /* @__PURE__ */ new Map();
  for (const [nodeId, total] of totals) {
    const stack = stacks.stack(nodeId);
    const locations = stack.length > 0 ? stack : rootStack();
    const key = locations.join(",");
    const value = [Math.round(total.objects), Math.round(total.bytes)];
    const existing = samples.get(key);
    if (existing) existing.value = existing.value.map((v, i) => Number(v) + value[i]);
    else samples.set(key, new Sample({ locationId: [...locations], value }));
  }
  const s = tables.strings;
  const spaceType = new ValueType({ type: s.dedup("space"), unit: s.dedup("bytes") });
  const sampleType = [new ValueType({ type: s.dedup("alloc_objects"), unit: s.dedup("count") }), new ValueType({ type: s.dedup("alloc_space"), unit: s.dedup("bytes") })];
  return new Profile({
    sampleType,
    sample: [...samples.values()],
    location: tables.locations,
    function: tables.functions,
    stringTable: s,
    timeNanos: BigInt(Math.round(context.startedAtMs)) * 1000000n,
    durationNanos: Math.max(0, Math.round(context.durationMs * 1e6)),
    periodType: spaceType,
    period: context.samplingIntervalBytes,
    // pprof shows alloc_space unless told otherwise, as for Go's allocation profiles.
    defaultSampleType: s.dedup("alloc_space"),
    comment: [...context.comments ?? [], ...stackless > 0 ? [`perfgate: ${stackless} allocation samples had no stack in V8's tree (counted as ${UNATTRIBUTED.functionName})`] : []].map(
      (comment) => s.dedup(comment)
    )
  });
}

// src/profile/apportion.ts
function apportion(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (sum <= 0) return weights.map((_, i) => i === 0 ? total : 0);
  const exact = weights.map((w) => total * w / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((value, index) => ({ index, remainder: value - Math.floor(value) })).sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let i = 0; left > 0 && order.length > 0; i = (i + 1) % order.length, left--) parts[order[i].index] += 1;
  return parts;
}

// src/profile/v8-to-pprof.ts
function v8ToPprof(v8, context) {
  const byId = /* @__PURE__ */ new Map();
  for (const node of v8.nodes) {
    if (byId.has(node.id)) throw new PerfgateError("PROFILE_INVALID", `V8 profile: node id ${node.id} appears twice`);
    byId.set(node.id, node);
  }
  const parentOf = /* @__PURE__ */ new Map();
  for (const node of v8.nodes) {
    for (const child of node.children ?? []) {
      if (!byId.has(child)) throw new PerfgateError("PROFILE_INVALID", `V8 profile: node ${node.id} lists unknown child ${child}`);
      if (parentOf.has(child)) throw new PerfgateError("PROFILE_INVALID", `V8 profile: node ${child} has two parents`);
      parentOf.set(child, node.id);
    }
  }
  const callFrameOf = new Map([...byId].map(([id, node]) => [id, node.callFrame]));
  const naming = namingContext(context);
  const tables = pprofTables();
  const stacks = new CallTreeStacks({ callFrameOf, parentOf, source: "V8 profile" }, naming, tables);
  const samples = v8.samples ?? [];
  const intervalNanos = context.samplingIntervalUs * 1e3;
  const counts = /* @__PURE__ */ new Map();
  for (let i = 0; i < samples.length; i++) {
    const nodeId = samples[i];
    const node = byId.get(nodeId);
    if (!node) throw new PerfgateError("PROFILE_INVALID", `V8 profile: sample ${i} refers to unknown node ${nodeId}`);
    if (node.callFrame.functionName === IDLE_FRAME) continue;
    counts.set(nodeId, (counts.get(nodeId) ?? 0) + 1);
  }
  const pprofSamples = /* @__PURE__ */ new Map();
  const add = (stack, count, nanos) => {
    if (stack.length === 0 || count === 0 && nanos === 0) return;
    const key = stack.join(",");
    const existing = pprofSamples.get(key);
    if (existing) existing.value = [Number(existing.value[0]) + count, Number(existing.value[1]) + nanos];
    else pprofSamples.set(key, new Sample({ locationId: [...stack], value: [count, nanos] }));
  };
  for (const [nodeId, count] of counts) {
    const frame = stacks.frame(nodeId);
    if (!frame) continue;
    const nanos = Math.round(count * intervalNanos);
    const lines = tickLines(byId.get(nodeId), frame, naming);
    if (lines.length === 0) {
      add(stacks.stack(nodeId), count, nanos);
      continue;
    }
    const weights = lines.map((l) => l.ticks);
    const countsByLine = apportion(count, weights);
    const nanosByLine = apportion(nanos, weights);
    lines.forEach((l, i) => add(stacks.stack(nodeId, l.line), countsByLine[i], nanosByLine[i]));
  }
  const cpuType = new ValueType({ type: tables.strings.dedup("cpu"), unit: tables.strings.dedup("nanoseconds") });
  const durationMicros = Math.max(0, v8.endTime - v8.startTime);
  return new Profile({
    sampleType: [new ValueType({ type: tables.strings.dedup("samples"), unit: tables.strings.dedup("count") }), cpuType],
    sample: [...pprofSamples.values()],
    location: tables.locations,
    function: tables.functions,
    stringTable: tables.strings,
    timeNanos: BigInt(Math.round(context.startedAtMs)) * 1000000n,
    durationNanos: durationMicros * 1e3,
    periodType: cpuType,
    period: intervalNanos,
    comment: (context.comments ?? []).map((comment) => tables.strings.dedup(comment))
  });
}
function tickLines(node, frame, naming) {
  if (frame.grouped || !node.positionTicks || node.positionTicks.length === 0) return [];
  const byLine = /* @__PURE__ */ new Map();
  for (const tick of node.positionTicks) {
    if (!(tick.ticks > 0)) continue;
    let line = tick.line;
    if (frame.mapped) {
      const original = naming.sources.originalLine(frame.scriptPath, tick.line);
      line = original && displayFile(original.path, naming) === frame.identity.file ? original.line : frame.startLine;
    }
    byLine.set(line, (byLine.get(line) ?? 0) + tick.ticks);
  }
  return [...byLine].map(([line, ticks]) => ({ line, ticks })).sort((a, b) => a.line - b.line);
}

// src/profile/scale.ts
function scaleToRequests(profile, requests, source) {
  const own = requestsOf(profile);
  if (own === void 0 || own <= 0) throw new PerfgateError("PROFILE_INVALID", `${source}: the profile does not say how many requests it covers (no "perfgate: requests=N" comment)`);
  if (own === requests) return profile;
  const factor = requests / own;
  const strings = profile.stringTable;
  const kept = profile.comment.filter((c) => !REQUESTS_COMMENT.test(strings.strings[Number(c)] ?? ""));
  return new Profile({
    ...scaleProfile(profile, factor),
    comment: [strings.dedup(`perfgate: requests=${requests}`), ...kept, strings.dedup(`perfgate: scaled \xD7${factor.toPrecision(6)} from ${own} requests, to compare with ${requests}`)]
  });
}
function scaleProfile(profile, factor) {
  return new Profile({
    ...profile,
    sample: profile.sample.map((s) => new Sample({ locationId: s.locationId, label: s.label, value: s.value.map((v) => Math.round(Number(v) * factor)) }))
  });
}
function scaledLike(baseline, candidate, source) {
  const requests = requestsOf(candidate);
  return requests === void 0 || requestsOf(baseline) === void 0 ? baseline : scaleToRequests(baseline, requests, source);
}

// src/profile/comments.ts
function withComments(profile, comments) {
  const strings = profile.stringTable;
  return new Profile({ ...profile, comment: [...profile.comment, ...comments.map((c) => strings.dedup(c))] });
}

// src/profile/delta.ts
function subtractProfile(after, before, source) {
  const merged = mergeProfiles([after, scaleProfile(before, -1)], source);
  const strings = merged.stringTable;
  return new Profile({
    ...merged,
    sample: merged.sample.filter((s) => s.value.some((v) => Number(v) !== 0)),
    timeNanos: before.timeNanos,
    durationNanos: Math.max(0, Number(after.timeNanos) - Number(before.timeNanos)),
    comment: [strings.dedup(`perfgate: delta of two snapshots (${source})`)]
  });
}

// src/profile/keep-sample-types.ts
function keepSampleTypes(profile, names) {
  const strings = profile.stringTable.strings;
  const indexes = names.map((name) => profile.sampleType.findIndex((t) => strings[Number(t.type)] === name));
  if (indexes.some((i) => i < 0)) return profile;
  const sample = profile.sample.map((s) => new Sample({ locationId: s.locationId, label: s.label, value: indexes.map((i) => s.value[i] ?? 0) })).filter((s) => s.value.some((v) => Number(v) !== 0));
  return new Profile({ ...profile, sampleType: indexes.map((i) => profile.sampleType[i]), sample, defaultSampleType: 0 });
}

// src/profile/relative-files.ts
function relativeFileNames(profile, root) {
  const prefix = `${root.replace(/\\/g, "/").replace(/\/+$/, "")}/`;
  const strings = profile.stringTable;
  let changed = false;
  const functions = profile.function.map((f) => {
    const file = (strings.strings[Number(f.filename)] ?? "").replace(/\\/g, "/");
    if (!file.startsWith(prefix)) return f;
    changed = true;
    return new Function({ id: f.id, name: f.name, systemName: f.systemName, filename: strings.dedup(file.slice(prefix.length)), startLine: f.startLine });
  });
  return changed ? new Profile({ ...profile, function: functions }) : profile;
}

// src/profile/symbolication.ts
var SYMBOLICATION_TARGET = 0.95;
var VM_FRAMES = /* @__PURE__ */ new Set(["(garbage collector)", "(program)", "(idle)", "(root)"]);
function symbolication(profile, sampleType, source) {
  const types = sampleTypes(profile);
  const index = types.indexOf(sampleType);
  if (index < 0) throw new PerfgateError("PROFILE_INVALID", `${source}: no sample type "${sampleType}" (the profile has ${types.map((t) => `"${t}"`).join(", ") || "none"})`);
  const strings = profile.stringTable.strings;
  const functions = new Map(
    profile.function.map((f) => {
      const name = strings[Number(f.name)] ?? "";
      const systemName = strings[Number(f.systemName)] ?? "";
      return [String(f.id), { name, file: strings[Number(f.filename)] ?? "", startLine: Number(f.startLine), mapped: isSourceMapped(name, systemName), compiled: isCompiledWithoutMap(name, systemName) }];
    })
  );
  const locations = new Map(profile.location.map((l) => [String(l.id), l]));
  let total = 0;
  let symbolized = 0;
  let vm = 0;
  const missing = /* @__PURE__ */ new Map();
  let native = 0;
  let mapped = 0;
  const compiled = /* @__PURE__ */ new Map();
  for (const sample of profile.sample) {
    const value = Number(sample.value[index] ?? 0);
    if (!(value > 0)) continue;
    const frames = framesOf(sample.locationId, locations, functions);
    const leaf = frames[0] ?? UNKNOWN;
    if (VM_FRAMES.has(leaf.name) && leaf.file === "") {
      vm += value;
      continue;
    }
    total += value;
    const found = sourceOf(frames);
    if (found.symbolized) {
      symbolized += value;
      if (found.throughNative) native += value;
      if (found.frame.mapped) mapped += value;
      if (found.frame.compiled) {
        const key = `${found.frame.file}#${found.frame.name}`;
        const entry2 = compiled.get(key) ?? { name: found.frame.name, file: found.frame.file, value: 0 };
        entry2.value += value;
        compiled.set(key, entry2);
      }
      continue;
    }
    const culprit = found.frame;
    const entry = missing.get(culprit.name) ?? { cause: causeOf(culprit.name, culprit.file), value: 0 };
    entry.value += value;
    missing.set(culprit.name, entry);
  }
  const largestUnsymbolized = [...missing].sort((a, b) => b[1].value - a[1].value || a[0].localeCompare(b[0])).slice(0, 5).map(([name, { cause, value }]) => ({ name, cause, share: value / total }));
  return {
    sampleType,
    rate: total > 0 ? symbolized / total : 1,
    symbolized,
    total,
    nativeShare: total > 0 ? native / total : 0,
    sourceMappedShare: total > 0 ? mapped / total : 0,
    vmShare: vm + total > 0 ? vm / (vm + total) : 0,
    largestUnsymbolized,
    compiledWithoutMapShare: total > 0 ? [...compiled.values()].reduce((sum, c) => sum + c.value, 0) / total : 0,
    largestCompiledWithoutMap: [...compiled.values()].sort((a, b) => b.value - a.value || a.file.localeCompare(b.file) || a.name.localeCompare(b.name)).slice(0, 5).map(({ name, file, value }) => ({ name, file, share: value / total }))
  };
}
var UNKNOWN = { name: "<unknown>", file: "", line: 0, mapped: false, compiled: false };
function framesOf(locationIds, locations, functions) {
  const frames = [];
  for (const id of locationIds) {
    const location = locations.get(String(id));
    if (!location || location.line.length === 0) {
      frames.push(UNKNOWN);
      continue;
    }
    for (const line of location.line) {
      const fn = functions.get(String(line.functionId));
      frames.push(fn ? { name: fn.name, file: fn.file, line: Number(line.line) > 0 ? Number(line.line) : fn.startLine, mapped: fn.mapped, compiled: fn.compiled } : UNKNOWN);
    }
  }
  return frames;
}
function sourceOf(frames) {
  const leaf = frames[0] ?? UNKNOWN;
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i];
    if (frame.file !== "") return { symbolized: frame.line > 0 || isGroup(frame), throughNative: i > 0, frame };
    if (isAddress(frame.name)) return { symbolized: false, throughNative: false, frame };
  }
  return { symbolized: false, throughNative: false, frame: leaf };
}
function isAddress(name) {
  return name === "<unknown>" || name === "" || /^\[.*\]$/.test(name);
}
function causeOf(name, file) {
  if (file !== "") return "no-line";
  if (/^\[.*\]$/.test(name)) return "stripped-binary";
  if (isAddress(name)) return "unknown-address";
  if (/\beval\b|^anonymous$|evalmachine/.test(name)) return "eval";
  return "native-code";
}
var CAUSE_TEXT = {
  "stripped-binary": "addresses in a binary without symbols: it was stripped (`-ldflags=-s -w`, `strip`) or its symbols were not where the profile was symbolized",
  "unknown-address": "addresses with no binary named for them: a profile written without symbols or its binary's name (symbolize it against the binary: `go tool pprof -symbolize=local BINARY FILE`), or JIT-compiled code",
  eval: "code compiled from a string (eval, new Function), which has no file",
  "native-code": "native code (C++ builtins, addons, JVM intrinsics), which has no source file",
  "no-line": "files without line tables: the binary has no debug line information, or for compiled JavaScript no source map was found"
};
function symbolicationWarning(s, what) {
  if (s.rate >= SYMBOLICATION_TARGET || s.total === 0) return null;
  const frames = s.largestUnsymbolized.map((f) => `${f.name} ${(f.share * 100).toFixed(1)}%`).join(", ");
  const causes = [...new Set(s.largestUnsymbolized.map((f) => f.cause))].map((c) => CAUSE_TEXT[c]);
  return `Only ${(s.rate * 100).toFixed(1)}% of ${what} can be traced to a source file and line (target ${SYMBOLICATION_TARGET * 100}%): the rest is reported under frames without source. Largest: ${frames}. Likely cause: ${causes.join("; ")}.`;
}
function sourceMapWarning(s, what) {
  if (s.compiledWithoutMapShare <= 0 || s.rate - s.compiledWithoutMapShare >= SYMBOLICATION_TARGET || s.total === 0) return null;
  const frames = s.largestCompiledWithoutMap.map((f) => `${f.name} (${f.file}) ${(f.share * 100).toFixed(1)}%`).join(", ");
  return `No source map: ${(s.compiledWithoutMapShare * 100).toFixed(1)}% of ${what} is in compiled JavaScript whose source map was not found, so its files and lines are the generated code's; ${((s.rate - s.compiledWithoutMapShare) * 100).toFixed(1)}% can be traced to the code as written (target ${SYMBOLICATION_TARGET * 100}%). Largest: ${frames}. Build with a source map (tsc --sourceMap, esbuild --sourcemap) and keep the .map file where the script's sourceMappingURL comment points.`;
}

export {
  DEFAULT_PROFILE_LIMITS,
  encodePprofGzip,
  decodePprof,
  checkProfileFileSize,
  v8HeapToPprof,
  v8ToPprof,
  scaledLike,
  withComments,
  subtractProfile,
  keepSampleTypes,
  relativeFileNames,
  symbolication,
  symbolicationWarning,
  sourceMapWarning
};
