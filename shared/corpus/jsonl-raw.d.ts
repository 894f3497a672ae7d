// Vite/vitest `?raw` imports: the corpus test reads the JSONL without Node APIs (shared/ has no Node typings).
declare module '*.jsonl?raw' {
  const text: string;
  export default text;
}
