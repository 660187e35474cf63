// esbuild loads .css files as text (see esbuild.mjs); the webview injects them into a <style>.
declare module '*.css' {
  const text: string;
  export default text;
}
