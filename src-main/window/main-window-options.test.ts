import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './main-window-options';

describe('the main window', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');

  it('runs the renderer isolated, sandboxed, without Node and with web security', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the bundled CommonJS preload (a sandboxed preload cannot be an ES module)', () => {
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
  });

  it('stays hidden until its page is ready, with a Chinese title', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe('开发区季度指标填报');
  });
});
