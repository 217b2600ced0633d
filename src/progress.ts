/**
 * A one-line progress counter for long imports and builds, on standard error and only
 * on a terminal: piped or logged output gets just the final report.
 */
export interface Progress {
  update(done: number): void;
  done(): void;
}

export function progress(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < 20) return { update() {}, done() {} };
  let last = -1;
  let lastTime = 0;
  const draw = (done: number) => {
    const width = 24;
    // Never past the end, whatever a caller counts.
    const filled = Math.min(width, Math.max(0, Math.round((done / total) * width)));
    stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`);
  };
  return {
    update(done) {
      const now = Date.now();
      if (done === last || (now - lastTime < 50 && done < total)) return;
      last = done;
      lastTime = now;
      draw(done);
    },
    done() {
      stream.write("\r\u001b[2K");
    },
  };
}
