import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import {
  functionKey,
  stringAtOf
} from "./chunk-TPCATKFW.js";
import {
  PerfgateError
} from "./chunk-RXSKCGKU.js";

// src/analysis/function-table.ts
function functionTable(profile, source, valueType = "cpu") {
  const stringAt = stringAtOf(profile, source);
  const types = profile.sampleType.map((t) => stringAt(t.type, "a sample type"));
  let valueIndex = types.indexOf(valueType);
  if (valueIndex < 0) valueIndex = types.length - 1;
  if (valueIndex < 0) throw new PerfgateError("PROFILE_INVALID", `${source}: the profile has no sample types`);
  const slotOfKey = /* @__PURE__ */ new Map();
  const keys = [];
  const names = [];
  const files = [];
  const slotOfFunction = /* @__PURE__ */ new Map();
  for (const fn of profile.function) {
    const name = stringAt(fn.name, `function ${fn.id}'s name`);
    const file = stringAt(fn.filename, `function ${fn.id}'s file name`);
    const key = functionKey({ name, file });
    let slot = slotOfKey.get(key);
    if (slot === void 0) {
      slot = keys.length;
      slotOfKey.set(key, slot);
      keys.push(key);
    }
    names[slot] = name;
    files[slot] = file;
    slotOfFunction.set(idOf(fn.id), slot);
  }
  const locations = profile.location;
  const offsets = new Int32Array(locations.length + 1);
  for (let i = 0; i < locations.length; i++) offsets[i + 1] = offsets[i] + locations[i].line.length;
  const flat = new Int32Array(offsets[locations.length]);
  const dense = locations.every((location, i) => Number(location.id) === i + 1);
  const indexOfLocation = dense ? void 0 : /* @__PURE__ */ new Map();
  for (let i = 0; i < locations.length; i++) {
    const location = locations[i];
    for (let l = 0; l < location.line.length; l++) {
      const slot = slotOfFunction.get(idOf(location.line[l].functionId));
      if (slot === void 0) throw new PerfgateError("PROFILE_INVALID", `${source}: location ${location.id} refers to unknown function ${location.line[l].functionId}`);
      flat[offsets[i] + l] = slot;
    }
    indexOfLocation?.set(idOf(location.id), i);
  }
  const perSlot = new Float64Array(3 * keys.length);
  const order = [];
  let sum = 0;
  let sampleNumber = 0;
  for (const sample of profile.sample) {
    sampleNumber += 1;
    const value = Number(sample.value[valueIndex] ?? 0);
    if (!Number.isFinite(value)) throw new PerfgateError("PROFILE_INVALID", `${source}: a sample has a non-finite value`);
    if (value === 0) continue;
    sum += value;
    let leaf = true;
    for (const locationId of sample.locationId) {
      const index = indexOfLocation ? indexOfLocation.get(idOf(locationId)) : denseIndex(locationId, locations.length);
      if (index === void 0) throw new PerfgateError("PROFILE_INVALID", `${source}: a sample refers to unknown location ${locationId}`);
      for (let k = offsets[index], end = offsets[index + 1]; k < end; k++) {
        const at = 3 * flat[k];
        if (leaf) {
          perSlot[at] += value;
          leaf = false;
        }
        if (perSlot[at + 2] !== sampleNumber) {
          if (perSlot[at + 2] === 0) order.push(at / 3);
          perSlot[at + 2] = sampleNumber;
          perSlot[at + 1] += value;
        }
      }
    }
  }
  const functions = /* @__PURE__ */ Object.create(null);
  for (const slot of order) {
    functions[keys[slot]] = { name: names[slot], file: files[slot], selfNanos: perSlot[3 * slot], totalNanos: perSlot[3 * slot + 1] };
  }
  return { total: sum, functions };
}
function denseIndex(id, count) {
  const index = Number(id) - 1;
  return Number.isInteger(index) && index >= 0 && index < count ? index : void 0;
}
function idOf(id) {
  if (typeof id === "number") return id;
  return id <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(id) : String(id);
}

export {
  functionTable
};
