/** What the figures were measured on. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

export interface MachineInfo {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  chromium: string;
  platform: string;
  gitCommit: string;
  gitDirty: boolean;
  /** 1-minute load average when the run started: other work on the machine shows up in the timings. */
  loadAverage: number;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    return line?.split(':')[1]?.trim() ?? os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

export function chromiumVersion(): string {
  const result = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' });
  return /Chromium [\d.]+/.exec(result.stdout)?.[0] ?? 'not found';
}

function git(args: string[]): string {
  const result = spawnSync('git', args, { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : '';
}

export function machineInfo(): MachineInfo {
  const nproc = spawnSync('nproc', { encoding: 'utf8' });
  return {
    date: new Date().toISOString(),
    cpus: Number.parseInt(nproc.stdout, 10) || os.availableParallelism(),
    cpuModel: cpuModel(),
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium: chromiumVersion(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    gitCommit: git(['rev-parse', '--short', 'HEAD']) || 'unknown',
    gitDirty: git(['status', '--porcelain']) !== '',
    loadAverage: os.loadavg()[0] ?? Number.NaN,
  };
}
