import {afterAll, describe, expect, test} from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import {planQemu, registeredEmulators, type QemuMode, type QemuPlan} from '../../../src/engine/qemu.js';
import type {Platform} from '../../../src/lib/platform.js';
import {removeTempDirs, tempDir} from '../../support/git.js';

afterAll(() => removeTempDirs());

const AMD64: Platform = {os: 'linux', arch: 'amd64'};
const ARM64: Platform = {os: 'linux', arch: 'arm64'};

describe('planQemu', () => {
  test.each<[string, string[], Platform, string[], QemuMode, Pick<QemuPlan, 'native' | 'registered' | 'missing' | 'action'>]>([
    // [title, platforms, host, registered, mode, plan]
    ['native only on amd64', ['linux/amd64'], AMD64, [], 'auto', {native: ['amd64'], registered: [], missing: [], action: 'none'}],
    ['386 is native on amd64', ['linux/amd64', 'linux/386'], AMD64, [], 'auto', {native: ['amd64', '386'], registered: [], missing: [], action: 'none'}],
    ['native only on arm64', ['linux/arm64'], ARM64, [], 'auto', {native: ['arm64'], registered: [], missing: [], action: 'none'}],
    ['native only, even with setup-qemu: true', ['linux/amd64'], AMD64, [], 'true', {native: ['amd64'], registered: [], missing: [], action: 'none'}],
    ['native only, setup-qemu: false', ['linux/arm64'], ARM64, [], 'false', {native: ['arm64'], registered: [], missing: [], action: 'none'}],
    ['arm64 on amd64, aarch64 registered', ['linux/amd64', 'linux/arm64'], AMD64, ['aarch64'], 'auto', {native: ['amd64'], registered: ['arm64'], missing: [], action: 'none'}],
    ['arm64 on amd64, nothing registered', ['linux/amd64', 'linux/arm64'], AMD64, [], 'auto', {native: ['amd64'], registered: [], missing: ['arm64'], action: 'install'}],
    ['arm64 on amd64, only another emulator registered', ['linux/amd64', 'linux/arm64'], AMD64, ['riscv64'], 'auto', {native: ['amd64'], registered: [], missing: ['arm64'], action: 'install'}],
    ['some registered, some missing', ['linux/amd64', 'linux/arm64', 'linux/s390x', 'linux/ppc64le'], AMD64, ['aarch64'], 'auto', {native: ['amd64'], registered: ['arm64'], missing: ['s390x', 'ppc64le'], action: 'install'}],
    ['linux/arm/v7 needs qemu-arm', ['linux/amd64', 'linux/arm/v7'], AMD64, ['arm'], 'auto', {native: ['amd64'], registered: ['arm'], missing: [], action: 'none'}],
    ['linux/arm/v7 and linux/arm/v6 are one emulator', ['linux/arm/v7', 'linux/arm/v6'], AMD64, [], 'auto', {native: [], registered: [], missing: ['arm'], action: 'install'}],
    ['amd64 on arm64 needs qemu-x86_64', ['linux/amd64', 'linux/arm64'], ARM64, ['x86_64'], 'auto', {native: ['arm64'], registered: ['amd64'], missing: [], action: 'none'}],
    ['386 is foreign on arm64', ['linux/386'], ARM64, [], 'auto', {native: [], registered: [], missing: ['386'], action: 'install'}],
    ['mips64le is qemu-mips64el', ['linux/mips64le'], AMD64, ['mips64el'], 'auto', {native: [], registered: ['mips64le'], missing: [], action: 'none'}],
    ['setup-qemu: true reinstalls every foreign arch', ['linux/amd64', 'linux/arm64', 'linux/arm/v7'], AMD64, ['aarch64', 'arm'], 'true', {native: ['amd64'], registered: ['arm64', 'arm'], missing: ['arm64', 'arm'], action: 'install'}],
    ['setup-qemu: false skips, with emulators missing', ['linux/amd64', 'linux/arm64'], AMD64, [], 'false', {native: ['amd64'], registered: [], missing: [], action: 'skip'}],
    ['setup-qemu: false skips, with emulators registered', ['linux/amd64', 'linux/arm64'], AMD64, ['aarch64'], 'false', {native: ['amd64'], registered: ['arm64'], missing: [], action: 'skip'}]
  ])('%s', (_title, platforms, host, registered, mode, expected) => {
    expect(planQemu(platforms, host, registered, mode)).toMatchObject(expected);
  });

  test.each<[string, string[], Platform, string[], QemuMode, RegExp]>([
    ['native', ['linux/amd64', 'linux/386'], AMD64, [], 'auto', /^every platform is native to this amd64 host \(amd64, 386\): QEMU not needed$/],
    ['native arm64', ['linux/arm64'], ARM64, [], 'auto', /native to this arm64 host \(arm64\): QEMU not needed/],
    ['registered', ['linux/arm64'], AMD64, ['aarch64'], 'auto', /^emulators already registered for arm64: nothing to install$/],
    ['install', ['linux/arm64', 'linux/s390x'], AMD64, ['s390x'], 'auto', /^installing emulators for arm64 \(already registered: s390x\)$/],
    ['install, none registered', ['linux/arm64'], AMD64, [], 'auto', /^installing emulators for arm64$/],
    ['skip', ['linux/arm64'], AMD64, ['aarch64'], 'false', /^setup-qemu: false \(emulating arm64 relies on what the host has: arm64 registered\)$/],
    ['skip, none registered', ['linux/arm64'], AMD64, [], 'false', /^setup-qemu: false \(emulating arm64 relies on what the host has\)$/]
  ])('reason: %s', (_title, platforms, host, registered, mode, reason) => {
    expect(planQemu(platforms, host, registered, mode).reason).toMatch(reason);
  });

  test('platforms are counted once per architecture', () => {
    expect(planQemu(['linux/arm64', 'linux/arm64/v8', 'LINUX/ARM64'], AMD64, [], 'auto')).toMatchObject({native: [], missing: ['arm64'], action: 'install'});
  });
});

describe('registeredEmulators', () => {
  const binfmt = (entries: Record<string, string>) => {
    const dir = tempDir('mp-binfmt-');
    for (const [name, content] of Object.entries(entries)) fs.writeFileSync(path.join(dir, name), content);
    return dir;
  };
  const entry = (state: string, interpreter: string) => `${state}\ninterpreter ${interpreter}\nflags: POCF\noffset 0\nmagic 7f454c46020101000000000000000000\n`;

  test('enabled qemu entries only, without the qemu- prefix', () => {
    const dir = binfmt({
      'qemu-aarch64': entry('enabled', '/usr/bin/qemu-aarch64'),
      'qemu-arm': entry('enabled', '/usr/bin/qemu-arm'),
      'qemu-riscv64': entry('disabled', '/usr/bin/qemu-riscv64'),
      'python3.12': entry('enabled', '/usr/bin/python3.12'),
      register: '',
      status: 'enabled\n'
    });
    expect(registeredEmulators(dir).sort()).toEqual(['aarch64', 'arm']);
  });

  test('an enabled entry whose state line has trailing whitespace', () => {
    expect(registeredEmulators(binfmt({'qemu-s390x': 'enabled \r\ninterpreter /usr/bin/qemu-s390x\n'}))).toEqual(['s390x']);
  });

  test('an empty binfmt_misc', () => {
    expect(registeredEmulators(binfmt({register: '', status: 'enabled\n'}))).toEqual([]);
  });

  test('no binfmt_misc at all', () => {
    expect(registeredEmulators(path.join(tempDir('mp-binfmt-'), 'missing'))).toEqual([]);
  });

  test('an unreadable entry (a directory) is not an emulator', () => {
    const dir = binfmt({'qemu-aarch64': entry('enabled', '/usr/bin/qemu-aarch64')});
    fs.mkdirSync(path.join(dir, 'qemu-ppc64le'));
    expect(registeredEmulators(dir)).toEqual(['aarch64']);
  });

  test('what it reads feeds planQemu', () => {
    const dir = binfmt({'qemu-aarch64': entry('enabled', '/usr/bin/qemu-aarch64'), 'qemu-arm': entry('disabled', '/usr/bin/qemu-arm')});
    expect(planQemu(['linux/amd64', 'linux/arm64', 'linux/arm/v7'], AMD64, registeredEmulators(dir), 'auto')).toMatchObject({registered: ['arm64'], missing: ['arm'], action: 'install'});
  });
});
