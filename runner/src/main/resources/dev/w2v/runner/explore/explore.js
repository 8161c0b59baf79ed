// w2v explore: the page. Plain JavaScript and SVG, no library; everything it shows comes from the
// JSON API of the server that served it (see ExplorerApi.java). Words are always inserted as text,
// never as HTML, since a vocabulary may hold any string.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const $ = (id) => document.getElementById(id);

const state = {
  word: null, // the searched word
  k: 10, // neighbours listed
  mapSize: 50, // neighbours on the map
  method: 'pca',
  mapWords: null, // a typed list shown on the map instead of a neighbourhood
};

// ---------------------------------------------------------------------------------------------
// API

class ApiError extends Error {
  constructor(body) {
    super(body.error || 'request failed');
    this.body = body;
  }
}

let pending = new Map(); // one request in flight per kind; a newer one aborts the older

async function api(path, params, kind) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params || {})) {
    if (value !== undefined && value !== null && value !== '') query.set(name, value);
  }
  let signal;
  if (kind) {
    if (pending.has(kind)) pending.get(kind).abort();
    const controller = new AbortController();
    pending.set(kind, controller);
    signal = controller.signal;
  }
  const response = await fetch(path + (query.toString() ? '?' + query : ''), {signal});
  let body;
  try {
    body = await response.json();
  } catch (e) {
    body = {error: 'the server answered ' + response.status + ' without JSON'};
  }
  if (!response.ok) throw new ApiError(body);
  return body;
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function svg(tag, attrs, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

function wordLink(word, onClick) {
  return el('a', {href: '?word=' + encodeURIComponent(word), class: 'word', 'data-word': word,
    onclick: (ev) => {
      if (ev.ctrlKey || ev.metaKey || ev.shiftKey) return; // let the browser open a tab
      ev.preventDefault();
      (onClick || search)(word);
    }}, word);
}

/** Shows an API error in a notice box, with "did you mean" links for unknown words. */
function showError(box, error, retry) {
  box.replaceChildren();
  box.hidden = false;
  box.classList.add('error');
  if (!(error instanceof ApiError)) {
    if (error.name === 'AbortError') { box.hidden = true; return; }
    box.append('Cannot reach the explorer: ' + error.message);
    return;
  }
  const body = error.body;
  const unknown = body.unknown || [];
  if (unknown.length === 0) {
    box.append(body.error);
    if (body.suggestions && body.suggestions.length) {
      box.append(' (did you mean ' + body.suggestions.join(', ') + '?)');
    }
    return;
  }
  for (const u of unknown) {
    const line = el('p', {class: 'unknown'}, 'Unknown word ', el('b', {}, u.word), ': not in the vocabulary.');
    if (u.suggestions.length) {
      line.append(' Did you mean ');
      u.suggestions.forEach((s, i) => {
        if (i > 0) line.append(', ');
        line.append(el('a', {href: '#', class: 'suggestion', 'data-word': s,
          onclick: (ev) => { ev.preventDefault(); retry(u.word, s); }}, s));
      });
      line.append('?');
    }
    box.append(line);
  }
}

function clearNotice(box) {
  box.hidden = true;
  box.classList.remove('error');
  box.replaceChildren();
}

// ---------------------------------------------------------------------------------------------
// URL: the page's state is in its address, so it can be shared and the back button works

function readUrl() {
  const p = new URLSearchParams(location.search);
  const int = (name, fallback, min, max) => {
    const v = parseInt(p.get(name), 10);
    return Number.isFinite(v) && v >= min && v <= max ? v : fallback;
  };
  state.k = int('k', 10, 1, 1000);
  state.mapSize = int('map', 50, 1, 999);
  state.method = p.get('method') === 'tsne' ? 'tsne' : 'pca';
  state.word = p.get('word');
  state.mapWords = p.get('words');
  $('k').value = state.k;
  setMapSize(state.mapSize);
  document.querySelector(`input[name=method][value=${state.method}]`).checked = true;
  for (const id of ['a', 'b', 'c', 'positive', 'negative']) {
    if (p.has(id)) $(id).value = p.get(id);
  }
  return p;
}

function writeUrl(push) {
  const p = new URLSearchParams();
  if (state.word) p.set('word', state.word);
  if (state.mapWords) p.set('words', state.mapWords);
  if (state.k !== 10) p.set('k', state.k);
  if (state.mapSize !== 50) p.set('map', state.mapSize);
  if (state.method !== 'pca') p.set('method', state.method);
  const url = location.pathname + (p.toString() ? '?' + p : '');
  if (url === location.pathname + location.search) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}

function setMapSize(n) {
  const select = $('map-size');
  if (![...select.options].some((o) => o.value === String(n))) {
    select.append(el('option', {}, String(n)));
  }
  select.value = String(n);
}

// ---------------------------------------------------------------------------------------------
// Search and neighbours

async function search(word, push = true) {
  word = (word || '').trim();
  if (!word) return;
  closeCompletions();
  $('q').value = word;
  state.word = word;
  state.mapWords = null;
  $('map-words').value = '';
  writeUrl(push);
  document.title = word + ' · w2v explore';
  const notice = $('notice');
  try {
    const result = await api('/api/neighbors', {word, k: state.k}, 'neighbors');
    clearNotice(notice);
    renderNeighbors(result);
  } catch (error) {
    $('neighbors').hidden = true;
    $('word-title').hidden = true;
    showError(notice, error, (_, s) => search(s));
    return;
  }
  drawMap();
}

function renderNeighbors(result) {
  const title = $('word-title');
  title.replaceChildren('Nearest to ', el('b', {id: 'current-word'}, result.word));
  title.hidden = false;
  const body = $('neighbors').tBodies[0];
  body.replaceChildren();
  result.neighbors.forEach((n, i) => {
    const bar = el('span', {class: 'bar'});
    bar.style.width = Math.max(0, n.similarity) * 100 + '%';
    body.append(el('tr', {'data-word': n.word},
      el('td', {class: 'rank'}, i + 1),
      el('td', {}, wordLink(n.word)),
      el('td', {class: 'sim'}, el('span', {class: 'bar-box'}, bar), n.similarity.toFixed(4))));
  });
  $('neighbors').hidden = false;
}

// ---------------------------------------------------------------------------------------------
// Completion from the vocabulary

let completionTimer = null;
let activeCompletion = -1;

function closeCompletions() {
  const list = $('completions');
  list.hidden = true;
  list.replaceChildren();
  activeCompletion = -1;
  $('q').setAttribute('aria-expanded', 'false');
}

async function complete() {
  const prefix = $('q').value.trim();
  if (!prefix) { closeCompletions(); return; }
  let result;
  try {
    result = await api('/api/complete', {prefix, limit: 10}, 'complete');
  } catch (error) {
    closeCompletions();
    return;
  }
  if ($('q').value.trim() !== prefix) return; // typed on meanwhile
  const list = $('completions');
  list.replaceChildren();
  activeCompletion = -1;
  for (const word of result.words) {
    list.append(el('li', {role: 'option', 'data-word': word,
      onmousedown: (ev) => { ev.preventDefault(); search(word); }}, word));
  }
  list.hidden = result.words.length === 0;
  $('q').setAttribute('aria-expanded', String(!list.hidden));
}

function moveCompletion(step) {
  const items = [...$('completions').children];
  if (items.length === 0) return;
  activeCompletion = (activeCompletion + step + items.length + 1) % (items.length + 1) - 1;
  items.forEach((li, i) => li.classList.toggle('active', i === activeCompletion));
  if (activeCompletion >= 0) $('q').value = items[activeCompletion].dataset.word;
}

// ---------------------------------------------------------------------------------------------
// The map

let mapRequest = 0;

async function drawMap() {
  const caption = $('map-caption');
  const notice = $('map-notice');
  const request = ++mapRequest;
  let result;
  const method = state.method;
  try {
    if (state.mapWords) {
      caption.textContent = 'Your words, ' + (method === 'tsne' ? 't-SNE' : 'PCA') + '…';
      result = await api('/api/projection', {words: state.mapWords, method}, 'map');
    } else if (state.word) {
      caption.textContent = 'The neighbourhood of ' + state.word + ', ' + (method === 'tsne' ? 't-SNE' : 'PCA') + '…';
      result = await api('/api/neighborhood', {word: state.word, k: state.mapSize, method}, 'map');
    } else {
      return;
    }
  } catch (error) {
    if (error.name === 'AbortError') return;
    showError(notice, error, (bad, good) => {
      state.mapWords = state.mapWords.split(/[\s,]+/).map((w) => (w === bad ? good : w)).join(', ');
      $('map-words').value = state.mapWords;
      writeUrl(false);
      drawMap();
    });
    return;
  }
  if (request !== mapRequest) return;
  clearNotice(notice);
  const how = result.method === 'tsne' ? `t-SNE, perplexity ${Number(result.perplexity.toFixed(1))}` : 'first two principal components';
  caption.textContent = state.mapWords
    ? `${result.points.length} words of your list (${how}).`
    : `${result.word} and its ${result.points.length - 1} nearest neighbours (${how}); darker is nearer.`;
  renderMap(result.points, state.mapWords ? null : result.word);
}

let measureContext = null;

/** The width of a label in pixels of the map's coordinate system. */
function labelWidth(text, bold) {
  if (!measureContext) measureContext = document.createElement('canvas').getContext('2d');
  measureContext.font = (bold ? '700 14px ' : '12px ') + getComputedStyle(document.body).fontFamily;
  return measureContext.measureText(text).width;
}

function renderMap(points, center) {
  const map = $('map');
  map.replaceChildren();
  map.dataset.count = points.length;
  const width = 800;
  const height = 600;
  // Labels sit right of their points, so the right margin is wider.
  const pad = {left: 24, right: 110, top: 24, bottom: 24};
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  // One scale for both axes: distances on the map mean the same in every direction.
  const scale = Math.min((width - pad.left - pad.right) / (x1 - x0 || 1), (height - pad.top - pad.bottom) / (y1 - y0 || 1));
  const cx = pad.left + (width - pad.left - pad.right - scale * (x1 - x0)) / 2;
  const cy = pad.bottom + (height - pad.top - pad.bottom - scale * (y1 - y0)) / 2;
  const px = (x) => cx + (x - x0) * scale;
  const py = (y) => height - (cy + (y - y0) * scale);
  const sims = points.filter((p) => p.word !== center && p.similarity != null).map((p) => p.similarity);
  const [s0, s1] = sims.length ? [Math.min(...sims), Math.max(...sims)] : [0, 1];
  // Labels are placed greedily, the centre word first, then the nearest words (or the list's
  // order); one that would overlap a label already placed is left out and shows on hover only.
  const byPriority = [...points.keys()].sort((a, b) =>
    (points[b].word === center) - (points[a].word === center) ||
    (points[b].similarity ?? 0) - (points[a].similarity ?? 0) || a - b);
  const placed = [];
  const labelled = new Set();
  for (const i of byPriority) {
    const p = points[i];
    const big = p.word === center;
    const box = {x: px(p.x) + 7, y: py(p.y) - (big ? 10 : 9), w: labelWidth(p.word, big) + 2, h: big ? 15 : 13};
    if (placed.every((o) => box.x + box.w < o.x || o.x + o.w < box.x || box.y + box.h < o.y || o.y + o.h < box.y)) {
      placed.push(box);
      labelled.add(i);
    }
  }
  const layer = svg('g', {class: 'points'});
  // Drawn in reverse priority, so that the centre word and the nearest are on top.
  for (const i of [...byPriority].reverse()) {
    const p = points[i];
    const g = svg('g', {class: 'point' + (p.word === center ? ' center' : ''), 'data-word': p.word,
      transform: `translate(${px(p.x).toFixed(1)},${py(p.y).toFixed(1)})`, tabindex: '0', role: 'link'});
    const t = p.similarity == null || p.word === center ? 1 : (p.similarity - s0) / (s1 - s0 || 1);
    const dot = svg('circle', {r: p.word === center ? 7 : 5});
    if (p.word !== center && p.similarity != null) dot.style.fillOpacity = (0.3 + 0.7 * t).toFixed(2);
    g.append(dot);
    const label = svg('text', {x: 8, y: 4}, p.word);
    if (!labelled.has(i)) label.classList.add('hidden-label');
    g.append(label);
    g.append(svg('title', {}, p.word + (p.similarity != null && p.word !== center ? '  ' + p.similarity.toFixed(4) : '')));
    g.addEventListener('mouseenter', () => showTooltip(g, p, center));
    g.addEventListener('mouseleave', hideTooltip);
    g.addEventListener('click', () => search(p.word));
    g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') search(p.word); });
    layer.append(g);
  }
  map.append(layer);
}

function showTooltip(g, p, center) {
  // Highlighted in place: moving the element to the top would make the browser re-enter it and
  // could swallow the click that follows.
  g.classList.add('hover');
  const tip = $('tooltip');
  tip.replaceChildren(el('b', {}, p.word));
  if (p.similarity != null && p.word !== center) tip.append(' ' + p.similarity.toFixed(4));
  const box = $('map-box').getBoundingClientRect();
  const at = g.getBoundingClientRect();
  tip.style.left = at.left - box.left + at.width / 2 + 'px';
  tip.style.top = at.top - box.top - 8 + 'px';
  tip.hidden = false;
}

function hideTooltip(ev) {
  ev.currentTarget.classList.remove('hover');
  $('tooltip').hidden = true;
}

// ---------------------------------------------------------------------------------------------
// Analogy and word lists

function renderAnswers(list, answers) {
  list.replaceChildren();
  for (const n of answers) {
    list.append(el('li', {'data-word': n.word}, wordLink(n.word), ' ', el('span', {class: 'muted'}, n.similarity.toFixed(4))));
  }
  list.hidden = false;
}

async function analogy(ev) {
  if (ev) ev.preventDefault();
  const [a, b, c] = ['a', 'b', 'c'].map((id) => $(id).value.trim());
  const box = $('analogy-notice');
  const list = $('analogy-results');
  try {
    const result = await api('/api/analogy', {a, b, c, k: 10}, 'analogy');
    clearNotice(box);
    renderAnswers(list, result.answers);
  } catch (error) {
    list.hidden = true;
    showError(box, error, (bad, good) => {
      for (const id of ['a', 'b', 'c']) if ($(id).value.trim() === bad) $(id).value = good;
      analogy();
    });
  }
}

async function lists(ev) {
  if (ev) ev.preventDefault();
  const positive = $('positive').value.trim();
  const negative = $('negative').value.trim();
  const box = $('lists-notice');
  const list = $('lists-results');
  try {
    const result = await api('/api/similar', {positive, negative, k: 10}, 'similar');
    clearNotice(box);
    renderAnswers(list, result.neighbors);
  } catch (error) {
    list.hidden = true;
    showError(box, error, (bad, good) => {
      for (const id of ['positive', 'negative']) {
        $(id).value = $(id).value.split(/([\s,]+)/).map((w) => (w === bad ? good : w)).join('');
      }
      lists();
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The training run

function niceTicks(lo, hi, count) {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw);
  const ticks = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) ticks.push(t);
  return ticks;
}

function formatTick(v) {
  const a = Math.abs(v);
  if (a >= 1e6) return (v / 1e6).toFixed(a >= 1e7 ? 0 : 1) + 'M';
  if (a >= 1e4) return (v / 1e3).toFixed(0) + 'k';
  return Number(v.toPrecision(4)).toString();
}

function renderLoss(metrics) {
  const chart = $('loss');
  chart.replaceChildren();
  const W = 640;
  const H = 300;
  const m = {left: 56, right: metrics.learningRate ? 60 : 16, top: 12, bottom: 40};
  const pts = metrics.points.filter((p) => p[1] !== null);
  if (pts.length === 0) {
    $('loss-caption').textContent = metrics.file + ' has a header but no rows yet.';
    $('loss-figure').hidden = false;
    return;
  }
  const x0 = Math.min(...pts.map((p) => p[0]));
  const x1 = Math.max(...pts.map((p) => p[0]));
  const y0 = Math.min(...pts.map((p) => p[1]));
  const y1 = Math.max(...pts.map((p) => p[1]));
  const sx = (x) => m.left + ((x - x0) / (x1 - x0 || 1)) * (W - m.left - m.right);
  const sy = (y) => H - m.bottom - ((y - y0) / (y1 - y0 || 1)) * (H - m.top - m.bottom);
  const axes = svg('g', {class: 'axes'});
  for (const t of niceTicks(x0, x1, 6)) {
    axes.append(svg('line', {x1: sx(t), x2: sx(t), y1: H - m.bottom, y2: m.top, class: 'grid'}));
    axes.append(svg('text', {x: sx(t), y: H - m.bottom + 16, 'text-anchor': 'middle'}, formatTick(t)));
  }
  for (const t of niceTicks(y0, y1, 5)) {
    axes.append(svg('line', {x1: m.left, x2: W - m.right, y1: sy(t), y2: sy(t), class: 'grid'}));
    axes.append(svg('text', {x: m.left - 6, y: sy(t) + 4, 'text-anchor': 'end'}, formatTick(t)));
  }
  axes.append(svg('text', {x: (m.left + W - m.right) / 2, y: H - 6, 'text-anchor': 'middle', class: 'label'}, metrics.x));
  axes.append(svg('text', {x: 14, y: (m.top + H - m.bottom) / 2, 'text-anchor': 'middle', class: 'label',
    transform: `rotate(-90 14 ${(m.top + H - m.bottom) / 2})`}, metrics.loss));
  chart.append(axes);
  // A missing (diverged) loss breaks the line rather than joining across the gap.
  let d = '';
  let pen = false;
  for (const p of metrics.points) {
    if (p[1] === null) { pen = false; continue; }
    d += (pen ? 'L' : 'M') + sx(p[0]).toFixed(1) + ' ' + sy(p[1]).toFixed(1);
    pen = true;
  }
  chart.append(svg('path', {d, class: 'loss-line'}));
  if (metrics.learningRate) {
    const lr = metrics.points.filter((p) => p[2] !== null && p[2] !== undefined);
    const l1 = Math.max(...lr.map((p) => p[2]));
    const sl = (v) => H - m.bottom - (v / (l1 || 1)) * (H - m.top - m.bottom);
    chart.append(svg('path', {d: lr.map((p, i) => (i ? 'L' : 'M') + sx(p[0]).toFixed(1) + ' ' + sl(p[2]).toFixed(1)).join(''), class: 'lr-line'}));
    for (const t of niceTicks(0, l1, 4)) {
      chart.append(svg('text', {x: W - m.right + 6, y: sl(t) + 4, class: 'lr-tick'}, formatTick(t)));
    }
    chart.append(svg('text', {x: W - 10, y: (m.top + H - m.bottom) / 2, 'text-anchor': 'middle', class: 'label lr-tick',
      transform: `rotate(90 ${W - 10} ${(m.top + H - m.bottom) / 2})`}, metrics.learningRate));
  }
  const last = pts[pts.length - 1];
  $('loss-caption').textContent = `${metrics.loss} against ${metrics.x}, ${metrics.rows} rows of ${metrics.file}` +
    (metrics.rows > metrics.points.length ? ` (${metrics.points.length} drawn)` : '') +
    `; last ${formatTick(last[1])} at ${metrics.x} ${formatTick(last[0])}` +
    (metrics.learningRate ? `; dashed: ${metrics.learningRate} (right axis)` : '') +
    (metrics.skippedLines ? `; ${metrics.skippedLines} unreadable lines skipped` : '') + '.';
  $('loss-figure').hidden = false;
}

const percent = (v) => (v === null || v === undefined ? 'n/a' : (100 * v).toFixed(2) + '%');
const fixed = (v) => (v === null || v === undefined ? 'n/a' : v.toFixed(4));

function renderEvaluation(evaluation) {
  const box = $('evaluation');
  box.replaceChildren(el('h3', {}, 'Evaluation'));
  let known = false;
  const analogies = evaluation.analogies && evaluation.analogies.result;
  if (analogies && analogies.total) {
    known = true;
    const t = analogies.total;
    box.append(el('p', {class: 'figure'}, el('b', {}, percent(t.accuracy)),
      ` of ${t.correct + t.incorrect} analogies right (${evaluation.analogies.file}; ` +
      `${analogies.outOfVocabulary} of ${analogies.questions} questions out of vocabulary)`));
    const table = el('table', {class: 'results small'},
      el('thead', {}, el('tr', {}, el('th', {}, 'section'), el('th', {class: 'sim'}, 'right'), el('th', {class: 'sim'}, 'of'), el('th', {class: 'sim'}, 'accuracy'))));
    const body = el('tbody');
    for (const s of analogies.sections || []) {
      body.append(el('tr', {}, el('td', {}, s.name), el('td', {class: 'sim'}, s.correct),
        el('td', {class: 'sim'}, s.correct + s.incorrect), el('td', {class: 'sim'}, percent(s.accuracy))));
    }
    table.append(body);
    box.append(table);
  }
  for (const s of evaluation.similarity || []) {
    if (!s.result) continue;
    known = true;
    const r = s.result;
    box.append(el('p', {class: 'figure'}, 'Spearman ', el('b', {}, fixed(r.spearman)), ', Pearson ', el('b', {}, fixed(r.pearson)),
      ` on ${r.pairs} word pairs (${s.file}; ${percent(r.outOfVocabularyRatio)} out of vocabulary)`));
  }
  if (!known) {
    box.append(el('p', {class: 'muted small'}, 'evaluation.json, as written:'), el('pre', {}, JSON.stringify(evaluation, null, 2)));
  }
  box.hidden = false;
}

async function loadRun() {
  let run;
  try {
    run = await api('/api/run');
  } catch (error) {
    showError($('run-notice'), error);
    $('run-panel').hidden = false;
    return;
  }
  $('run-panel').hidden = false;
  $('run-source').textContent = run.folder + ': ' + (run.present.length ? run.present.join(', ') : 'none of the usual outputs');
  const notice = $('run-notice');
  clearNotice(notice);
  if (run.missing.length) {
    notice.hidden = false;
    for (const m of run.missing) notice.append(el('p', {}, m));
  }
  if (run.metrics) {
    renderLoss(run.metrics);
  } else if (run.pictures.includes('loss.png')) {
    // No numbers to draw from: the picture train drew takes the curve's place.
    $('loss').replaceWith(el('img', {id: 'loss', src: '/run/loss.png', alt: 'loss curve (loss.png)'}));
    $('loss-caption').textContent = 'loss.png, as w2v train drew it (the run has no metrics.csv to draw from).';
    $('loss-figure').hidden = false;
  }
  if (run.evaluation) renderEvaluation(run.evaluation);
  const pictures = $('pictures');
  pictures.replaceChildren();
  for (const name of run.pictures) {
    if (name === 'loss.png') continue; // drawn above, from the numbers or as the picture
    pictures.append(el('figure', {}, el('img', {src: '/run/' + name, alt: name}), el('figcaption', {class: 'muted small'}, name + ', as w2v train drew it')));
  }
}

// ---------------------------------------------------------------------------------------------
// Start

async function start() {
  const q = $('q');
  q.addEventListener('input', () => {
    clearTimeout(completionTimer);
    completionTimer = setTimeout(complete, 120);
  });
  q.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') { ev.preventDefault(); moveCompletion(1); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); moveCompletion(-1); }
    else if (ev.key === 'Escape') closeCompletions();
  });
  q.addEventListener('blur', () => setTimeout(closeCompletions, 150));
  $('search-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    clearTimeout(completionTimer);
    search(q.value);
  });
  $('k').addEventListener('change', () => {
    const k = parseInt($('k').value, 10);
    if (k >= 1 && k <= 1000) {
      state.k = k;
      if (state.word) search(state.word, false);
    }
  });
  $('map-size').addEventListener('change', () => {
    state.mapSize = parseInt($('map-size').value, 10);
    writeUrl(false);
    drawMap();
  });
  for (const radio of document.querySelectorAll('input[name=method]')) {
    radio.addEventListener('change', () => {
      state.method = radio.value;
      writeUrl(false);
      drawMap();
    });
  }
  $('map-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const words = $('map-words').value.trim();
    if (!words) return;
    state.mapWords = words;
    writeUrl(true);
    drawMap();
  });
  $('analogy-form').addEventListener('submit', analogy);
  $('lists-form').addEventListener('submit', lists);
  window.addEventListener('popstate', () => route(false));

  let info;
  try {
    info = await api('/api/info');
  } catch (error) {
    showError($('notice'), error);
    return;
  }
  $('source').textContent = `${info.vectors} · ${info.words.toLocaleString('en')} words · ${info.dim} dimensions`;
  if (info.examples.length) {
    const examples = $('examples');
    examples.append('Try ');
    info.examples.forEach((w, i) => {
      if (i > 0) examples.append(', ');
      examples.append(wordLink(w));
    });
    examples.append('.');
    examples.hidden = false;
  }
  if (info.run) loadRun();
  route(false);
}

function route(push) {
  const p = readUrl();
  const mapWords = state.mapWords;
  if (state.word) {
    search(state.word, push).then(() => {
      if (mapWords) { state.mapWords = mapWords; $('map-words').value = mapWords; writeUrl(false); drawMap(); }
    });
  } else if (mapWords) {
    $('map-words').value = mapWords;
    drawMap();
  }
  if (p.has('a') && p.has('b') && p.has('c')) analogy();
  if (p.has('positive') || p.has('negative')) lists();
}

start();
