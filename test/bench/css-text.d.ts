/** run.mjs bundles the page side with esbuild's text loader for .css: an import is the file's text. */
declare module '*.css' {
  const text: string;
  export default text;
}
