/** The one-step function graphology-layout-forceatlas2 runs in its own worker; the package ships no types for it. */
declare module 'graphology-layout-forceatlas2/iterate.js' {
  import type { ForceAtlas2Settings } from 'graphology-layout-forceatlas2';

  /** One ForceAtlas2 iteration over the flat matrices, moving NodeMatrix's x and y in place. */
  export default function iterate(settings: Required<ForceAtlas2Settings>, nodes: Float32Array, edges: Float32Array): object;
}
