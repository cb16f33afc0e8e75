/**
 * What the user agrees to when adding a model file, said the same way by `lens models add` and the Models view.
 * `models.add` takes `trust: true` only after this was shown and confirmed (src/shared/api.ts).
 * docs/USER-MODELS.md has the details: where the sandbox applies (a Node child under the permission model, in
 * `lens` and `lens serve`) and where it does not (the desktop app, which runs a model in a thread of its own).
 */
export const USER_MODEL_WARNING =
  'This file will run on your computer with your permissions, inside a sandbox that blocks file writes and new ' +
  'processes but not the network (Node 20). Add it only if you wrote it or trust its author.';

/** The desktop app cannot start the sandboxed Node child, so there the warning must say the model runs unconfined. */
export const USER_MODEL_WARNING_DESKTOP =
  'This file will run on your computer with your permissions. In the desktop app it is not sandboxed: it can read ' +
  'and write your files, start processes and use the network. Add it only if you wrote it or trust its author.';

/** Why a `models.add` call without `trust: true` is refused. */
export const USER_MODEL_TRUST_REQUIRED =
  'adding a model needs trust: true, sent only after the user confirmed that the file runs with their permissions ' +
  '(`lens models add FILE` asks, or takes --yes)';
