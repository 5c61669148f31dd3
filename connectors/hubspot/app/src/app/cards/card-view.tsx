/**
 * The whole card, in each of its states: a spinner while loading, an empty state when Headroom
 * has nothing for this record, an error state with a retry, and the content: the account's
 * facts, the deal's own opportunity first on a deal record, the live opportunities and the link
 * to the full account view.
 */
import {
  Alert,
  Button,
  Divider,
  EmptyState,
  ErrorState,
  Flex,
  Link,
  LoadingSpinner,
  Text,
} from '@hubspot/ui-extensions';
import type { CardApi } from './card-api.ts';
import type { CardOpportunity } from './card-schema.ts';
import { AccountSummary } from './components/account-summary.tsx';
import { OpportunityTile } from './components/opportunity-tile.tsx';
import { useCard } from './use-card.ts';

export function CardView({ api }: { api: CardApi }) {
  const c = useCard(api);
  const { state } = c;
  if (state.kind === 'loading')
    return (
      <LoadingSpinner testId="loading" label="Loading Headroom’s view of this record" showLabel />
    );
  if (state.kind === 'empty')
    return (
      <EmptyState
        testId="empty"
        title="Nothing from Headroom yet"
        layout="vertical"
        imageName="building"
      >
        <Text>{state.message}</Text>
      </EmptyState>
    );
  if (state.kind === 'error')
    return (
      <ErrorState testId="error" title="Headroom could not load this card">
        <Text>{state.message}</Text>
        <Button testId="retry" onClick={c.reload}>
          Try again
        </Button>
      </ErrorState>
    );

  const { card } = state.data;
  const focus = state.deal ? state.data.focus : undefined;
  const tile = (o: CardOpportunity) => (
    <OpportunityTile
      key={o.id}
      opportunity={o}
      busy={c.busy === o.id}
      onAccept={() => c.accept(o.id)}
      onDismiss={(reason) => c.dismiss(o.id, reason)}
    />
  );
  const others = card.opportunities.filter((o) => o.id !== focus?.id);
  return (
    <Flex direction="column" gap="md">
      {c.actionError && (
        <Alert testId="action-error" title="That did not go through" variant="error">
          {c.actionError}
        </Alert>
      )}
      {c.notice && (
        <Alert testId="action-done" title="Saved" variant="success">
          {c.notice}
        </Alert>
      )}
      {focus && tile(focus)}
      <AccountSummary card={card} />
      <Divider />
      {others.length > 0 ? (
        others.map(tile)
      ) : (
        <Text testId="no-opportunities">No open expansion opportunity for this account.</Text>
      )}
      {card.moreOpportunities > 0 && (
        <Text variant="microcopy">{`${card.moreOpportunities} more in Headroom.`}</Text>
      )}
      <Link testId="full-view" href={{ url: card.link, external: true }}>
        Open the full account view in Headroom
      </Link>
    </Flex>
  );
}
