import { createRequire as __perfgateCreateRequire } from 'node:module'; const require = __perfgateCreateRequire(import.meta.url);
import "./chunk-45BS2XPL.js";

// src/gate/progress.ts
function consoleProgress(stream = process.stderr, env = process.env) {
  const inActions = env.GITHUB_ACTIONS === "true";
  const tty = Boolean(stream.isTTY) && !inActions;
  let lastStatusAt = 0;
  let statusShown = false;
  const clearStatus = () => {
    if (tty && statusShown) stream.write("\r\x1B[2K");
    statusShown = false;
  };
  return {
    async phase(title, work) {
      clearStatus();
      stream.write(inActions ? `::group::${title}
` : `\u25B8 ${title}
`);
      try {
        return await work();
      } finally {
        clearStatus();
        if (inActions) stream.write("::endgroup::\n");
      }
    },
    line(text) {
      clearStatus();
      stream.write(`${text}
`);
    },
    status(text) {
      if (tty) {
        stream.write(`\r\x1B[2K  ${text}`);
        statusShown = true;
        return;
      }
      const now = Date.now();
      if (now - lastStatusAt >= 2e3) {
        lastStatusAt = now;
        stream.write(`  ${text}
`);
      }
    }
  };
}
var silentProgress = {
  phase: (_title, work) => work(),
  line: () => void 0,
  status: () => void 0
};
export {
  consoleProgress,
  silentProgress
};
