// electron-builder configuration: the installers county and zone offices run.
// Windows: an NSIS installer and a portable .exe (x64). 统信 UOS / 麒麟 Kylin: .deb for x64 and arm64.
// Build on a machine that can download Electron (see README, "Building the installers").
/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'cn.gov.kfq.zone-returns',
  productName: '开发区季度指标填报',
  copyright: '开发区季度指标填报',
  directories: { output: 'release', buildResources: 'resources' },
  // Only the built app: electron-vite writes main, preload and renderer to out/.
  files: ['out/**', 'package.json'],
  asar: true,
  icon: 'resources/icon.png',
  // The fuses (RunAsNode off, asar integrity and asar-only on, …) are flipped by this hook.
  afterPack: './build/after-pack.cjs',
  win: {
    icon: 'resources/icon.png',
    target: [
      { target: 'nsis', arch: ['x64'] },
      { target: 'portable', arch: ['x64'] },
    ],
    artifactName: 'zone-returns-${version}-${arch}-${target}.${ext}',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    shortcutName: '开发区季度指标填报',
    artifactName: 'zone-returns-${version}-setup-${arch}.${ext}',
  },
  portable: {
    artifactName: 'zone-returns-${version}-portable-${arch}.${ext}',
  },
  linux: {
    icon: 'resources/icon.png',
    executableName: 'zone-returns',
    category: 'Office',
    synopsis: '开发区季度指标填报、台账导入与报送工作簿',
    maintainer: 'zone-returns',
    target: [{ target: 'deb', arch: ['x64', 'arm64'] }],
    artifactName: 'zone-returns-${version}-${arch}.${ext}',
  },
  deb: {
    // UOS and Kylin ship these; Electron needs them.
    depends: ['libgtk-3-0', 'libnotify4', 'libnss3', 'libxss1', 'libxtst6', 'xdg-utils', 'libatspi2.0-0', 'libuuid1', 'libsecret-1-0'],
  },
};
