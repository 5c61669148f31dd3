/**
 * The card's entry point (see expansion-card-hsmeta.json): on a company record or a deal, it
 * loads Headroom's card through `hubspot.fetch` from the server in server-url.ts.
 */
import { useMemo } from 'react';
import { hubspot, type ExtensionPointApi } from '@hubspot/ui-extensions';
import { cardApi } from './card-api.ts';
import { CardView } from './card-view.tsx';
import { HEADROOM_SERVER_URL } from './server-url.ts';
import { cardTarget } from './target.ts';

type Api = ExtensionPointApi<'crm.record.tab'>;

function Entry({ context, actions }: Pick<Api, 'context' | 'actions'>) {
  const { objectId, objectTypeId } = context.crm;
  // One api per record: a new one would make the card load again.
  const api = useMemo(
    () =>
      cardApi(hubspot.fetch, HEADROOM_SERVER_URL, () =>
        cardTarget({ objectId, objectTypeId }, (names) => actions.fetchCrmObjectProperties(names)),
      ),
    [objectId, objectTypeId, actions],
  );
  return <CardView api={api} />;
}

hubspot.extend<'crm.record.tab'>(({ context, actions }) => (
  <Entry context={context} actions={actions} />
));
