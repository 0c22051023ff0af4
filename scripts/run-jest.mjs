// Runs the jest suite in two phases. The tests that start the real server as a child process and
// time its start-up run last and one at a time: on a 2-core machine, competing with two busy jest
// workers would measure the machine's load, not the server. With arguments, jest runs as asked.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const env = { ...process.env, NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules'].filter(Boolean).join(' ') };
const jest = (extra) => spawnSync(process.execPath, ['node_modules/jest/bin/jest.js', ...extra], { stdio: 'inherit', env }).status ?? 1;

if (args.length) process.exit(jest(args));
const first = jest(['--testPathIgnorePatterns', '/test/process/']);
const second = jest(['--runInBand', 'test/process/']);
process.exit(first || second);
