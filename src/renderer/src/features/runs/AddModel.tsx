import { useState } from 'react';
import type { ApiError } from '../../../../shared/domain';
import { USER_MODEL_WARNING, USER_MODEL_WARNING_DESKTOP } from '../../../../shared/user-model-trust';
import { client } from '../../api';
import { useJob } from '../../ui/use-call';
import { Failure } from '../../ui/notices';

/**
 * `lens models add` in the page: the user picks a model file, reads what adding it means, and only a click on the
 * confirmation sends `models.add` with `trust: true`. The file reaches the services as the import's files do: the
 * desktop window passes the picked file's path, the browser uploads a copy (a page cannot name local paths); either
 * way nothing is sent before the confirmation.
 */
export function AddModel({ onAdded }: { onAdded: (modelId: string) => void }) {
  const [chosen, setChosen] = useState<File | null>(null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<ApiError | null>(null);
  const adding = useJob('models.add');
  // The desktop app runs a model unconfined (docs/USER-MODELS.md), so its window must not promise a sandbox.
  const warning = window.lens ? USER_MODEL_WARNING_DESKTOP : USER_MODEL_WARNING;

  const choose = (file: File | null) => {
    setChosen(file);
    setUploadError(null);
    adding.reset();
  };
  const confirm = async () => {
    if (!chosen) return;
    setUploading(true);
    const uploaded = await client.upload(chosen);
    setUploading(false);
    if (!uploaded.ok) return setUploadError({ ...uploaded.error, message: `${chosen.name}: ${uploaded.error.message}` });
    setChosen(null);
    const output = await adding.start({ file: uploaded.value.path, trust: true });
    if (output) onAdded(output.model.id);
  };
  const busy = uploading || adding.running;
  return (
    <details data-testid="add-model" style={{ marginTop: 12 }}>
      <summary>Add your own model (.mjs)</summary>
      <p className="muted" style={{ fontSize: 12 }}>
        A model file you wrote or trust, as docs/USER-MODELS.md describes; it is checked, then listed under Model.
      </p>
      <input type="file" accept=".mjs,.js" data-testid="model-file-input" aria-label="Model file" disabled={busy}
        onChange={(event) => { choose(event.target.files?.[0] ?? null); event.target.value = ''; }} />
      {chosen && (
        <div className="notice info" role="alertdialog" aria-labelledby="add-model-warning" data-testid="model-trust-dialog">
          <p id="add-model-warning" style={{ marginTop: 0 }}>
            <strong>{chosen.name}</strong>: {warning}
          </p>
          <div className="row">
            <button type="button" className="primary" data-testid="model-add-confirm" disabled={busy} onClick={() => void confirm()}>
              Run and add this file
            </button>
            <button type="button" data-testid="model-add-cancel" disabled={busy} onClick={() => choose(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {busy && <p className="muted">Checking the model…</p>}
      <Failure error={uploadError ?? adding.error} />
      {adding.data && (
        <div className="notice info" data-testid="model-added">
          {adding.data.replaced ? 'Replaced' : 'Added'} {adding.data.model.label} ({adding.data.model.id} v{adding.data.model.version}).
        </div>
      )}
    </details>
  );
}
