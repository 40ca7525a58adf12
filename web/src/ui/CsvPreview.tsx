// A dry run's answer lined up with the CSV: bad rows flagged, nothing written yet.
import type { Preview } from '../csv/preview';

export function CsvPreview({ preview, caption }: { preview: Preview; caption: string }) {
  return (
    <section className="preview" aria-label="Preview">
      <p role="status" className={preview.valid ? 'ok' : 'bad'}>
        {preview.valid
          ? `All ${preview.rows.length} rows are valid${preview.warningCount ? ` (${preview.warningCount} warnings)` : ''}. Nothing is written until you confirm.`
          : `${preview.errorCount} problem${preview.errorCount === 1 ? '' : 's'} found. Nothing was written: fix the file and check it again.`}
      </p>
      {preview.general.length > 0 && (
        <ul className="errors">
          {preview.general.map((g) => (
            <li key={g}>{g}</li>
          ))}
        </ul>
      )}
      <div className="scroll" tabIndex={0} role="region" aria-label={`${caption} table`}>
        <table className="grid">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Content</th>
              <th scope="col">Check</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((r) => (
              <tr key={r.line} className={r.errors.length ? 'row-bad' : r.warnings.length ? 'row-warn' : undefined} data-line={r.line}>
                <td>{r.line}</td>
                <td>
                  <code>{r.text}</code>
                </td>
                <td>
                  {r.errors.length === 0 && r.warnings.length === 0 && <span className="ok">OK</span>}
                  {r.errors.map((e) => (
                    <div key={e} className="bad">
                      Error: {e}
                    </div>
                  ))}
                  {r.warnings.map((w) => (
                    <div key={w} className="warn">
                      Warning: {w}
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
