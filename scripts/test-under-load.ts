/**
 * `npm run test:loaded [-- runs]`: the whole suite with two busy loops competing for the CPU, as a
 * loaded CI machine would run it; `runs` times in a row (default 1), stopping at the first failure.
 * A test that fails only here has a race in the code or in the test.
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

const runs = Number(process.argv[2] ?? 1);
if (!Number.isInteger(runs) || runs < 1) {
  console.error('usage: npm run test:loaded -- [number of runs, default 1]');
  process.exit(2);
}
const loops = Array.from({ length: 2 }, () =>
  spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }),
);
const stopLoops = () => {
  for (const loop of loops) loop.kill('SIGKILL');
};
process.on('exit', stopLoops);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

console.log(`${loops.length} busy loops on ${availableParallelism()} cores; ${runs} run(s) of the suite.`);
let code = 0;
for (let run = 1; run <= runs && code === 0; run++) {
  const started = Date.now();
  const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run'], { stdio: 'inherit' });
  code = result.status ?? 1;
  console.log(
    `run ${run}/${runs}: ${code === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`,
  );
}
process.exit(code);
