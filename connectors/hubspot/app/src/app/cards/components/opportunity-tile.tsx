/**
 * One opportunity: type, tier, estimated ARR, timing, deadline, the evidence line that names a
 * figure, its status, and accept / dismiss. Dismissing asks why: the reason is kept with the
 * opportunity and the next sync never reopens it.
 */
import { useState } from 'react';
import {
  Button,
  ButtonRow,
  DescriptionList,
  DescriptionListItem,
  Flex,
  Heading,
  Tag,
  Text,
  TextArea,
  Tile,
} from '@hubspot/ui-extensions';
import type { CardOpportunity } from '../card-schema.ts';

export interface OpportunityTileProps {
  opportunity: CardOpportunity;
  busy: boolean;
  onAccept(): void;
  onDismiss(reason: string): void;
}

export function OpportunityTile({
  opportunity: o,
  busy,
  onAccept,
  onDismiss,
}: OpportunityTileProps) {
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const can = (a: 'accept' | 'dismiss') => o.actions.includes(a);
  return (
    <Tile compact testId={`opportunity-${o.id}`}>
      <Flex direction="column" gap="xs">
        <Heading>{o.title}</Heading>
        <Flex direction="row" gap="xs" wrap="wrap">
          <Tag>{o.typeLabel}</Tag>
          <Tag variant={o.tier <= 2 ? 'success' : 'default'}>{o.tierLabel}</Tag>
          {o.status !== 'open' && <Tag variant="info">{o.statusLabel}</Tag>}
        </Flex>
        <DescriptionList direction="row">
          <DescriptionListItem label="Estimated ARR">{o.estimatedArrText}</DescriptionListItem>
          <DescriptionListItem label="Timing">{o.timingLabel}</DescriptionListItem>
          <DescriptionListItem label="Deadline">{o.deadline}</DescriptionListItem>
          <DescriptionListItem label="Score">{o.score}</DescriptionListItem>
        </DescriptionList>
        <Text testId={`evidence-${o.id}`}>{o.topEvidence}</Text>
        {o.statusReason && <Text variant="microcopy">{`${o.statusLabel}: ${o.statusReason}`}</Text>}
        {asking ? (
          <Flex direction="column" gap="xs">
            <TextArea
              testId={`reason-${o.id}`}
              label="Why dismiss this opportunity?"
              name="reason"
              required
              maxLength={500}
              value={reason}
              onChange={setReason}
              description="Kept with the opportunity: the next sync will not reopen it."
            />
            <ButtonRow>
              <Button
                testId={`confirm-dismiss-${o.id}`}
                variant="destructive"
                disabled={busy || !reason.trim()}
                onClick={() => onDismiss(reason.trim())}
              >
                Dismiss
              </Button>
              <Button
                testId={`cancel-dismiss-${o.id}`}
                variant="secondary"
                onClick={() => setAsking(false)}
              >
                Cancel
              </Button>
            </ButtonRow>
          </Flex>
        ) : (
          (can('accept') || can('dismiss')) && (
            <ButtonRow>
              {can('accept') && (
                <Button
                  testId={`accept-${o.id}`}
                  variant="primary"
                  disabled={busy}
                  onClick={onAccept}
                >
                  Accept
                </Button>
              )}
              {can('dismiss') && (
                <Button
                  testId={`dismiss-${o.id}`}
                  variant="secondary"
                  disabled={busy}
                  onClick={() => setAsking(true)}
                >
                  Dismiss…
                </Button>
              )}
            </ButtonRow>
          )
        )}
      </Flex>
    </Tile>
  );
}
