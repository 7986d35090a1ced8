// The emulator's inbox page. Plain browser JavaScript, no build step. Every value from the
// emulator is put on the page as text (createTextNode / textContent), never parsed as HTML;
// a message's own HTML is shown only in the sandboxed iframe, served with a CSP without script.

const API = '/__emulator';
/** Where pushed delivery events are listed, once the emulator records them. */
const EVENTS_PATH = `${API}/events`;
const LIST_LIMIT = 500;

const state = { messages: [], total: 0, selected: undefined, panel: 'inbox', remote: false };

/** An element with text children; props are limited to safe, non-URL attributes. */
function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'className') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'title' || key === 'colSpan') node[key] = value;
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const $ = (selector) => document.querySelector(selector);

function fmtTime(ms) {
  if (typeof ms !== 'number') return '';
  return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

function cellText(value) {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' && value > 1e12 && value < 1e14) return fmtTime(value);
  if (typeof value !== 'object') return String(value);
  const json = JSON.stringify(value);
  return json.length > 160 ? `${json.slice(0, 157)}…` : json;
}

/** A table of objects: columns are the keys of the first rows. */
function table(rows, columns) {
  if (rows.length === 0) return h('p', { className: 'empty' }, 'None.');
  const cols =
    columns ?? [...new Set(rows.slice(0, 50).flatMap((r) => Object.keys(r)))].slice(0, 12);
  return h(
    'table',
    {},
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        cols.map((c) => h('th', {}, c)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          cols.map((c) => h('td', { title: cellText(r[c]) }, cellText(r[c]))),
        ),
      ),
    ),
  );
}

function card(title, content) {
  return h('section', { className: 'card' }, h('h3', {}, title), content);
}

async function getJson(path, init) {
  const res = await fetch(path, init);
  if (!res.ok) {
    const err = new Error(`${res.status} ${path}`);
    err.status = res.status;
    try {
      err.body = await res.json();
    } catch {}
    throw err;
  }
  return res.json();
}

// ---- the inbox list ----

function filters() {
  return {
    to: $('#f-to').value.trim(),
    provider: $('#f-provider').value,
    q: $('#f-q').value.trim(),
  };
}

function matches(m, f) {
  if (f.provider && m.provider !== f.provider) return false;
  if (f.to && !m.to.toLowerCase().includes(f.to.toLowerCase())) return false;
  if (!f.q) return true;
  const q = f.q.toLowerCase();
  return [m.subject, m.from, m.fromName, m.to, m.messageId, m.taskId].some((v) =>
    v?.toLowerCase().includes(q),
  );
}

function row(m, fresh) {
  const from = m.fromName ? `${m.fromName} <${m.from}>` : m.from;
  const tr = h(
    'tr',
    { dataset: { id: String(m.id) }, className: fresh ? 'fresh' : '' },
    h('td', { title: fmtTime(m.time) }, fmtTime(m.time).slice(5)),
    h(
      'td',
      {},
      h(
        'span',
        { className: `prov ${m.provider === 'aliyun-dm' ? 'aliyun-dm' : 'tencent-ses'}` },
        m.provider,
      ),
    ),
    h('td', { title: from }, from),
    h('td', { title: m.to }, m.to),
    h('td', { title: m.subject, className: 'subject' }, m.subject),
    h('td', { title: m.messageId }, m.taskId ? `task ${m.taskId}` : m.action),
  );
  if (m.id === state.selected) tr.classList.add('selected');
  tr.addEventListener('click', () => openMessage(m.id));
  return tr;
}

function renderList() {
  const body = $('#messages tbody');
  body.replaceChildren(...state.messages.map((m) => row(m, false)));
  $('#empty').hidden = state.messages.length > 0;
  $('#count').textContent = String(state.total);
}

async function loadMessages() {
  const f = filters();
  const query = new URLSearchParams({ limit: String(LIST_LIMIT) });
  for (const [k, v] of Object.entries(f)) if (v) query.set(k, v);
  const data = await getJson(`${API}/inbox?${query}`);
  state.messages = data.messages;
  state.total = data.total;
  renderList();
  setClock(data.time);
}

function addMessage(m) {
  // A copy can come both in a (re)loaded list and as a live event: show it once.
  if (!matches(m, filters()) || state.messages.some((x) => x.id === m.id)) return;
  state.messages.unshift(m);
  state.messages.length = Math.min(state.messages.length, LIST_LIMIT);
  state.total += 1;
  $('#messages tbody').prepend(row(m, true));
  $('#empty').hidden = true;
  $('#count').textContent = String(state.total);
}

// ---- the message view ----

function kvTable(obj) {
  const entries = Object.entries(obj ?? {});
  if (entries.length === 0) return h('p', { className: 'muted' }, 'None.');
  return h(
    'table',
    { className: 'kv' },
    h(
      'tbody',
      {},
      entries.map(([k, v]) => h('tr', {}, h('td', {}, k), h('td', {}, cellText(v)))),
    ),
  );
}

function meta(m) {
  const from = m.fromName ? `${m.fromName} <${m.from}>` : m.from;
  const pairs = [
    ['From', from],
    ['To', m.to],
    ['Cc', m.cc?.join(', ')],
    ['Reply-To', m.replyTo],
    ['Provider', `${m.provider} · ${m.action}`],
    ['Time', fmtTime(m.time)],
    ['Message id', m.messageId],
    ['Task', m.taskId],
    ['Template', m.templateId],
    ['Tag', m.tag],
    ['Attachments', m.attachments?.map((a) => `${a.name} (${a.size} B)`).join(', ')],
  ];
  return pairs.filter(([, v]) => v).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]);
}

function requestView(r) {
  if (!r) return h('p', { className: 'muted' }, 'The request is no longer in the journal.');
  return h(
    'div',
    {},
    h('pre', {}, `${r.method} ${r.path}`),
    h('h4', {}, 'Headers'),
    kvTable(r.headers),
    h(
      'h4',
      {},
      `Body (${r.status}${r.errorCode ? ` ${r.errorCode}` : ''}, ${Math.round(r.latencyMs)} ms)`,
    ),
    h('pre', {}, prettyBody(r.body)),
  );
}

function prettyBody(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text.split('&').join('\n&');
  }
}

function frameSrc(id) {
  return `${API}/inbox/${encodeURIComponent(String(id))}/body${state.remote ? '?remote=1' : ''}`;
}

async function openMessage(id) {
  state.selected = id;
  for (const tr of document.querySelectorAll('#messages tbody tr')) {
    tr.classList.toggle('selected', tr.dataset.id === String(id));
  }
  const m = await getJson(`${API}/inbox/${encodeURIComponent(String(id))}`);
  $('#viewer').hidden = false;
  $('#v-subject').textContent = m.subject;
  $('#v-meta').replaceChildren(...meta(m));
  $('#v-frame').src = frameSrc(id);
  $('#v-text').textContent = m.text ?? '(no text part)';
  $('#v-data').replaceChildren(kvTable(m.templateData));
  $('#v-headers').replaceChildren(kvTable(m.headers));
  $('#v-request').replaceChildren(requestView(m.request));
}

function showView(name) {
  for (const b of document.querySelectorAll('#v-tabs button'))
    b.classList.toggle('active', b.dataset.view === name);
  for (const v of document.querySelectorAll('.view'))
    v.classList.toggle('active', v.dataset.view === name);
}

// ---- panels ----

function setClock(time) {
  if (typeof time !== 'number') return;
  $('#clock').textContent = `${fmtTime(time)} UTC`;
  $('#clock-big').textContent = `${fmtTime(time)} UTC`;
}

async function loadRequests() {
  const { requests } = await getJson(`${API}/requests`);
  const rows = requests.map((r) => ({
    time: r.time,
    provider: r.provider ?? '',
    action: r.action ?? `${r.method} ${r.path}`,
    status: r.errorCode ? `${r.status} ${r.errorCode}` : r.status,
    recipients: r.recipients,
    'latency ms': Math.round(r.latencyMs),
  }));
  $('#requests').replaceChildren(card('Requests', table(rows)));
}

async function loadGroups() {
  const groups = await getJson(`${API}/groups`);
  const cards = [];
  for (const [provider, list] of Object.entries(groups)) {
    for (const g of list) {
      const members = g.members ?? g.recipients ?? [];
      const { members: _m, recipients: _r, ...info } = g;
      const title = `${provider} · ${g.name ?? g.ReceiversName ?? g.id} · ${members.length} recipient(s)`;
      cards.push(
        card(
          title,
          h(
            'div',
            {},
            kvTable(info),
            table(members.slice(0, 200).map((x) => (typeof x === 'string' ? { email: x } : x))),
          ),
        ),
      );
    }
  }
  $('#groups').replaceChildren(
    ...(cards.length ? cards : [h('p', { className: 'empty' }, 'No groups.')]),
  );
}

async function loadTasks() {
  const [tasks, clock] = await Promise.all([getJson(`${API}/tasks`), getJson(`${API}/clock`)]);
  setClock(clock.time);
  $('#tasks').replaceChildren(
    ...Object.entries(tasks).map(([provider, list]) => card(provider, table(list))),
  );
}

async function loadFaults() {
  const st = await getJson(`${API}/state`);
  const rows = st.faults.map((f) => ({
    provider: f.provider ?? 'any',
    action: f.action ?? 'any',
    remaining: f.remaining,
    fault: f.fault,
  }));
  $('#faults').replaceChildren(card('Pending faults', table(rows)));
}

async function loadEvents() {
  try {
    const data = await getJson(EVENTS_PATH);
    const list = Array.isArray(data) ? data : (data.events ?? []);
    $('#events').replaceChildren(card('Pushed events', table(list)));
  } catch (err) {
    const text =
      err.status === 404 ? 'This emulator does not push delivery events yet.' : String(err.message);
    $('#events').replaceChildren(h('p', { className: 'empty' }, text));
  }
}

const PANELS = {
  inbox: loadMessages,
  requests: loadRequests,
  groups: loadGroups,
  tasks: loadTasks,
  faults: loadFaults,
  events: loadEvents,
};

function refresh() {
  PANELS[state.panel]?.().catch((err) => console.error(err));
}

function showPanel(name) {
  state.panel = name;
  for (const b of document.querySelectorAll('#tabs button'))
    b.classList.toggle('active', b.dataset.panel === name);
  for (const p of document.querySelectorAll('.panel'))
    p.classList.toggle('active', p.id === `panel-${name}`);
  refresh();
}

async function advance(ms) {
  const clock = await getJson(`${API}/clock`, {
    method: 'POST',
    body: JSON.stringify({ advanceMs: ms }),
  });
  setClock(clock.time);
  await loadTasks();
}

function faultOf(kind, arg) {
  if (kind === 'error') return { kind, code: arg || 'InternalError' };
  if (kind === 'status') return { kind, status: Number(arg) || 503 };
  if (kind === 'delay') return { kind, ms: Number(arg) || 1000 };
  if (kind === 'html') return arg ? { kind, status: Number(arg) } : { kind };
  return { kind };
}

async function addFault(event) {
  event.preventDefault();
  const rule = {
    count: Number($('#fa-count').value) || 1,
    fault: faultOf($('#fa-kind').value, $('#fa-arg').value.trim()),
  };
  if ($('#fa-provider').value) rule.provider = $('#fa-provider').value;
  if ($('#fa-action').value.trim()) rule.action = $('#fa-action').value.trim();
  const error = $('#fault-error');
  try {
    await getJson(`${API}/faults`, { method: 'POST', body: JSON.stringify(rule) });
    error.hidden = true;
  } catch (err) {
    error.textContent = err.body?.error?.message ?? err.message;
    error.hidden = false;
  }
  await loadFaults();
}

// ---- live updates ----

function connect() {
  const source = new EventSource(`${API}/inbox/stream`);
  const live = $('#live');
  source.addEventListener('open', () => {
    live.textContent = 'live';
    live.className = 'live on';
  });
  source.addEventListener('error', () => {
    live.textContent = 'offline';
    live.className = 'live off';
  });
  source.addEventListener('hello', () => loadMessages().catch(console.error));
  source.addEventListener('message', (e) => addMessage(JSON.parse(e.data)));
  source.addEventListener('reset', () => loadMessages().catch(console.error));
  source.addEventListener('state', (e) => {
    setClock(JSON.parse(e.data).time);
    if (state.panel !== 'inbox') refresh();
  });
}

function debounce(fn, ms) {
  let timer;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, ms);
  };
}

function init() {
  for (const b of document.querySelectorAll('#tabs button'))
    b.addEventListener('click', () => showPanel(b.dataset.panel));
  for (const b of document.querySelectorAll('#v-tabs button'))
    b.addEventListener('click', () => showView(b.dataset.view));
  for (const b of document.querySelectorAll('[data-advance]'))
    b.addEventListener('click', () => advance(Number(b.dataset.advance)));
  const reload = debounce(() => loadMessages().catch(console.error), 150);
  $('#filters').addEventListener('input', reload);
  $('#filters').addEventListener('submit', (e) => e.preventDefault());
  $('#clear-outbox').addEventListener('click', () => fetch(`${API}/outbox`, { method: 'DELETE' }));
  $('#v-remote').addEventListener('change', (e) => {
    state.remote = e.target.checked;
    if (state.selected !== undefined) $('#v-frame').src = frameSrc(state.selected);
  });
  $('#advance-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const minutes = Number($('#advance-min').value);
    if (minutes > 0) advance(minutes * 60_000);
  });
  $('#fault-form').addEventListener('submit', addFault);
  $('#fa-clear').addEventListener('click', () =>
    fetch(`${API}/faults`, { method: 'DELETE' }).then(loadFaults),
  );
  connect();
}

init();
