"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/agent/agent.ts
var import_node_fs = require("node:fs");
var import_node_inspector = require("node:inspector");
var import_node_net = __toESM(require("node:net"), 1);

// src/agent/protocol.ts
var AGENT_SOCKET_ENV = "PERFGATE_AGENT_SOCKET";

// src/agent/agent.ts
var socketPath = process.env[AGENT_SOCKET_ENV];
if (socketPath) install(socketPath);
function install(controlPath) {
  const originalListen = import_node_net.default.Server.prototype.listen;
  let registered = false;
  import_node_net.default.Server.prototype.listen = function listen(...args) {
    if (!registered) {
      registered = true;
      delete process.env[AGENT_SOCKET_ENV];
      this.once("listening", () => connect(controlPath, this));
    }
    return originalListen.apply(this, args);
  };
}
function connect(controlPath, server) {
  const address = server.address();
  const control = import_node_net.default.createConnection(controlPath);
  const session = new import_node_inspector.Session();
  let window;
  let closing = false;
  const send = (message) => control.write(`${JSON.stringify(message)}
`);
  control.on("connect", () => {
    send({
      type: "hello",
      pid: process.pid,
      nodeVersion: process.versions.node,
      v8Version: process.versions.v8,
      address: address === null ? { path: "" } : typeof address === "string" ? { path: address } : { port: address.port, host: address.address }
    });
  });
  let buffered = "";
  control.setEncoding("utf8");
  control.on("data", (chunk) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() !== "") void handle(JSON.parse(line));
    }
  });
  const orphaned = () => {
    if (closing) return;
    closing = true;
    process.kill(process.pid, "SIGTERM");
    setTimeout(() => process.exit(137), 2e3).unref();
  };
  control.on("close", orphaned);
  control.on("error", orphaned);
  async function handle(command) {
    try {
      if (command.cmd === "start") {
        session.connect();
        await post("Profiler.enable");
        await post("Profiler.setSamplingInterval", { interval: command.cpuSamplingIntervalUs });
        await post("HeapProfiler.startSampling", {
          samplingInterval: command.allocationSamplingIntervalBytes,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: true
        });
        window = { cpu: process.cpuUsage(), wallNanos: process.hrtime.bigint() };
        await post("Profiler.start");
        send({ type: "reply", id: command.id, ok: true });
      } else {
        const cpu = await post("Profiler.stop");
        const usage = usageSince(window);
        const heap = await post("HeapProfiler.stopSampling");
        await post("Profiler.disable");
        session.disconnect();
        writeWhole(command.cpuProfilePath, JSON.stringify(cpu.profile));
        writeWhole(command.heapProfilePath, JSON.stringify(heap.profile));
        send({ type: "reply", id: command.id, ok: true, ...usage ? { usage } : {} });
      }
    } catch (error) {
      send({ type: "reply", id: command.id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  }
  function post(method, params) {
    return new Promise((resolve, reject) => {
      session.post(method, params ?? {}, (error, result) => error ? reject(error) : resolve(result));
    });
  }
}
function writeWhole(path, text) {
  const temporary = `${path}.${process.pid}.tmp`;
  (0, import_node_fs.writeFileSync)(temporary, text);
  (0, import_node_fs.renameSync)(temporary, path);
}
function usageSince(window) {
  if (!window) return void 0;
  const cpu = process.cpuUsage(window.cpu);
  return {
    cpuMicros: cpu.user + cpu.system,
    wallMicros: Number((process.hrtime.bigint() - window.wallNanos) / 1000n),
    maxRssBytes: process.resourceUsage().maxRSS * 1024
  };
}
