// A one-line progress bar for training: percentage, words/s and ETA, redrawn in place on a TTY.
export function formatProgress(done: number, total: number, seconds: number, width = 30): string {
  const frac = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(frac * width);
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 ? (total - done) / rate : 0;
  const mmss = (s: number) => `${Math.floor(s / 60)}:${String(Math.floor(s % 60)).padStart(2, '0')}`;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(100 * frac).toFixed(1).padStart(5)}%  ${(rate / 1000).toFixed(0).padStart(4)}k words/s  ETA ${mmss(eta)}`;
}

/** A progress callback for train(): in place on a terminal, a line every 10% in logs. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (done: number, total: number, seconds: number) => void {
  let lastDecile = -1;
  return (done, total, seconds) => {
    const line = formatProgress(done, total, seconds);
    if (stream.isTTY) stream.write(`\r${line}${done >= total ? '\n' : ''}`);
    else {
      const decile = Math.floor((10 * done) / Math.max(1, total));
      if (decile !== lastDecile) stream.write(line + '\n');
      lastDecile = decile;
    }
  };
}
