// The admin API as the dashboard uses it: the session cookie (HttpOnly, set by /api/login),
// the CSRF header on every request, JSON in and out, and errors that name their field.

export class ApiError extends Error {
  constructor(status, message, retryAfter = 0) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
    // "field: reason" -> field, so a page can show the message next to that field.
    const m = /^([A-Za-z_][\w.[\]]*): /.exec(message || '');
    this.field = m ? m[1] : '';
    this.reason = m ? message.slice(m[0].length) : message;
  }
}

// Called on a 401 from any route but the session's own; resolves once the user has signed in
// again, so the request that met the expired session is sent again and nothing typed is lost.
let reauthenticate = null;
export function onUnauthorized(handler) { reauthenticate = handler; }

async function errorOf(res) {
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = await res.json();
    if (body && body.error) message = body.error;
  } catch { /* not JSON */ }
  return new ApiError(res.status, message, Number(res.headers.get('Retry-After')) || 0);
}

// method, path ("/api/…"), body: an object (sent as JSON), a Blob/File (sent as it is) or
// undefined. Answers the parsed JSON (null for 204), or the Response with {raw: true}.
export async function request(method, path, body, options = {}) {
  const headers = { 'X-Requested-With': 'AceHub', Accept: 'application/json' };
  let payload;
  if (body instanceof Blob) {
    payload = body;
    headers['Content-Type'] = 'application/octet-stream';
  } else if (typeof body === 'string') {
    payload = body;
    headers['Content-Type'] = 'application/json';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  const res = await fetch(path, {
    method, headers, body: payload, credentials: 'same-origin', cache: 'no-store',
    signal: options.signal,
  });
  if (res.status === 401 && !options.noRetry && reauthenticate) {
    await reauthenticate();
    return request(method, path, body, { ...options, noRetry: true });
  }
  if (!res.ok) throw await errorOf(res);
  if (options.raw) return res;
  if (res.status === 204) return null;
  const text = await res.text();
  return text ? JSON.parse(text) : null;
}

export const get = (path, options) => request('GET', path, undefined, options);

// A loader whose calls may overlap: each resolves to its answer, or to null when the answer of
// a later call was already used (the browser has several connections and the server builds
// lists on its workers side by side, so an older answer, read before an edit that a newer call
// already saw, can arrive last). An answer not older than the one used is used, so a page that
// loads often keeps updating.
export function inOrder(loader) {
  let sent = 0;
  let used = 0;
  return async (...args) => {
    const mine = ++sent;
    const answer = await loader(...args);
    if (mine < used) return null;
    used = mine;
    return answer;
  };
}
export const post = (path, body, options) => request('POST', path, body, options);
export const patch = (path, body, options) => request('PATCH', path, body, options);
export const put = (path, body, options) => request('PUT', path, body, options);
export const del = (path, options) => request('DELETE', path, undefined, options);

// POSTs a file as the body (the upload routes) through XMLHttpRequest, the one browser API
// that reports how much of a request body is sent: onProgress(sentBytes, totalBytes).
export function upload(path, file, onProgress, options = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('X-Requested-With', 'AceHub');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (ev) => { if (onProgress) onProgress(ev.loaded, ev.lengthComputable ? ev.total : file.size); };
    xhr.onerror = () => reject(new ApiError(0, 'network error'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted'));
    xhr.onload = () => {
      if (xhr.status === 401 && !options.noRetry && reauthenticate) {
        reauthenticate().then(() => upload(path, file, onProgress, { ...options, noRetry: true }))
          .then(resolve, reject);
        return;
      }
      let body = null;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { /* not JSON */ }
      if (xhr.status >= 200 && xhr.status < 300) { resolve(body); return; }
      reject(new ApiError(xhr.status, (body && body.error) || `${xhr.status} ${xhr.statusText}`,
        Number(xhr.getResponseHeader('Retry-After')) || 0));
    };
    xhr.send(file);
  });
}

// "?a=1&b=x" from an object, leaving out empty values.
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

// Saves what path answers as a file named filename (backups, the log), through fetch so a
// failure is an ApiError the page can show and an expired session asks to sign in again.
export async function download(path, filename) {
  const res = await request('GET', path, undefined, { raw: true });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// The session is the HttpOnly cookie /api/login sets: the page never sees the token.
export const session = () => get('/api/session', { noRetry: true });
export const login = (password) =>
  post('/api/login', { username: 'admin', password }, { noRetry: true });
export const logout = () => post('/api/logout', undefined, { noRetry: true });
