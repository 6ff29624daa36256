/**
 * The pages' stylesheet and scripts, served from this origin so the Content-Security-Policy can
 * forbid inline code. Plain CSS and JavaScript: no front-end build. The board script renders
 * every user text with textContent, never as markup.
 */

export const BOARD_CSS = `
*{box-sizing:border-box}
html{font-size:clamp(15px,1.45vw + .55vh,40px)}
body{margin:0;font-family:"Noto Sans CJK KR","Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic","NanumGothic",system-ui,sans-serif,"Noto Color Emoji";background:#0f1724;color:#f3f6fb;line-height:1.35}
a{color:#9cc3ff}
.board{height:100vh;display:flex;flex-direction:column;padding:1.2rem 1.6rem;gap:.9rem;overflow:hidden}
.organiser .board{height:auto;min-height:100vh;overflow:visible}
.top{display:flex;align-items:baseline;gap:1rem;flex-wrap:wrap}
.top h1{font-size:1.55rem;margin:0;flex:1 1 auto;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.status{font-size:.8rem;padding:.15rem .6rem;border-radius:1rem;background:#1f7a3d}
.status.ended{background:#6b7280}
.counts{display:flex;gap:1.1rem;list-style:none;margin:0;padding:0;font-size:.85rem;color:#c7d2e3}
.counts b{color:#fff;font-size:1.05rem;margin-inline-end:.25rem}
.lang{font-size:.75rem}
.now{background:#fff4d6;color:#1b1b1b;border-radius:.6rem;padding:.8rem 1.1rem;border-left:.5rem solid #f2a900}
.now h2{margin:0 0 .2rem;font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;color:#8a5a00}
.now .text{font-size:1.6rem;font-weight:700;margin:0;display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden;overflow-wrap:anywhere}
.now .meta{margin:.3rem 0 0;font-size:.8rem;color:#5b4a1e}
.queue-section{flex:1 1 auto;min-height:0;display:flex;flex-direction:column}
.queue-section h2{font-size:.9rem;margin:0 0 .4rem;color:#c7d2e3;font-weight:600}
.queue{list-style:none;margin:0;padding:0;overflow:hidden;flex:1 1 auto}
.organiser .queue{overflow:visible}
.queue li{display:flex;align-items:flex-start;gap:.9rem;padding:.5rem .6rem;border-bottom:1px solid #26334a;border-radius:.4rem}
.queue li.selected{outline:.15rem solid #f2a900;background:#1b2638}
.rank{font-weight:700;color:#8ea4c4;min-width:1.6rem;text-align:right;font-size:1.05rem}
.votes{font-weight:700;background:#2e4a7d;border-radius:.4rem;padding:.05rem .5rem;min-width:3.4rem;text-align:center;font-size:1.05rem;white-space:nowrap}
.q{flex:1 1 auto;min-width:0}
.q .text{font-size:1.15rem;margin:0;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;overflow-wrap:anywhere}
.q .meta{font-size:.7rem;color:#9fb0c9;margin:.1rem 0 0}
.empty{color:#9fb0c9;font-size:1.1rem}
.actions{display:flex;gap:.4rem;flex-wrap:wrap}
button{font:inherit;font-size:.7rem;padding:.25rem .6rem;border-radius:.35rem;border:1px solid #4b5d7a;background:#22314a;color:#fff;cursor:pointer}
button:hover,button:focus-visible{background:#2f4466;outline:2px solid #9cc3ff}
.toolbar{display:flex;gap:.6rem;align-items:center;flex-wrap:wrap;font-size:.8rem}
.answer-form{display:flex;gap:.5rem;align-items:center;flex-wrap:wrap;background:#1b2638;padding:.6rem;border-radius:.5rem}
.answer-form[hidden]{display:none}
.answer-form label{flex:1 1 100%;font-size:.7rem;color:#c7d2e3}
.answer-form input{flex:1 1 auto;font:inherit;font-size:.8rem;padding:.3rem .5rem;border-radius:.35rem;border:1px solid #4b5d7a;background:#0f1724;color:#fff}
.keys{font-size:.65rem;color:#9fb0c9;margin:0}
.toast{font-size:.75rem;color:#ffd479;min-height:1em;margin:0}
.offline{position:fixed;bottom:.5rem;right:.8rem;background:#7a1f1f;padding:.3rem .7rem;border-radius:.4rem;font-size:.7rem}
.offline[hidden]{display:none}
.message{max-width:40rem;margin:4rem auto;font-size:1.1rem;padding:0 1rem}
.paper{background:#fbfbfd;color:#17202e;min-height:100vh}
html:has(body.paper){font-size:16px}
.doc{max-width:72rem;margin:0 auto;padding:1.5rem 1.2rem 3rem;font-size:16px}
.doc h1{font-size:1.6rem;margin:.2rem 0 .4rem}
.doc h2{font-size:1.2rem;margin:1.6rem 0 .5rem;border-bottom:2px solid #d5dbe6;padding-bottom:.2rem}
.doc .sub{color:#4a5568;margin:0 0 .8rem}
.doc a{color:#1d4ed8}
.qa{list-style:none;padding:0;margin:0}
.qa li{padding:.55rem 0;border-bottom:1px solid #e2e7ef}
.qa .q{font-weight:600;display:block;white-space:pre-wrap;overflow-wrap:anywhere}
.qa .a{display:block;margin-top:.2rem;color:#243042;white-space:pre-wrap;overflow-wrap:anywhere}
.qa .n{color:#64748b;font-size:.85em;font-weight:400}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:end;background:#eef2f8;padding:.7rem .9rem;border-radius:.5rem}
form.filters label{display:flex;flex-direction:column;font-size:.8rem;color:#334155;gap:.15rem}
form.filters select,form.filters input{font:inherit;font-size:.9rem;padding:.25rem .4rem;border:1px solid #94a3b8;border-radius:.3rem;background:#fff;color:#111}
form.filters button{font-size:.9rem;background:#1d4ed8;border-color:#1d4ed8}
.bar{display:flex;gap:1rem;align-items:center;margin:.8rem 0 .3rem;flex-wrap:wrap}
table.projects{border-collapse:collapse;width:100%;font-size:.9rem}
table.projects th,table.projects td{border-bottom:1px solid #dde3ec;padding:.4rem .45rem;text-align:left;vertical-align:top}
table.projects th{background:#f1f4f9;white-space:nowrap}
table.projects th a{color:#17202e;text-decoration:none}
table.projects th a:hover{text-decoration:underline}
table.projects td.num{text-align:right;white-space:nowrap}
table.projects tr[hidden]{display:none}
.sources a{display:inline-block;margin-inline-end:.4rem;font-size:.8rem}
.note{color:#4a5568;font-size:.85rem}
`;

export const BOARD_JS = `'use strict';
(function () {
  var data = JSON.parse(document.getElementById('board-data').textContent);
  var t = data.text;
  var isOrganiser = data.role === 'organiser';
  var state = data.state;
  var selectedId = null;
  var root = document.getElementById('board');

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function toast(text) {
    var node = document.getElementById('toast');
    if (node) node.textContent = text;
  }

  function act(body) {
    return fetch(data.actionsUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        toast(response.ok ? t.done : t.failed + ' (' + (json.message || response.status) + ')');
      });
    }, function () { toast(t.failed); });
  }

  function buttons(question) {
    var box = el('div', 'actions');
    [['pin', t.pin, 'P'], ['answer', t.answer, 'A'], ['dismiss', t.dismiss, 'D']].forEach(function (b) {
      var button = el('button', '', b[1] + ' (' + b[2] + ')');
      button.type = 'button';
      button.dataset.action = b[0];
      button.addEventListener('click', function () {
        selectedId = question.id;
        if (b[0] === 'answer') openAnswer(question.id);
        else act({ action: b[0], questionId: question.id });
      });
      box.appendChild(button);
    });
    return box;
  }

  function meta(question) {
    var parts = [];
    if (question.asker) parts.push(t.askedBy + ': ' + question.asker);
    return parts.length ? el('p', 'meta', parts.join(' · ')) : null;
  }

  function visibleIds() {
    var ids = [];
    if (state.pinned) ids.push(state.pinned.id);
    state.queue.forEach(function (q) { ids.push(q.id); });
    return ids;
  }

  function render() {
    document.getElementById('title').textContent = state.briefing.title;
    var status = document.getElementById('status');
    status.textContent = state.briefing.isRunning ? t.live : t.ended;
    status.className = 'status' + (state.briefing.isRunning ? '' : ' ended');
    var counts = document.getElementById('counts');
    counts.textContent = '';
    [['waiting', t.waiting], ['answered', t.answered], ['auto', t.auto], ['total', t.total]].forEach(function (c) {
      var item = el('li');
      item.dataset.count = c[0];
      item.appendChild(el('b', '', state.counts[c[0]]));
      item.appendChild(document.createTextNode(c[1]));
      counts.appendChild(item);
    });

    var ids = visibleIds();
    if (ids.indexOf(selectedId) < 0) selectedId = ids.length ? ids[0] : null;

    var now = document.getElementById('now');
    now.textContent = '';
    now.hidden = !state.pinned;
    if (state.pinned) {
      now.appendChild(el('h2', '', '📌 ' + t.answeringNow + ' · ▲ ' + state.pinned.votes));
      var text = el('p', 'text', state.pinned.text);
      text.dataset.id = state.pinned.id;
      now.appendChild(text);
      var m = meta(state.pinned);
      if (m) now.appendChild(m);
      now.classList.toggle('selected', isOrganiser && selectedId === state.pinned.id);
      if (isOrganiser) now.appendChild(buttons(state.pinned));
    }

    var list = document.getElementById('queue');
    list.textContent = '';
    state.queue.forEach(function (q, i) {
      var item = el('li');
      item.dataset.id = q.id;
      if (isOrganiser && q.id === selectedId) item.className = 'selected';
      item.appendChild(el('span', 'rank', i + 1));
      item.appendChild(el('span', 'votes', '▲ ' + q.votes));
      var body = el('div', 'q');
      body.appendChild(el('p', 'text', q.text));
      var m = meta(q);
      if (m) body.appendChild(m);
      item.appendChild(body);
      if (isOrganiser) item.appendChild(buttons(q));
      list.appendChild(item);
    });
    document.getElementById('empty').hidden = state.queue.length > 0 || !!state.pinned;
    var names = document.getElementById('names');
    if (names) names.textContent = (state.showNames ? t.namesOn : t.namesOff) + ' (T)';
  }

  var answerFor = null;
  function openAnswer(id) {
    var form = document.getElementById('answer-form');
    if (!form || !id) return;
    answerFor = id;
    form.hidden = false;
    var input = document.getElementById('answer-text');
    input.value = '';
    input.focus();
  }
  function closeAnswer() {
    var form = document.getElementById('answer-form');
    if (form) form.hidden = true;
    answerFor = null;
  }

  function move(step) {
    var ids = visibleIds();
    if (!ids.length) return;
    var at = ids.indexOf(selectedId);
    selectedId = ids[Math.max(0, Math.min(ids.length - 1, at + step))];
    render();
  }

  if (isOrganiser) {
    document.getElementById('pin-next').addEventListener('click', function () { act({ action: 'pin-next' }); });
    document.getElementById('names').addEventListener('click', function () {
      act({ action: 'names', show: !state.showNames });
    });
    document.getElementById('answer-form').addEventListener('submit', function (event) {
      event.preventDefault();
      var text = document.getElementById('answer-text').value.trim();
      var id = answerFor;
      closeAnswer();
      if (id) act({ action: 'answer', questionId: id, answer: text === '' ? null : text });
    });
    document.getElementById('answer-cancel').addEventListener('click', closeAnswer);
    document.addEventListener('keydown', function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var typing = event.target && (event.target.tagName === 'INPUT' || event.target.tagName === 'TEXTAREA');
      if (typing) {
        if (event.key === 'Escape') { event.preventDefault(); closeAnswer(); }
        return;
      }
      var key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
      if (key === 'ArrowDown' || key === 'j') move(1);
      else if (key === 'ArrowUp' || key === 'k') move(-1);
      else if (key === 'n') act({ action: 'pin-next' });
      else if (key === 'p' && selectedId) act({ action: 'pin', questionId: selectedId });
      else if (key === 'a' && selectedId) openAnswer(selectedId);
      else if (key === 'd' && selectedId) act({ action: 'dismiss', questionId: selectedId });
      else if (key === 't') act({ action: 'names', show: !state.showNames });
      else return;
      event.preventDefault();
    });
  }

  render();
  root.dataset.ready = 'true';
  var offline = document.getElementById('offline');
  var source = new EventSource(data.eventsUrl);
  source.onmessage = function (event) {
    state = JSON.parse(event.data);
    offline.hidden = true;
    render();
    root.dataset.version = String(Number(root.dataset.version || '0') + 1);
  };
  source.addEventListener('gone', function () { source.close(); offline.hidden = false; offline.textContent = t.expired; });
  source.onerror = function () { if (source.readyState !== 2) offline.hidden = false; };
})();
`;

/** Projects page: the filter form submits on change (it works without this script too). */
export const PROJECTS_JS = `'use strict';
(function () {
  var form = document.querySelector('form.filters');
  if (!form) return;
  form.addEventListener('change', function () { form.requestSubmit(); });
})();
`;
