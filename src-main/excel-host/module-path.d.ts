// electron-vite builds `import path from './x?modulePath'` as a separate entry and gives its path
// (the full electron-vite/node types would also declare `*.node` modules as `any`).
declare module '*?modulePath' {
  const path: string;
  export default path;
}
