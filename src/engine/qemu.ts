/**
 * QEMU, only where needed: which requested platforms the host runs natively, which emulators binfmt_misc
 * already has, and which must be installed (`docker run --privileged --rm <qemu-image> --install <arches>`).
 */
import {readFileSync, readdirSync} from 'node:fs';
import {parsePlatform, type Platform} from '../lib/platform.js';

export type QemuMode = 'auto' | 'true' | 'false';

/** binfmt_misc entry names (qemu-<name>) for OCI architectures. */
const QEMU_NAME: Record<string, string> = {
  arm64: 'aarch64',
  arm: 'arm',
  amd64: 'x86_64',
  '386': 'i386',
  ppc64le: 'ppc64le',
  ppc64: 'ppc64',
  s390x: 's390x',
  riscv64: 'riscv64',
  mips64le: 'mips64el',
  mips64: 'mips64',
  loong64: 'loongarch64'
};

/** Architectures a host runs without emulation. */
const NATIVE: Record<string, string[]> = {
  amd64: ['amd64', '386'],
  arm64: ['arm64'],
  arm: ['arm'],
  ppc64le: ['ppc64le'],
  s390x: ['s390x'],
  riscv64: ['riscv64']
};

export interface QemuPlan {
  native: string[];
  registered: string[];
  missing: string[];
  /** What the step will do, in words, for the log and the summary. */
  action: 'none' | 'install' | 'skip';
  reason: string;
}

/** Emulators binfmt_misc has and enables (entries like `qemu-aarch64`); the seam's read of the host. */
export function registeredEmulators(dir = '/proc/sys/fs/binfmt_misc'): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter(n => {
    if (!n.startsWith('qemu-')) return false;
    try {
      return readFileSync(`${dir}/${n}`, 'utf8').split('\n')[0].trim() === 'enabled';
    } catch {
      return false;
    }
  }).map(n => n.slice('qemu-'.length));
}

/** The binfmt_misc entry name (without `qemu-`) of an OCI architecture's emulator. */
export function emulatorName(arch: string): string {
  return QEMU_NAME[arch] ?? arch;
}

/** Pure: the QEMU work for these platforms on this host, given the emulators already registered. */
export function planQemu(platforms: string[], host: Platform, registered: string[], mode: QemuMode): QemuPlan {
  const archs = [...new Set(platforms.map(p => parsePlatform(p).arch))];
  const native = archs.filter(a => (NATIVE[host.arch] ?? [host.arch]).includes(a));
  const foreign = archs.filter(a => !native.includes(a));
  const have = foreign.filter(a => registered.includes(QEMU_NAME[a] ?? a));
  const missing = mode === 'true' ? foreign : foreign.filter(a => !have.includes(a));
  const list = (xs: string[]) => xs.join(', ');
  if (foreign.length === 0) return {native, registered: have, missing: [], action: 'none', reason: `every platform is native to this ${host.arch} host (${list(native)}): QEMU not needed`};
  if (mode === 'false') return {native, registered: have, missing: [], action: 'skip', reason: `setup-qemu: false (emulating ${list(foreign)} relies on what the host has${have.length ? `: ${list(have)} registered` : ''})`};
  if (missing.length === 0) return {native, registered: have, missing, action: 'none', reason: `emulators already registered for ${list(have)}: nothing to install`};
  return {native, registered: have, missing, action: 'install', reason: `installing emulators for ${list(missing)}${have.length ? ` (already registered: ${list(have)})` : ''}`};
}
