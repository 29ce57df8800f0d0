import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FuseV1Options, FuseState, getCurrentFuseWire } from '@electron/fuses';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

interface Target { target: string; arch: string[] }
interface BuilderConfig {
  appId: string;
  productName: string;
  files: string[];
  asar: boolean;
  icon: string;
  afterPack: string;
  directories: { buildResources: string; output: string };
  win: { target: Target[]; icon: string };
  linux: { target: Target[]; icon: string; executableName: string };
}
type PackContext = { appOutDir: string; electronPlatformName: string; arch: number; packager: { appInfo: { productFilename: string }; executableName?: string } };
type AfterPack = ((context: PackContext) => Promise<string>) & { executablePath(context: PackContext): string };

const config = require(join(root, 'electron-builder.config.cjs')) as BuilderConfig;
const afterPack = require(join(root, config.afterPack)) as AfterPack;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string>; build?: unknown };

/** @electron/fuses's sentinel (dist/constants.js): the fuse wire follows it in every Electron binary. */
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const WIRE_LENGTH = 9;

/** A stand-in for an Electron binary: bytes around the sentinel, the wire version 1, its length and Electron's default fuses. */
function fakeElectronBinary(path: string): void {
  // Electron's defaults: RunAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, asar integrity off, asar-only off, …
  const defaults = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE];
  const before = Buffer.alloc(70_000, 0x90);
  const wire = Buffer.concat([Buffer.from(SENTINEL, 'latin1'), Buffer.from([1, WIRE_LENGTH, ...defaults])]);
  writeFileSync(path, Buffer.concat([Buffer.from('MZ'), before, wire, Buffer.alloc(30_000, 0xcc)]));
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('electron-builder configuration', () => {
  it('names the app, limits the files to the build and packs them in an asar', () => {
    expect(config.appId).toBe('cn.gov.kfq.zone-returns');
    expect(config.productName).toBe('开发区季度指标填报');
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asar).toBe(true);
    // One place for the configuration.
    expect(pkg.build).toBeUndefined();
  });

  it('packs the command line\'s bundle (out/cli/), which the build that precedes every installer makes', () => {
    // `npm run build` = the app, then the CLI bundle (vite.cli.config.ts writes out/cli/); files takes all of out/.
    expect(pkg.scripts['build']).toMatch(/npm run build:cli/);
    expect(pkg.scripts['build:cli']).toBe('vite build --config vite.cli.config.ts');
    for (const script of ['dist:win', 'dist:linux']) expect(pkg.scripts[script]).toMatch(/^npm run build && /);
    const packed = (file: string): boolean => config.files.some((pattern) => pattern === file || (pattern.endsWith('/**') && file.startsWith(pattern.slice(0, -2))));
    for (const file of ['out/cli/main.mjs', 'out/cli/ledger-worker.mjs', 'out/cli/verify-worker.mjs']) expect(packed(file), file).toBe(true);
  });

  it('builds an NSIS installer and a portable .exe for Windows x64, and .deb for UOS / Kylin on x64 and arm64', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ]);
    expect(config.linux.target).toEqual([{ target: 'deb', arch: ['x64', 'arm64'] }]);
  });

  it('uses the app icon, a 512×512 PNG in resources/', () => {
    for (const icon of [config.icon, config.win.icon, config.linux.icon]) expect(icon).toBe('resources/icon.png');
    const png = readFileSync(join(root, config.icon));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(config.directories.buildResources).toBe('resources');
  });

  it('has npm scripts for the installers and pins the packaging tools', () => {
    expect(pkg.scripts['dist:win']).toMatch(/electron-builder .*--win$/);
    expect(pkg.scripts['dist:linux']).toMatch(/electron-builder .*--linux$/);
    expect(pkg.devDependencies['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(pkg.devDependencies['@electron/fuses']).toMatch(/^\d+\.\d+\.\d+$/);
  });
});

describe('the afterPack hook', () => {
  it('finds the packed executable of each platform', () => {
    const packager = { appInfo: { productFilename: '开发区季度指标填报' }, executableName: 'zone-returns' };
    expect(afterPack.executablePath({ appOutDir: '/o', electronPlatformName: 'win32', arch: 1, packager })).toBe(join('/o', '开发区季度指标填报.exe'));
    expect(afterPack.executablePath({ appOutDir: '/o', electronPlatformName: 'linux', arch: 3, packager })).toBe(join('/o', 'zone-returns'));
  });

  it.each([
    ['win32', 1, '开发区季度指标填报.exe'],
    ['linux', 1, 'zone-returns'],
    ['linux', 3, 'zone-returns'],
  ])('flips the fuses of a %s (arch %i) binary for real', async (platform, arch, file) => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'zr-after-pack-'));
    dirs.push(appOutDir);
    mkdirSync(join(appOutDir, 'resources'));
    const exe = join(appOutDir, file);
    fakeElectronBinary(exe);
    const sizeBefore = readFileSync(exe).length;
    // Another file in appOutDir stays untouched.
    writeFileSync(join(appOutDir, 'resources', 'app.asar'), 'asar');

    const target = await afterPack({ appOutDir, electronPlatformName: platform, arch, packager: { appInfo: { productFilename: '开发区季度指标填报' }, executableName: 'zone-returns' } });
    expect(target).toBe(exe);

    const wire = await getCurrentFuseWire(exe);
    expect(wire.version).toBe('1');
    expect(wire[FuseV1Options.RunAsNode]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(FuseState.ENABLE);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(FuseState.ENABLE);
    // Fuses the hook does not set keep Electron's defaults.
    expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(FuseState.DISABLE);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(FuseState.ENABLE);
    expect(readFileSync(exe).length).toBe(sizeBefore);
    expect(readFileSync(join(appOutDir, 'resources', 'app.asar'), 'utf8')).toBe('asar');
  });

  it('fails the build when the binary has no fuse wire', async () => {
    const appOutDir = mkdtempSync(join(tmpdir(), 'zr-after-pack-'));
    dirs.push(appOutDir);
    writeFileSync(join(appOutDir, 'zone-returns'), Buffer.alloc(1000, 0x41));
    await expect(afterPack({ appOutDir, electronPlatformName: 'linux', arch: 1, packager: { appInfo: { productFilename: 'x' }, executableName: 'zone-returns' } })).rejects.toThrow(/sentinel/);
  });
});
