'use strict';

// Calls to the CaaS API. The access token lives in sessionStorage (per tab) and is sent as
// a bearer token; a 401 is retried once after a refresh.
const ACCESS = 'caas.accessToken';
const REFRESH = 'caas.refreshToken';

class ApiError extends Error {
  constructor(status, problem) {
    super(problem && (problem.detail || problem.title) ? (problem.detail || problem.title) : 'HTTP ' + status);
    this.status = status;
    this.problem = problem;
  }
}

async function api(method, path, body, mayRefresh = true) {
  // X-Requested-With lets the gateway accept the cookie for state-changing calls too.
  const headers = { Accept: 'application/json', 'X-Requested-With': 'caas-ui' };
  const token = sessionStorage.getItem(ACCESS);
  if (token) headers.Authorization = 'Bearer ' + token;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 401 && mayRefresh && (await refresh())) return api(method, path, body, false);
  const text = await res.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch { data = { detail: text }; }
  if (!res.ok) throw new ApiError(res.status, data);
  return data;
}

async function refresh() {
  const refreshToken = sessionStorage.getItem(REFRESH);
  if (!refreshToken) return false;
  try {
    const pair = await api('POST', '/api/auth/refresh', { refreshToken }, false);
    keepTokens(pair);
    return true;
  } catch {
    sessionStorage.removeItem(ACCESS);
    sessionStorage.removeItem(REFRESH);
    return false;
  }
}

function keepTokens(pair) {
  sessionStorage.setItem(ACCESS, pair.accessToken);
  if (pair.refreshToken) sessionStorage.setItem(REFRESH, pair.refreshToken);
}
