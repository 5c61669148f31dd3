/**
 * The console's login form: the API token, once, then an HttpOnly session cookie.
 */
import { html, type SafeHtml } from '../html.js';
import { page } from './layout.js';

/** `next` must be a local path; anything else sends the user to the dashboard. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' &&
    next.startsWith('/') &&
    !next.startsWith('//') &&
    !next.includes('\\')
    ? next
    : '/';
}

export function loginPage(next: string, failed: boolean): SafeHtml {
  const body = html`
    <h1>Headroom</h1>
    ${failed && html`<p class="error">That token is not valid.</p>`}
    <form method="post" action="/login" class="login">
      <input type="hidden" name="next" value="${safeNext(next)}" />
      <label
        >API token <input type="password" name="token" required autocomplete="current-password"
      /></label>
      <button type="submit">Sign in</button>
    </form>
  `;
  return page({ title: 'Sign in', body });
}
