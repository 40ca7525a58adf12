'use strict';

// Skeleton UI for CaaS (api.js loads first). EventSource cannot set headers, so the
// progress stream relies on the HttpOnly session cookie that auth-service sets at login.
const TERMINAL = /^(succeeded|failed|done|completed|cancelled|canceled|error)$/i;

const $ = (id) => document.getElementById(id);

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'onclick') node.addEventListener('click', value);
    else node.setAttribute(key, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : String(child ?? ''));
  return node;
}

function show(message, kind = 'error') {
  const box = $('message');
  box.textContent = message;
  box.className = 'message' + (kind === 'info' ? ' info' : '');
  box.hidden = !message;
}

/** IDE hosts sit beside the app host: app.<suffix> → <class>-<student>-ide.<suffix>. */
function ideUrl(classId, studentId) {
  const host = location.host;
  if (!host.startsWith('app.')) return null;
  return `${location.protocol}//${classId}-${studentId}-ide.${host.slice(4)}/`;
}

function ideLink(url, label) {
  return url ? el('a', { href: url, target: '_blank', rel: 'noopener' }, label) : el('span', { class: 'muted' }, '—');
}

/** After signing in for an IDE, the gateway's /ide/open sends the browser on to it. */
function goToNext() {
  const next = new URLSearchParams(location.search).get('next');
  if (!next || !next.startsWith('/ide/open?')) return false;
  location.assign(next);
  return true;
}

async function start() {
  for (const id of ['login', 'teacher', 'student', 'whoami']) $(id).hidden = true;
  let me;
  try {
    me = await api('GET', '/api/users/me');
  } catch (e) {
    if (e.status !== 401) show('Cannot reach CaaS: ' + e.message);
    $('login').hidden = false;
    $('username').focus();
    return;
  }
  $('me-name').textContent = me.displayName || me.username;
  $('me-roles').textContent = `(${[me.username, ...(me.roles || [])].join(' · ')})`;
  $('whoami').hidden = false;
  const roles = me.roles || [];
  if (roles.includes('teacher') || roles.includes('admin')) await loadTeacher();
  if (roles.includes('student')) await loadStudent(me.username);
}

async function loadTeacher() {
  $('teacher').hidden = false;
  const body = $('teacher-classes');
  body.replaceChildren();
  const classes = await api('GET', '/api/classes').catch((e) => { show(e.message); return []; });
  if (!classes.length) body.append(el('tr', {}, el('td', { colspan: 4, class: 'muted' }, 'No classes yet.')));
  for (const c of classes) {
    const actions = el('td', { class: 'actions' },
      el('button', { type: 'button', class: 'primary', onclick: (ev) => transition(c.classId, 'up', ev.target) }, 'Open'),
      el('button', { type: 'button', onclick: (ev) => transition(c.classId, 'down', ev.target) }, 'Close'),
      el('button', { type: 'button', onclick: () => loadStatus(c.classId) }, 'Status'));
    body.append(el('tr', {}, el('td', {}, c.classId), el('td', {}, c.name || ''),
      el('td', {}, (c.students || []).length), actions));
  }
}

async function transition(classId, direction, button) {
  button.disabled = true;
  try {
    const { operationId } = await api('POST', `/api/classes/${encodeURIComponent(classId)}/${direction}`);
    show(`${direction === 'up' ? 'Opening' : 'Closing'} ${classId}…`, 'info');
    follow(operationId, classId);
  } catch (e) {
    show(e.message);
  } finally {
    button.disabled = false;
  }
}

function follow(operationId, classId) {
  $('operation').hidden = false;
  $('operation-title').textContent = `${operationId} (${classId})`;
  const events = new EventSource(`/api/operations/${encodeURIComponent(operationId)}/events`);
  const onEvent = (event) => {
    let op;
    try { op = JSON.parse(event.data); } catch { return; }
    renderOperation(op);
    if (TERMINAL.test(op.state || '')) {
      events.close();
      show(`${classId}: ${op.kind || 'operation'} ${String(op.state).toLowerCase()}`, 'info');
      loadStatus(classId);
    }
  };
  // class-service sends `progress` on every change and `done` once at the end.
  for (const name of ['progress', 'done']) events.addEventListener(name, onEvent);
  events.onerror = () => {
    if (events.readyState === EventSource.CLOSED) show('Progress stream closed.', 'info');
  };
}

function renderOperation(op) {
  $('operation-state').textContent = `${op.kind || ''} ${op.state || ''}`.trim();
  const { done = 0, total = 0 } = op.progress || {};
  $('operation-progress').value = total > 0 ? (100 * done) / total : 0;
  $('operation-students').replaceChildren(...(op.students || []).map((s) =>
    el('li', {}, el('strong', {}, s.studentId), ': ', s.state || '', s.reason ? ` — ${s.reason}` : '')));
}

async function loadStatus(classId) {
  try {
    const status = await api('GET', `/api/classes/${encodeURIComponent(classId)}/status`);
    $('status').hidden = false;
    $('status-class').textContent = classId;
    $('status-state').textContent = status.state || '';
    $('status-students').replaceChildren(...(status.students || []).map((s) => el('tr', {},
      el('td', {}, s.studentId), el('td', {}, s.state || ''), el('td', {}, s.reason || ''),
      el('td', {}, ideLink(s.state === 'READY' ? s.ideUrl : null, 'Open IDE')))));
  } catch (e) {
    show(e.message);
  }
}

async function loadStudent(username) {
  $('student').hidden = false;
  const list = $('student-classes');
  const classes = await api('GET', '/api/classes').catch((e) => { show(e.message); return []; });
  list.replaceChildren(...classes.map((c) => el('li', {},
    el('strong', {}, c.name || c.classId), ` (${c.classId}) `, ideLink(ideUrl(c.classId, username), 'Open my IDE'))));
  if (!classes.length) list.append(el('li', { class: 'muted' }, 'You are not enrolled in any class.'));
}

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    keepTokens(await api('POST', '/api/auth/login',
      { username: form.username.value.trim(), password: form.password.value }, false));
    form.reset();
    show('');
    if (goToNext()) return;
    await start();
  } catch (e) {
    show(e.status === 401 ? 'Wrong username or password.' : e.message);
  } finally {
    button.disabled = false;
  }
});

$('logout').addEventListener('click', async () => {
  const refreshToken = sessionStorage.getItem(REFRESH);
  await api('POST', '/api/auth/logout', refreshToken ? { refreshToken } : undefined, false).catch(() => {});
  sessionStorage.removeItem(ACCESS);
  sessionStorage.removeItem(REFRESH);
  show('Signed out.', 'info');
  await start();
});

start();
