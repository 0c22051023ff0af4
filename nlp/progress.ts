/** Training progress: a cli-progress bar on a terminal, plain lines in logs and CI. */
import { SingleBar, Presets } from 'cli-progress';
import type { TrainProgress } from './train';

export function consoleProgress(stream: NodeJS.WriteStream): TrainProgress {
  if (stream.isTTY) {
    const bar = new SingleBar({ stream, format: 'training [{bar}] {value}/{total} {step}', hideCursor: true }, Presets.shades_classic);
    return {
      start: (total, what) => bar.start(total, 0, { step: what }),
      tick: (what) => bar.increment(1, { step: what }),
      stop: () => bar.stop(),
    };
  }
  let total = 0;
  let done = 0;
  return {
    start: (n, what) => {
      total = n;
      stream.write(`training: ${what}, ${n} steps\n`);
    },
    tick: (what) => {
      done++;
      stream.write(`training: ${done}/${total} ${what}\n`);
    },
    stop: () => stream.write('training: done\n'),
  };
}
