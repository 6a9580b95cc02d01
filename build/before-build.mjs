// electron-builder hook. Main and preload are bundled by esbuild and the renderer by Vite, so the packaged
// app needs no node_modules: returning false tells electron-builder to neither rebuild nor copy them.
export const beforeBuild = async () => false;
