// electron-builder afterPack hook: flips Electron's fuses on the packed executable.
// RunAsNode, NODE_OPTIONS and --inspect off (the binary cannot be used as a plain Node);
// the embedded ASAR integrity check and asar-only loading on; cookies encrypted.
const path = require('node:path');

/** The fuse settings, by @electron/fuses's FuseV1Options name. */
const FUSES = {
  RunAsNode: false,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  EnableCookieEncryption: true,
};

/** The path of the packed Electron executable in `appOutDir`, for electron-builder's pack context. */
function executablePath(context) {
  const { appOutDir, packager, electronPlatformName } = context;
  const productFilename = packager.appInfo.productFilename;
  switch (electronPlatformName) {
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'linux':
      return path.join(appOutDir, packager.executableName ?? productFilename);
    default:
      throw new Error(`after-pack: unknown platform ${electronPlatformName}`);
  }
}

async function afterPack(context) {
  // @electron/fuses is ESM only.
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const config = { version: FuseVersion.V1, resetAdHocDarwinSignature: context.electronPlatformName === 'darwin' && context.arch === 3 };
  for (const [name, on] of Object.entries(FUSES)) config[FuseV1Options[name]] = on;
  const target = executablePath(context);
  await flipFuses(target, config);
  return target;
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.FUSES = FUSES;
module.exports.executablePath = executablePath;
