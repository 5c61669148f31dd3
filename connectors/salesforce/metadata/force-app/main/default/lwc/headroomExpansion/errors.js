/**
 * One readable sentence from what Lightning Data Service rejects with: a UI API FetchResponse
 * (`{ status, body }`, where body is `{ message }`, a list of `{ message }`, or record output
 * errors with field and page errors) or a plain Error.
 */
const ACCESS = 'Ask your Salesforce admin for the Headroom Expansion User permission set.';

function bodyMessages(body) {
  if (!body) return [];
  if (Array.isArray(body)) return body.flatMap(bodyMessages);
  const out = [];
  if (typeof body.message === 'string') out.push(body.message);
  const output = body.output ?? {};
  for (const e of output.errors ?? []) if (e.message) out.push(e.message);
  for (const list of Object.values(output.fieldErrors ?? {}))
    for (const e of list) if (e.message) out.push(e.message);
  return out;
}

export function errorText(error) {
  const messages = error?.body ? bodyMessages(error.body) : [];
  if (!messages.length && typeof error?.message === 'string') messages.push(error.message);
  if (!messages.length) messages.push(error?.statusText || 'Unknown error');
  // 403 from the UI API: the user cannot see the object or one of its fields.
  if (error?.status === 403) messages.push(ACCESS);
  return [...new Set(messages)].join(' ');
}
