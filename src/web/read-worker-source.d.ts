/** The reader worker's bundle (webpack's "web-worker" configuration), imported as source text (webpack.config.js). */
declare module "ziping-read-worker" {
  const source: string;
  export default source;
}
