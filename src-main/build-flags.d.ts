// Written in by electron.vite.config.ts (`define`): true only in a main process built by `electron-vite dev`.
declare const __ZR_DEV_SERVER__: boolean;
