/**
 * The Headroom server this card talks to: the same origin as `permittedUrls.fetch` in
 * ../app-hsmeta.json (HubSpot refuses any other). Set both with
 * `npm run hubspot:server-url -- https://headroom.your-company.com`.
 */
export const HEADROOM_SERVER_URL = 'https://headroom.example.com';
