// The signed-in session lives in this module's memory only: never localStorage or a cookie a script
// can read. Reloading the page signs out, which is the price of keeping the token out of storage.

// organizationId is the user's own organisation, or for a super admin (who has none) the one they picked.
const session = { token: null, username: null, role: null, organizationId: null, expiresAt: null };

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

export function currentSession() {
  return session;
}

/** Whether the signed-in user may change things (viewers only read; the API refuses them anyway). */
export function canWrite() {
  return session.role === 'ORG_ADMIN' || session.role === 'SUPER_ADMIN';
}

export async function login(username, password) {
  const response = await fetch('/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) {
    throw new ApiError(response.status, await problem(response));
  }
  const answer = await response.json();
  const claims = JSON.parse(atob(answer.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
  Object.assign(session, {
    token: answer.access_token,
    username: answer.username,
    role: (answer.roles || [])[0] || null,
    organizationId: claims.organizationId || null,
    // When the API stops accepting the token: the page signs out then, closing its live feed.
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : null,
  });
  return session;
}

export function logout() {
  Object.assign(session, { token: null, username: null, role: null, organizationId: null, expiresAt: null });
}

export function isSuperAdmin() {
  return session.role === 'SUPER_ADMIN';
}

/** A super admin looks at one organisation (or, with null, every one); others always see their own. */
export function pickOrganization(organizationId) {
  if (isSuperAdmin()) {
    session.organizationId = organizationId || null;
  }
}

export async function call(method, path, body) {
  const headers = { Accept: 'application/json', Authorization: `Bearer ${session.token}` };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) {
    throw new ApiError(response.status, await problem(response));
  }
  return response.status === 204 ? null : response.json();
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body);
export const patch = (path, body) => call('PATCH', path, body);

async function problem(response) {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

/** A list path in the organisation a super admin picked (lists cover every organisation without one). */
export function inPicked(path) {
  return scoped(path, session.organizationId);
}

/** A write path for a resource of {@code organizationId}: super admins must name the organisation. */
export function scoped(path, organizationId) {
  if (session.role !== 'SUPER_ADMIN' || !organizationId) {
    return path;
  }
  return `${path}${path.includes('?') ? '&' : '?'}organizationId=${encodeURIComponent(organizationId)}`;
}
