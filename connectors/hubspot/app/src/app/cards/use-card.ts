/**
 * The card's state: loading, then content, empty or error; and accept / dismiss, which answer
 * the whole card again (so what the server decided is what shows). A failed action keeps the
 * content on screen and says why.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CardApi, LoadResult } from './card-api.ts';

export type CardState = { kind: 'loading' } | LoadResult;

export interface CardControls {
  state: CardState;
  /** The opportunity whose accept / dismiss is on its way. */
  busy?: string | undefined;
  actionError?: string | undefined;
  /** What the last accept / dismiss did, in words. */
  notice?: string | undefined;
  reload(): void;
  accept(opportunityId: string): void;
  dismiss(opportunityId: string, reason: string): void;
}

export function useCard(api: CardApi): CardControls {
  const [state, setState] = useState<CardState>({ kind: 'loading' });
  const [busy, setBusy] = useState<string | undefined>();
  const [actionError, setActionError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setState({ kind: 'loading' });
    void api.load().then((r) => {
      if (live) setState(r);
    });
    return () => {
      live = false;
    };
  }, [api, attempt]);

  const act = useCallback(
    (id: string, action: 'accept' | 'dismiss', reason?: string) => {
      setBusy(id);
      setActionError(undefined);
      setNotice(undefined);
      void api.setStatus(id, action, reason).then((r) => {
        setBusy(undefined);
        if (!r.ok) return setActionError(r.message);
        const deal = (s: CardState) => s.kind === 'content' && s.deal;
        setState((s) => ({ kind: 'content', data: r.data, deal: deal(s) }));
        const o = r.data.focus;
        if (o) setNotice(`“${o.title}” is ${o.statusLabel.toLowerCase()}; the next sync keeps it.`);
      });
    },
    [api],
  );

  return {
    state,
    busy,
    actionError,
    notice,
    reload: () => setAttempt((n) => n + 1),
    accept: (id) => act(id, 'accept'),
    dismiss: (id, reason) => act(id, 'dismiss', reason),
  };
}
