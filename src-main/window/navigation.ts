import { isAppUrl } from './app-url';

/** `will-navigate` / `will-redirect`: the window may only ever show the app's own pages. */
export function isNavigationAllowed(url: string, devOrigin: string | null): boolean {
  return isAppUrl(url, devOrigin);
}

/** `setWindowOpenHandler`: no new windows at all (links to the outside are not part of the app). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission requests (camera, notifications, …): the app needs none, except writing the clipboard. */
export function isPermissionAllowed(permission: string, requestingUrl: string, devOrigin: string | null): boolean {
  return permission === 'clipboard-sanitized-write' && isAppUrl(requestingUrl, devOrigin);
}
