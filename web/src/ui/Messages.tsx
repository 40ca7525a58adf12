// How errors and states are said on every screen: in words, announced to screen readers.
import type { ReactNode } from 'react';
import { ApiError, isMissingEndpoint, problemDetails, problemMessage } from '../api/problem';

export function ErrorMessage({ error, what }: { error: unknown; what?: string }) {
  if (!error) return null;
  if (isMissingEndpoint(error)) return <NotAvailable what={what ?? 'This feature'} />;
  const message = error instanceof ApiError || error instanceof Error ? error.message : problemMessage(0, null);
  const details = error instanceof ApiError ? problemDetails(error.problem) : [];
  return (
    <div className="message error" role="alert">
      <p>{message}</p>
      {details.length > 0 && (
        <ul>
          {details.slice(0, 20).map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** An API this server does not have yet: said plainly, never replaced by made-up data. */
export function NotAvailable({ what }: { what: string }) {
  return (
    <div className="message notice" role="status" data-testid="not-available">
      <p>{what} is not available on this server yet.</p>
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div className="message info" role="status">
      <p>{children}</p>
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="muted" role="status">
      Loading {what}…
    </p>
  );
}

export function StateBadge({ state }: { state: string }) {
  return <span className={`badge state-${state.toLowerCase()}`}>{state.charAt(0) + state.slice(1).toLowerCase()}</span>;
}
