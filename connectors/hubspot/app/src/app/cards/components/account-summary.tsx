/**
 * The account's facts at the top of the card: expansion score and tier, health light with its
 * reasons, readiness, next action, potential ARR and flags. HubSpot design components only.
 */
import {
  Flex,
  Heading,
  List,
  Statistics,
  StatisticsItem,
  StatusTag,
  Tag,
  Text,
} from '@hubspot/ui-extensions';
import type { AccountCardData } from '../card-schema.ts';

const LIGHT = { green: 'success', yellow: 'warning', red: 'danger' } as const;

export function AccountSummary({ card }: { card: AccountCardData }) {
  return (
    <Flex direction="column" gap="sm">
      <Statistics>
        <StatisticsItem label="Expansion score" number={card.score ?? '–'}>
          <Text variant="microcopy">{card.tierLabel ?? 'No opportunity detected'}</Text>
        </StatisticsItem>
        <StatisticsItem label="Potential ARR" number={card.potentialArrText ?? '–'}>
          <Text variant="microcopy">{card.arrText ? `on ${card.arrText} ARR` : ''}</Text>
        </StatisticsItem>
      </Statistics>
      <Flex direction="row" gap="xs" wrap="wrap" align="center">
        {card.health && (
          <StatusTag testId="health" variant={LIGHT[card.health.light]}>
            {card.health.label}
          </StatusTag>
        )}
        {card.readiness && <Tag testId="readiness">{card.readiness.label}</Tag>}
        {card.flags.map((f) => (
          <Tag key={f} variant="warning">
            {f}
          </Tag>
        ))}
      </Flex>
      {card.health && card.health.reasons.length > 0 && (
        <List variant="unordered-styled" testId="health-reasons">
          {card.health.reasons.map((r) => (
            <Text key={r}>{r}</Text>
          ))}
        </List>
      )}
      <Heading>Next action</Heading>
      <Text testId="next-action">
        {card.nextAction.text}
        {card.nextAction.deadline ? ` (by ${card.nextAction.deadline})` : ''}
      </Text>
    </Flex>
  );
}
