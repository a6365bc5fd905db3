import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { forgetRegisterAnswers } from '../../data/register/queries';
import { useDraftSession } from './DraftSessionProvider';

/**
 * "Sperren" hides personal data; register answers then leave memory too (they are never needed
 * again without a new, protocolled retrieval). The caseworker's own inputs stay for the session.
 */
export function useForgetAnswersOnLock() {
  const client = useQueryClient();
  const { state } = useDraftSession();
  const locked = state.phase === 'locked';
  useEffect(() => {
    if (locked) forgetRegisterAnswers(client);
  }, [locked, client]);
}
