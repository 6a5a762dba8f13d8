/**
 * generate-art.mjs: draws the sample artwork for the Millbrook Ledger demo content.
 *
 * Every picture (12 article heroes, 12 article figures, 3 author portraits) is built
 * in code as an SVG string and rasterised to JPEG with sharp. The script is run once
 * by hand and its output in public/images/ is committed; it is not part of the build.
 *
 *   node scripts/generate-art.mjs                      # everything
 *   node scripts/generate-art.mjs lido tom-hallett     # only some
 *
 * All randomness is seeded, so reruns give identical output.
 * Text uses "DejaVu Sans", which must be installed for the charts to render properly.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');


/* ------------------------------------------------------------------ SVG helpers */

const FONT = 'DejaVu Sans';
let nextId = 0;
let defs = [];
const uid = (p) => `${p}${++nextId}`;
const n = (v) => (typeof v === 'number' ? +v.toFixed(1) : v);
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const attrs = (o) =>
  Object.entries(o)
    .filter(([, v]) => v != null)
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (m) => '-' + m.toLowerCase())}="${n(v)}"`)
    .join(' ');
const el = (tag, o, inner) => (inner == null ? `<${tag} ${attrs(o)}/>` : `<${tag} ${attrs(o)}>${inner}</${tag}>`);
const rect = (x, y, width, height, fill, o = {}) => el('rect', { x, y, width, height, fill, ...o });
const circ = (cx, cy, r, fill, o = {}) => el('circle', { cx, cy, r, fill, ...o });
const ell = (cx, cy, rx, ry, fill, o = {}) => el('ellipse', { cx, cy, rx, ry, fill, ...o });
const pts = (p) => p.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
const poly = (p, fill, o = {}) => el('polygon', { points: pts(p), fill, ...o });
const pline = (p, stroke, sw = 2, o = {}) => el('polyline', { points: pts(p), fill: 'none', stroke, strokeWidth: sw, ...o });
const pth = (d, fill, o = {}) => el('path', { d, fill, ...o });
const stroke = (d, color, sw, o = {}) => pth(d, 'none', { stroke: color, strokeWidth: sw, strokeLinecap: 'round', strokeLinejoin: 'round', ...o });
const line = (x1, y1, x2, y2, color, sw = 2, o = {}) => el('line', { x1, y1, x2, y2, stroke: color, strokeWidth: sw, ...o });
const text = (x, y, s, size, fill, o = {}) => el('text', { x, y, fontFamily: FONT, fontSize: size, fill, ...o }, esc(s));
const g = (inner, o = {}) => el('g', o, inner);
const times = (k, fn) => Array.from({ length: k }, (_, i) => fn(i)).join('');

const stops = (list) => list.map(([o, c, a = 1]) => `<stop offset="${o}" stop-color="${c}" stop-opacity="${a}"/>`).join('');
/** Linear gradient, top-to-bottom unless `dir` ([x1,y1,x2,y2] in 0..1) says otherwise. Returns a fill url. */
function lin(list, [x1, y1, x2, y2] = [0, 0, 0, 1]) {
  const id = uid('l');
  defs.push(`<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${stops(list)}</linearGradient>`);
  return `url(#${id})`;
}
function rad(list, cx = 0.5, cy = 0.5, r = 0.5) {
  const id = uid('r');
  defs.push(`<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}">${stops(list)}</radialGradient>`);
  return `url(#${id})`;
}
function blur(sd) {
  const id = uid('b');
  defs.push(`<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${sd}"/></filter>`);
  return `url(#${id})`;
}
function clip(shape) {
  const id = uid('c');
  defs.push(`<clipPath id="${id}">${shape}</clipPath>`);
  return `url(#${id})`;
}
function doc(w, h, body) {
  const out = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><defs>${defs.join('')}</defs>${body}</svg>`;
  defs = [];
  return out;
}

/** Small seeded PRNG (mulberry32) so every run draws the same picture. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];

/* ------------------------------------------------------------------ scenery helpers */

const sky = (w, h, list) => rect(0, 0, w, h, lin(list));

/** A rolling hill line; returns its svg and a function giving the ridge height at x. */
function hill(w, h, base, amp, fill, seed) {
  const r = rng(seed);
  const ph = [r() * 6, r() * 6, r() * 6];
  const fr = [0.0015 + r() * 0.0015, 0.004 + r() * 0.003, 0.009 + r() * 0.005];
  const yAt = (x) => base - amp * (0.55 * Math.sin(x * fr[0] + ph[0]) + 0.3 * Math.sin(x * fr[1] + ph[1]) + 0.15 * Math.sin(x * fr[2] + ph[2]));
  let d = `M0,${h} L0,${n(yAt(0))}`;
  for (let x = 16; x <= w + 16; x += 16) d += ` L${x},${n(yAt(x))}`;
  return { svg: pth(`${d} L${w + 16},${h} Z`, fill), yAt };
}

const cloud = (x, y, s, fill = '#ffffff', opacity = 0.85) =>
  g(ell(x, y, 90 * s, 28 * s, fill) + circ(x - 35 * s, y - 18 * s, 34 * s, fill) + circ(x + 20 * s, y - 28 * s, 44 * s, fill), { opacity });

/** Lollipop tree: trunk plus a cluster of canopy circles. */
function tree(x, ground, r, leaf, trunk = '#5a4332', shade = 'rgba(0,0,0,0.12)') {
  const cy = ground - r * 1.55;
  return (
    rect(x - r * 0.09, cy, r * 0.18, ground - cy, trunk) +
    circ(x, cy, r, leaf) + circ(x - r * 0.6, cy + r * 0.3, r * 0.62, leaf) + circ(x + r * 0.62, cy + r * 0.25, r * 0.66, leaf) +
    circ(x + r * 0.35, cy + r * 0.35, r * 0.55, shade)
  );
}

/** Leafless tree made of recursively forking branches. */
function bareTree(x, y, len, angle, width, color, r, depth = 6) {
  if (depth === 0 || len < 6) return '';
  const x2 = x + Math.cos(angle) * len;
  const y2 = y + Math.sin(angle) * len;
  let s = line(x, y, x2, y2, color, width, { strokeLinecap: 'round' });
  const forks = depth > 4 ? 2 : 2 + Math.floor(r() * 2);
  for (let i = 0; i < forks; i++) {
    const a = angle + (i - (forks - 1) / 2) * (0.45 + r() * 0.25) + (r() - 0.5) * 0.2;
    s += bareTree(x2, y2, len * (0.68 + r() * 0.12), a, width * 0.68, color, r, depth - 1);
  }
  return s;
}

/** Grid of windows; `fill(i, j)` chooses each pane colour. */
function windows(x, y, cols, rows, w, h, gapX, gapY, fill, o = {}) {
  let s = '';
  for (let j = 0; j < rows; j++)
    for (let i = 0; i < cols; i++) s += rect(x + i * (w + gapX), y + j * (h + gapY), w, h, fill(i, j), o);
  return s;
}

/** Vertical lattice mast (crane towers, pylons). */
function latticeV(x, y1, y2, w, color, sw = 3) {
  const zig = [];
  for (let y = y1, i = 0; y <= y2; y += w, i++) zig.push([i % 2 ? x + w : x, y]);
  return rect(x, y1, 4, y2 - y1, color) + rect(x + w - 4, y1, 4, y2 - y1, color) + pline(zig, color, sw);
}
/** Horizontal lattice jib. */
function latticeH(x1, x2, y, h, color, sw = 3) {
  const a = Math.min(x1, x2);
  const b = Math.max(x1, x2);
  const zig = [];
  for (let x = a, i = 0; x <= b; x += h, i++) zig.push([x, i % 2 ? y + h : y]);
  return rect(a, y, b - a, 4, color) + rect(a, y + h - 4, b - a, 4, color) + pline(zig, color, sw);
}

/** Rain streaks over the whole frame. */
function rain(w, h, count, seed, color = '#c9d6ea', opacity = 0.35) {
  const r = rng(seed);
  return g(times(count, () => {
    const x = r() * (w + 100);
    const y = r() * h - 40;
    const l = 22 + r() * 22;
    return line(x, y, x - l * 0.22, y + l, color, 1.6);
  }), { opacity, strokeLinecap: 'round' });
}

/* ------------------------------------------------------------------ bar charts */

function barChart({ title, subtitle, data, max, step, tick, value, axis, color }) {
  const W = 1200, H = 800, L = 130, R = 50, T = 170, B = 120;
  const pw = W - L - R, ph = H - T - B;
  const y = (v) => T + ph * (1 - v / max);
  let s = rect(0, 0, W, H, '#f7f4ee');
  s += text(60, 72, title, 36, '#1f2d3d', { fontWeight: 'bold' });
  s += text(60, 114, subtitle, 22, '#5c6b78');
  for (let v = 0; v <= max + 1e-9; v += step) {
    s += line(L, y(v), W - R, y(v), '#ddd6c9', 2);
    s += text(L - 16, y(v) + 7, tick(v), 20, '#5c6b78', { textAnchor: 'end' });
  }
  const ay = T + ph / 2;
  s += text(34, ay, axis, 20, '#5c6b78', { textAnchor: 'middle', transform: `rotate(-90 34 ${ay})` });
  const slot = pw / data.length, bw = slot * 0.62;
  data.forEach(([label, v], i) => {
    const x = L + slot * i + (slot - bw) / 2;
    s += rect(x, y(v), bw, y(0) - y(v), color);
    s += text(x + bw / 2, y(v) - 12, value(v), data.length > 8 ? 19 : 22, '#1f2d3d', { textAnchor: 'middle', fontWeight: 'bold' });
    label.split('\n').forEach((part, k) => {
      s += text(x + bw / 2, y(0) + 34 + k * 24, part, 20, '#2a3440', { textAnchor: 'middle' });
    });
  });
  s += line(L, y(0), W - R, y(0), '#1f2d3d', 3);
  return doc(W, H, s);
}

const thousands = (v) => v.toLocaleString('en-GB');

const chartBudget = () =>
  barChart({
    title: 'Planned council spending, 2027-28',
    subtitle: 'By service, £ million (total £14.0m)',
    data: [['Waste and\nrecycling', 4.1], ['Housing', 3.2], ['Roads', 2.6], ['Parks', 2.3], ['Everything\nelse', 1.8]],
    max: 5, step: 1, tick: (v) => `£${v}m`, value: (v) => `£${v.toFixed(1)}m`, axis: '£ million', color: '#2f7f7a',
  });

// Only January (3,100), July (2,400) and October (2,900) are quoted in the article; the
// months between are smooth invented values consistent with "falling then rising again".
const chartPassengers = () =>
  barChart({
    title: 'Average weekly passengers on bus route 12',
    subtitle: 'January to October 2026',
    data: [['Jan', 3100], ['Feb', 3000], ['Mar', 2900], ['Apr', 2800], ['May', 2650], ['Jun', 2500], ['Jul', 2400], ['Aug', 2550], ['Sep', 2750], ['Oct', 2900]],
    max: 3500, step: 500, tick: thousands, value: thousands, axis: 'Passengers per week', color: '#c8604a',
  });

const chartRiverLevels = () =>
  barChart({
    title: 'Highest river level at Millbrook Bridge',
    subtitle: 'Peak level in each winter, 2019 to 2026, metres',
    data: [['2019', 3.1], ['2020', 4.2], ['2021', 3.4], ['2022', 3.0], ['2023', 4.6], ['2024', 3.8], ['2025', 4.4], ['2026', 4.1]],
    max: 5, step: 1, tick: (v) => `${v} m`, value: (v) => `${v.toFixed(1)} m`, axis: 'Metres at the gauge', color: '#3b6f93',
  });

const chartAttendance = () =>
  barChart({
    title: 'Millbrook Rovers home attendance in the cup',
    subtitle: "This season's county cup home games",
    data: [['First\nround', 640], ['Second\nround', 910], ['Third\nround', 1480], ['Fourth\nround', 2150]],
    max: 2500, step: 500, tick: thousands, value: thousands, axis: 'Spectators', color: '#4f7f4a',
  });

/* ------------------------------------------------------------------ hero scenes (1600x900) */

function townHall() {
  const W = 1600, H = 900;
  let s = sky(W, H, [[0, '#9cc8e2'], [1, '#e6f1f6']]);
  s += cloud(250, 150, 1.2) + cloud(1290, 120, 1) + cloud(1470, 270, 0.7) + cloud(520, 260, 0.6);
  s += hill(W, H, 655, 18, '#a9c59b', 3).svg;
  s += tree(150, 720, 110, '#6f9a62') + tree(310, 712, 78, '#5f8a56') + tree(1300, 712, 82, '#5f8a56') + tree(1460, 720, 112, '#6f9a62');
  // ground: paved square with grass verges
  s += rect(0, 700, W, 200, '#d9d1c3');
  s += poly([[0, 745], [430, 745], [330, 900], [0, 900]], '#9dbf8b') + poly([[1600, 745], [1170, 745], [1270, 900], [1600, 900]], '#9dbf8b');
  // clock tower, drawn first so the pediment overlaps its base
  s += rect(735, 150, 130, 260, '#e2d6c1') + rect(835, 150, 30, 260, '#cfc1a8');
  s += rect(725, 140, 150, 14, '#f4efe5');
  s += rect(750, 72, 100, 70, '#e2d6c1') + pth('M782,142 V104 A18,18 0 0 1 818,104 V142 Z', '#55606b');
  s += rect(741, 62, 118, 12, '#f4efe5');
  s += pth('M752,63 Q800,-6 848,63 Z', '#6fa39a') + line(800, 26, 800, 8, '#3c4a52', 4) + circ(800, 8, 5, '#c9a54a');
  s += circ(800, 228, 52, '#fbfaf6', { stroke: '#3a4550', strokeWidth: 7 });
  s += times(12, (i) => {
    const a = (i * Math.PI) / 6;
    return line(800 + Math.sin(a) * 40, 228 - Math.cos(a) * 40, 800 + Math.sin(a) * 47, 228 - Math.cos(a) * 47, '#3a4550', i % 3 ? 2 : 4);
  });
  s += line(800, 228, 777, 214, '#2a3440', 6, { strokeLinecap: 'round' }) + line(800, 228, 832, 210, '#2a3440', 4, { strokeLinecap: 'round' }) + circ(800, 228, 5, '#2a3440');
  // main block and wings
  s += rect(380, 392, 840, 308, '#e6dccb') + rect(368, 378, 864, 20, '#f4efe5') + rect(380, 668, 840, 32, '#d3c6b0');
  const arched = (x, y, w, h) => pth(`M${x},${y + h} V${y + w / 2} A${w / 2},${w / 2} 0 0 1 ${x + w},${y + w / 2} V${y + h} Z`, '#7f97a8', { stroke: '#f7f3ec', strokeWidth: 5 });
  for (const x of [410, 478, 546, 1014, 1082, 1150]) s += arched(x, 430, 42, 92) + arched(x, 552, 42, 92);
  // portico: recessed wall, door, columns, entablature and pediment
  s += rect(612, 430, 376, 240, '#cdbfa7');
  s += pth('M762,670 V590 A38,38 0 0 1 838,590 V670 Z', '#3f5a52') + line(800, 560, 800, 670, '#2f463f', 3);
  s += arched(665, 470, 36, 80) + arched(899, 470, 36, 80);
  for (let i = 0; i < 6; i++) {
    const cx = 640 + i * 64;
    s += rect(cx - 15, 442, 30, 218, '#fbfaf7') + rect(cx + 5, 442, 10, 218, '#e3ded4');
    s += rect(cx - 21, 432, 42, 12, '#f5f1ea') + rect(cx - 21, 654, 42, 12, '#f5f1ea');
  }
  s += rect(592, 400, 416, 34, '#f5f1ea') + line(592, 420, 1008, 420, '#dcd5c8', 2);
  s += poly([[582, 402], [800, 300], [1018, 402]], '#f5f1ea', { stroke: '#d9d2c4', strokeWidth: 4 });
  s += poly([[622, 392], [800, 318], [978, 392]], '#ebe4d7');
  s += text(800, 378, 'TOWN HALL', 20, '#8b7d66', { textAnchor: 'middle', fontWeight: 'bold', letterSpacing: 4 });
  // steps
  s += rect(590, 666, 420, 12, '#eeeae3') + rect(574, 678, 452, 12, '#e4dfd6') + rect(558, 690, 484, 12, '#d9d3c8');
  // lamp posts
  for (const x of [520, 1080]) s += rect(x - 4, 600, 8, 110, '#2f3b45') + rect(x - 12, 584, 24, 22, '#2f3b45') + rect(x - 8, 588, 16, 14, '#f6e7b5');
  return doc(W, H, s);
}

function constructionCranes() {
  const W = 1600, H = 900, gy = 800;
  let s = sky(W, H, [[0, '#2f2c55'], [0.35, '#7a4a78'], [0.6, '#d46a6a'], [0.8, '#f29e5c'], [1, '#f7c97e']]);
  s += circ(1360, 700, 280, rad([[0, '#ffe7a8', 0.8], [1, '#ffe7a8', 0]])) + circ(1360, 700, 82, '#ffe1a0');
  const r = rng(7);
  for (let x = 0; x < W; x += 40 + r() * 50) s += rect(x, 690 + r() * 60, 40 + r() * 60, 120, '#5b3f5e');
  s += rect(0, gy, W, H - gy, '#3a2f45') + rect(0, gy, W, 4, '#4d3f59');
  // block of flats: four finished floors, then a bare concrete frame
  const bx = 520, bw = 620, fh = 58, frame = '#6c5868';
  s += rect(bx, gy - 4 * fh, bw, 4 * fh, '#9d8590');
  s += windows(bx + 22, gy - 4 * fh + 14, 9, 4, 44, 30, 24, 28, (i, j) => (r() < 0.35 ? '#f6c27a' : '#4a3b4f'));
  for (let k = 0; k <= 4; k++) s += rect(bx - 6, gy - k * fh - 6, bw + 12, 8, '#8a7380');
  for (let k = 5; k <= 7; k++) {
    const wide = k < 7 ? bw : bw * 0.55;
    s += rect(bx - 6, gy - k * fh - 6, wide + 12, 10, frame);
    for (let x = bx; x <= bx + wide; x += bw / 6) s += rect(x - 6, gy - k * fh, 12, fh, frame);
  }
  for (let y = gy - 7 * fh; y < gy; y += 29) s += line(bx + bw + 14, y, bx + bw + 60, y, '#4a3b4f', 3);
  s += line(bx + bw + 14, gy - 7 * fh, bx + bw + 14, gy, '#4a3b4f', 4) + line(bx + bw + 60, gy - 7 * fh, bx + bw + 60, gy, '#4a3b4f', 4);
  // two yellow tower cranes
  const yellow = '#f2b632', dark = '#4b4650';
  const crane = (mx, top, jibEnd, counterEnd, hookX, hookY) => {
    const dir = Math.sign(jibEnd - mx);
    let c = latticeV(mx - 17, top, gy, 34, yellow);
    c += line(mx - 17, top, mx, top - 75, yellow, 5) + line(mx + 17, top, mx, top - 75, yellow, 5);
    c += line(mx, top - 75, mx + (jibEnd - mx) * 0.7, top, yellow, 2.5) + line(mx, top - 75, counterEnd, top, yellow, 2.5);
    c += latticeH(mx, jibEnd, top, 26, yellow);
    c += rect(Math.min(mx, counterEnd), top, Math.abs(counterEnd - mx), 16, yellow);
    c += rect(counterEnd - (dir > 0 ? 0 : 56), top + 12, 56, 42, dark);
    c += rect(mx + (dir > 0 ? 17 : -49), top + 24, 32, 30, yellow) + rect(mx + (dir > 0 ? 23 : -43), top + 30, 20, 14, '#cfe0ea');
    c += rect(hookX - 12, top + 26, 24, 10, dark) + line(hookX - 4, top + 36, hookX - 4, hookY, '#2d2733', 2) + line(hookX + 4, top + 36, hookX + 4, hookY, '#2d2733', 2);
    c += rect(hookX - 10, hookY, 20, 16, yellow) + line(hookX, hookY + 16, hookX - 50, hookY + 40, '#2d2733', 2) + line(hookX, hookY + 16, hookX + 50, hookY + 40, '#2d2733', 2);
    c += rect(hookX - 70, hookY + 40, 140, 14, '#7d6a78') + rect(hookX - 70, hookY + 54, 140, 10, '#6a5866');
    return c;
  };
  s += crane(1260, 130, 640, 1430, 760, 300);
  s += crane(360, 200, 990, 190, 850, 420);
  return doc(W, H, s);
}

function busDepot() {
  const W = 1600, H = 900;
  let s = rect(0, 0, W, 600, lin([[0, '#4e5963'], [0.3, '#8e99a2'], [1, '#b9c0c6']]));
  // roof trusses and skylights
  s += times(8, (i) => rect(i * 200 + 30, 18, 140, 40, '#dfe8ee', { opacity: 0.8 }));
  s += line(0, 160, W, 160, '#38424b', 8) + line(0, 64, W, 64, '#38424b', 6);
  s += pline(Array.from({ length: 33 }, (_, i) => [i * 50, i % 2 ? 64 : 160]), '#38424b', 4);
  // back wall with high windows and depot sign
  s += rect(0, 164, W, 436, '#b7bec4') + times(16, (i) => line(i * 100, 164, i * 100, 600, '#a6aeb5', 2));
  s += windows(40, 250, 16, 1, 80, 60, 20, 0, () => '#dbe6ec');
  for (const x of [200, 1400]) s += line(x, 164, x, 190, '#38424b', 2) + rect(x - 40, 190, 80, 10, '#fdf6dc');
  s += rect(560, 178, 480, 52, '#1f3a66', { rx: 4 }) + text(800, 213, 'MILLBROOK BUS DEPOT', 26, '#f4efe6', { textAnchor: 'middle', fontWeight: 'bold', letterSpacing: 3 });
  // concrete floor; yellow bay lines run between the buses towards a vanishing point at (800, 200)
  s += rect(0, 600, W, 300, lin([[0, '#8b9398'], [1, '#6c7479']]));
  for (const x of [150, 585, 1015, 1450]) s += line(800 + ((x - 800) * 400) / 600, 600, 800 + ((x - 800) * 700) / 600, 900, '#e2b93b', 9);
  // three red single-deck buses, seen from the front
  const bus = (cx, route, plate) => {
    let b = ell(cx, 804, 200, 18, '#3f464b', { opacity: 0.6 });
    b += rect(cx - 150, 760, 52, 48, '#1d1f22', { rx: 8 }) + rect(cx + 98, 760, 52, 48, '#1d1f22', { rx: 8 });
    b += rect(cx - 165, 330, 330, 450, '#c8423b', { rx: 26 }) + rect(cx - 165, 330, 330, 42, '#ad3731', { rx: 26 }) + rect(cx + 150, 360, 15, 400, '#b03a34');
    b += rect(cx - 140, 348, 280, 50, '#1b1d20', { rx: 6 }) + text(cx, 383, route, 23, '#f6b93b', { textAnchor: 'middle', fontWeight: 'bold' });
    b += rect(cx - 150, 412, 300, 218, lin([[0, '#3c4d5c'], [1, '#22303b']]), { rx: 14 });
    b += poly([[cx - 120, 412], [cx - 70, 412], [cx - 150, 560], [cx - 150, 470]], '#ffffff', { opacity: 0.12 });
    b += rect(cx - 3, 412, 6, 218, '#1b1d20');
    b += line(cx - 60, 624, cx - 125, 545, '#15171a', 5) + line(cx + 80, 624, cx + 15, 545, '#15171a', 5);
    b += rect(cx - 165, 648, 330, 12, '#f1e6d0');
    b += rect(cx - 150, 688, 58, 26, '#f4f1de', { rx: 8 }) + rect(cx + 92, 688, 58, 26, '#f4f1de', { rx: 8 });
    b += rect(cx - 150, 720, 26, 12, '#f0a23b', { rx: 4 }) + rect(cx + 124, 720, 26, 12, '#f0a23b', { rx: 4 });
    b += rect(cx - 70, 684, 140, 40, '#2a2d31', { rx: 6 }) + times(4, (i) => line(cx - 60, 692 + i * 8, cx + 60, 692 + i * 8, '#4a4f55', 2));
    b += rect(cx - 58, 736, 116, 26, '#f2d64b', { rx: 3 }) + text(cx, 755, plate, 15, '#1b1d20', { textAnchor: 'middle', fontWeight: 'bold' });
    b += rect(cx - 170, 768, 340, 22, '#2a2d31', { rx: 8 });
    b += stroke(`M${cx - 160},440 q-34,-6 -36,40`, '#1b1d20', 5) + rect(cx - 206, 478, 18, 54, '#1b1d20', { rx: 6 });
    b += stroke(`M${cx + 160},440 q34,-6 36,40`, '#1b1d20', 5) + rect(cx + 188, 478, 18, 54, '#1b1d20', { rx: 6 });
    return b;
  };
  s += bus(370, '12 HILL VILLAGES', 'MB24 RVB') + bus(800, '4 STATION', 'MB71 WND') + bus(1230, '7 TOWN CENTRE', 'MB19 LDG');
  return doc(W, H, s);
}

/** The shopfront row for the rainy high street (also reused, flipped, as its reflection). */
function shopRow(r) {
  const widths = [250, 290, 230, 300, 260, 270];
  const tops = [210, 168, 240, 150, 200, 226];
  const walls = ['#6b5a5e', '#4e5d6c', '#7a6650', '#5a6b5e', '#6d5870', '#5d6470'];
  const signs = ['#2f5247', '#7a2f35', '#34406b', '#6b4a2a', '#2b4f63', '#3f5a3a'];
  const names = ['BAKERY', 'BOOKS', 'FLORIST', 'CAFÉ', 'HARDWARE', 'PHARMACY'];
  let s = '';
  let x = 0;
  widths.forEach((w, i) => {
    const top = tops[i];
    if (i % 2 === 0) s += poly([[x, top], [x + w / 2, top - 70], [x + w, top]], '#232a3b');
    s += rect(x + w * 0.7, top - (i % 2 ? 40 : 80), 26, 50, '#2e2f3e');
    s += rect(x, top, w, 560 - top, walls[i]) + rect(x - 3, top - 10, w + 6, 14, '#3a3342');
    const cols = Math.floor(w / 82);
    const gap = (w - cols * 46) / (cols + 1);
    for (let y = top + 36; y + 66 < 405; y += 92)
      for (let c = 0; c < cols; c++)
        s += rect(x + gap + c * (46 + gap), y, 46, 64, r() < 0.45 ? '#f3c46a' : '#27304a', { stroke: '#cfc7b4', strokeWidth: 3 });
    s += rect(x + 4, 414, w - 8, 44, signs[i]) + text(x + w / 2, 444, names[i], 21, '#f4efe6', { textAnchor: 'middle', fontWeight: 'bold', letterSpacing: 2 });
    s += rect(x, 414, 8, 146, '#d9d2c0') + rect(x + w - 8, 414, 8, 146, '#d9d2c0');
    const doorX = i % 2 ? x + 24 : x + w - 78;
    const winX = i % 2 ? x + 86 : x + 22;
    s += rect(winX, 468, w - 108, 82, lin([[0, '#ffe6a8'], [1, '#f2b45a']])) + line(winX + (w - 108) / 2, 468, winX + (w - 108) / 2, 550, '#5a4636', 4);
    s += rect(winX + 14, 528, w - 136, 8, '#8a6a48', { opacity: 0.6 });
    s += rect(doorX, 466, 54, 94, '#3b2f2a') + rect(doorX + 8, 474, 38, 44, '#f6cf7d');
    s += rect(winX - 4, 550, w - 100, 10, '#2d2630');
    x += w;
  });
  return s;
}

function highStreetRain() {
  const W = 1600, H = 900;
  let s = rect(0, 0, W, 600, lin([[0, '#141d33'], [0.6, '#2c3a5c'], [1, '#4a5378']]));
  const row = shopRow(rng(3));
  s += row;
  s += rect(0, 560, W, 40, '#3b4256') + rect(0, 596, W, 8, '#5c6378');
  s += rect(0, 604, W, 296, lin([[0, '#1c2335'], [1, '#121827']]));
  // wet-road reflection: the row flipped about y=582, blurred, clipped to the road
  const road = clip(rect(0, 604, W, 296, '#000'));
  s += g(g(row, { transform: 'translate(0,1164) scale(1,-1)' }), { clipPath: road, opacity: 0.42, filter: blur(4) });
  const r = rng(11);
  s += g(times(50, () => rect(r() * W, 610 + r() * 290, 40 + r() * 120, 2, '#121827')), { opacity: 0.35 });
  // street lamps and their reflections
  for (const x of [130, 800, 1470]) {
    s += circ(x, 300, 90, rad([[0, '#ffd98a', 0.55], [1, '#ffd98a', 0]])) + rect(x - 5, 300, 10, 262, '#1c2130');
    s += rect(x - 16, 286, 32, 28, '#1c2130') + rect(x - 11, 290, 22, 20, '#ffe9b0');
    s += ell(x, 760, 16, 130, rad([[0, '#ffd98a', 0.45], [1, '#ffd98a', 0]]));
  }
  s += g(times(40, () => ell(r() * W, 640 + r() * 250, 14 + r() * 16, 3 + r() * 2, 'none', { stroke: '#b8c4d8', strokeWidth: 1.5 })), { opacity: 0.35 });
  s += rain(W, H, 380, 5);
  return doc(W, H, s);
}

function trainPlatform() {
  const W = 1600, H = 900;
  let s = rect(0, 0, W, H, lin([[0, '#dfe7ea'], [1, '#c3d0d6']]));
  s += hill(W, H, 360, 14, '#9fb59a', 9).svg;
  s += rect(0, 560, W, 150, '#aaa398') + rect(0, 556, W, 8, '#d9d4ca') + times(40, (i) => rect(i * 40, 500, 4, 56, '#6d7a70')) + rect(0, 506, W, 4, '#6d7a70');
  // blue and white train, side view, nose to the right
  const top = 340, bottom = 702;
  const carriage = (x0, w, nose) => {
    const body = nose
      ? `M${x0},${top + 14} Q${x0},${top} ${x0 + 14},${top} H${x0 + w - 90} Q${x0 + w + 10},${top + 6} ${x0 + w + 40},${top + 150} V${bottom} H${x0} Z`
      : `M${x0},${top + 14} Q${x0},${top} ${x0 + 14},${top} H${x0 + w - 14} Q${x0 + w},${top} ${x0 + w},${top + 14} V${bottom} H${x0} Z`;
    const cp = clip(pth(body, '#000'));
    let c = pth(body, '#f2f3f0');
    let inner = rect(x0 - 10, top, w + 80, 26, '#a9b2b8') + rect(x0 - 10, 560, w + 80, 12, '#1f4e8c') + rect(x0 - 10, 584, w + 80, 130, '#1f4e8c');
    for (let x = x0 + 40; x < x0 + w - 150; x += 150) {
      const isDoor = (x - x0 - 40) % 600 === 0;
      if (isDoor) inner += rect(x, 392, 90, 310, '#1f4e8c', { stroke: '#f2f3f0', strokeWidth: 4 }) + rect(x + 14, 410, 24, 110, '#2b3a48', { rx: 6 }) + rect(x + 52, 410, 24, 110, '#2b3a48', { rx: 6 }) + circ(x + 45, 560, 8, '#f2c94c');
      else inner += rect(x, 420, 130, 92, '#2b3a48', { rx: 12 }) + poly([[x + 20, 420], [x + 50, 420], [x + 20, 512], [x, 512], [x, 460]], '#ffffff', { opacity: 0.1 });
    }
    if (nose) inner += pth(`M${x0 + w - 40},${top + 40} L${x0 + w + 4},${top + 40} Q${x0 + w + 20},${top + 70} ${x0 + w + 26},${top + 130} L${x0 + w - 40},${top + 130} Z`, '#1e2a35') + rect(x0 + w - 10, 620, 40, 18, '#fff4c8', { rx: 6 });
    c += g(inner, { clipPath: cp });
    return c;
  };
  s += rect(0, top + 30, 1200, 300, '#2a2f35');
  s += carriage(-230, 700, false) + carriage(484, 700, false) + carriage(1198, 300, true);
  // platform
  s += rect(0, 700, W, 200, '#bdb6aa') + rect(0, 700, W, 16, '#ece8e0') + rect(0, 730, W, 10, '#e9c440');
  s += times(11, (i) => line(i * 160, 742, i * 160 - 40, 900, '#aaa396', 2)) + line(0, 820, W, 820, '#aaa396', 2);
  // bench
  s += rect(1040, 770, 220, 14, '#7a5a3f') + rect(1040, 745, 220, 12, '#7a5a3f') + rect(1055, 784, 10, 46, '#2f3b45') + rect(1235, 784, 10, 46, '#2f3b45');
  // canopy: glazed roof, saw-tooth valance, cast-iron columns
  s += rect(0, 0, W, 172, '#34424d') + times(9, (i) => rect(i * 190 + 20, 26, 150, 104, '#5d7282'));
  s += times(10, (i) => line(i * 190 + 5, 0, i * 190 + 5, 170, '#2a353e', 8));
  const teeth = [[0, 160]];
  for (let x = 0; x <= W; x += 40) teeth.push([x, 172], [x + 20, 214], [x + 40, 172]);
  teeth.push([W, 160]);
  s += poly(teeth, '#ebe4d2', { stroke: '#2f5a4c', strokeWidth: 3 });
  for (const x of [180, 880, 1320]) {
    s += rect(x - 11, 212, 22, 612, '#2f5a4c') + rect(x - 18, 800, 36, 28, '#2f5a4c');
    s += pth(`M${x - 11},262 Q${x - 11},216 ${x - 80},214 L${x - 11},214 Z`, '#2f5a4c') + pth(`M${x + 11},262 Q${x + 11},216 ${x + 80},214 L${x + 11},214 Z`, '#2f5a4c');
  }
  s += line(540, 214, 540, 246, '#2a353e', 3) + line(760, 214, 760, 246, '#2a353e', 3);
  s += rect(500, 244, 300, 62, '#1f3a66', { stroke: '#f4efe6', strokeWidth: 4 }) + text(650, 289, 'MILLBROOK', 38, '#ffffff', { textAnchor: 'middle', fontWeight: 'bold', letterSpacing: 3 });
  return doc(W, H, s);
}

function floodDefences() {
  const W = 1600, H = 900;
  let s = sky(W, H, [[0, '#7d8a96'], [0.5, '#b9c3ca'], [1, '#d3d9dc']]);
  s += cloud(300, 120, 1.6, '#8a949c', 0.6) + cloud(900, 80, 1.9, '#939da5', 0.55) + cloud(1400, 150, 1.4, '#8a949c', 0.6);
  // town behind the wall
  const r = rng(4);
  s += poly([[1180, 440], [1180, 240], [1200, 130], [1220, 240], [1220, 440]], '#9a8f84');
  s += tree(120, 450, 70, '#6c8566') + tree(660, 450, 60, '#627c5d') + tree(1350, 450, 80, '#6c8566');
  let hx = 180;
  while (hx < 1580) {
    const w = 70 + r() * 50;
    const top = 300 + r() * 60;
    s += poly([[hx - 4, top], [hx + w / 2, top - 40], [hx + w + 4, top]], '#4f5763') + rect(hx, top, w, 160, pick(r, ['#a0715e', '#b58a6d', '#d9d3c7', '#8e7d74']));
    s += rect(hx + 14, top + 20, 16, 22, '#5d6a75') + rect(hx + w - 30, top + 20, 16, 22, '#5d6a75');
    hx += w + (r() < 0.3 ? 90 : 0);
  }
  // raised grey flood wall with railings on top
  s += rect(0, 440, W, 18, '#c4c8ca') + rect(0, 458, W, 260, '#9aa1a5');
  s += times(9, (i) => line(i * 210 + 60, 458, i * 210 + 60, 700, '#858c91', 3));
  s += rect(0, 458, W, 8, '#8a9196') + rect(0, 600, W, 52, '#7d8589');
  s += times(80, (i) => rect(i * 20 + 4, 352, 3, 88, '#33414a'));
  s += rect(0, 346, W, 8, '#33414a') + rect(0, 392, W, 5, '#33414a');
  s += times(11, (i) => rect(i * 160 + 30, 340, 10, 100, '#33414a') + circ(i * 160 + 35, 338, 8, '#33414a'));
  // gauge board on the wall face
  s += rect(1330, 470, 44, 220, '#f4f2ee');
  s += times(11, (i) => rect(1330, 470 + i * 20, i % 2 ? 20 : 30, 4, '#c0392b'));
  s += text(1362, 498, '5', 18, '#1f2d3d', { fontWeight: 'bold' }) + text(1362, 578, '4', 18, '#1f2d3d', { fontWeight: 'bold' });
  // swollen river right up against the wall
  let d = 'M0,652';
  for (let x = 0; x <= W; x += 40) d += ` Q${x + 20},${x % 80 ? 644 : 660} ${x + 40},652`;
  s += pth(`${d} V900 H0 Z`, lin([[0, '#717a6c'], [1, '#4c544b']]));
  s += stroke(d, '#d8ddd6', 4, { opacity: 0.7 });
  s += g(times(60, () => {
    const x = r() * W, y = 670 + r() * 230, l = 60 + r() * 200 * ((y - 600) / 300);
    return stroke(`M${n(x)},${n(y)} q${n(l / 2)},-6 ${n(l)},0`, '#aab2a4', 3);
  }), { opacity: 0.55 });
  s += stroke('M980,770 L1130,748 M1020,764 l-20,-22 M1075,756 l22,-20', '#5b4636', 8);
  return doc(W, H, s);
}

function windTurbine(x, by, ht, rot) {
  const hy = by - ht, L = ht * 0.46;
  let t = poly([[x - ht * 0.018, by], [x + ht * 0.018, by], [x + ht * 0.009, hy], [x - ht * 0.009, hy]], '#f7f8f6');
  t += poly([[x, by], [x + ht * 0.018, by], [x + ht * 0.009, hy], [x, hy]], '#dfe4e6');
  t += rect(x - ht * 0.03, hy - ht * 0.022, ht * 0.08, ht * 0.042, '#eef1f1', { rx: ht * 0.012 });
  const blade = `M0,0 L${n(-ht * 0.018)},${n(-L * 0.14)} L${n(-ht * 0.006)},${n(-L)} L${n(ht * 0.005)},${n(-L)} L${n(ht * 0.02)},${n(-L * 0.22)} Z`;
  for (const a of [rot, rot + 120, rot + 240]) t += pth(blade, '#fbfcfb', { stroke: '#cdd4d6', strokeWidth: 1, transform: `translate(${n(x)},${n(hy)}) rotate(${a})` });
  t += circ(x, hy, ht * 0.02, '#e4e8ea');
  return t;
}

function hillsWindTurbines() {
  const W = 1600, H = 900;
  let s = sky(W, H, [[0, '#5a9bd0'], [0.55, '#a9d0ea'], [0.8, '#e4f2f7']]);
  const far = hill(W, H, 540, 40, '#b8d4a4', 11);
  const mid = hill(W, H, 620, 60, '#95c07f', 5);
  const near = hill(W, H, 730, 60, '#77a864', 8);
  const front = hill(W, H, 840, 40, '#5e914f', 2);
  s += far.svg + windTurbine(960, far.yAt(960) + 4, 300, 20) + windTurbine(1290, far.yAt(1290) + 4, 240, 75);
  s += mid.svg + windTurbine(440, mid.yAt(440) + 4, 430, 50);
  s += near.svg;
  for (const k of [0, 1]) {
    let d = `M0,${n(near.yAt(0) + 50 + k * 50)}`;
    for (let x = 40; x <= W; x += 40) d += ` L${x},${n(near.yAt(x) + 50 + k * 50)}`;
    s += stroke(d, '#5d8f52', 5);
  }
  s += tree(1180, near.yAt(1180) + 30, 34, '#4f7f45') + tree(1240, near.yAt(1240) + 34, 26, '#4f7f45') + tree(260, near.yAt(260) + 30, 30, '#4f7f45');
  s += front.svg;
  return doc(W, H, s);
}

function allotmentRows() {
  const W = 1600, H = 900;
  let s = rect(0, 0, W, 340, lin([[0, '#a7cbe0'], [1, '#e3eef2']]));
  const r = rng(21);
  s += hill(W, H, 300, 18, '#6f9460', 21).svg;
  s += times(40, (i) => circ(i * 42 + r() * 20, 300 + r() * 14, 26 + r() * 16, pick(r, ['#5f8a56', '#6f9a62', '#557d4c'])));
  s += rect(0, 330, W, 570, '#9dba78');
  const beds = [[348, 376], [392, 432], [452, 510], [532, 610], [640, 750], [784, 900]];
  const plant = (kind, x, y, sz) => {
    if (kind === 'cabbage') return circ(x, y, sz, '#4f8446') + circ(x - sz * 0.25, y - sz * 0.2, sz * 0.62, '#7fb069') + stroke(`M${n(x)},${n(y + sz * 0.6)} L${n(x)},${n(y - sz * 0.4)}`, '#a9d18e', sz * 0.1);
    if (kind === 'lettuce') return ell(x - sz * 0.4, y, sz * 0.7, sz * 0.5, '#9ccc65') + ell(x + sz * 0.4, y, sz * 0.7, sz * 0.5, '#8bc05a') + ell(x, y - sz * 0.3, sz * 0.6, sz * 0.55, '#b5dd83');
    if (kind === 'leek') return times(3, (k) => stroke(`M${n(x)},${n(y + sz * 0.6)} L${n(x + (k - 1) * sz * 0.5)},${n(y - sz * 1.4)}`, '#4f8a5b', sz * 0.24));
    // beans: canes with leaves and red flowers
    return stroke(`M${n(x - sz * 0.7)},${n(y + sz * 0.5)} L${n(x)},${n(y - sz * 3.6)} L${n(x + sz * 0.7)},${n(y + sz * 0.5)}`, '#b08a5a', sz * 0.12) +
      times(6, (k) => circ(x + (k % 2 ? 1 : -1) * sz * (0.6 - k * 0.08), y - k * sz * 0.6, sz * 0.35, '#5e9a4e')) +
      circ(x + sz * 0.2, y - sz * 1.6, sz * 0.12, '#d9483b') + circ(x - sz * 0.25, y - sz * 2.5, sz * 0.12, '#d9483b');
  };
  const kinds = ['lettuce', 'beans', 'cabbage', 'leek', 'cabbage', 'lettuce'];
  const shed = { x: 1150, w: 240, base: 620 };
  const drawBed = ([y1, y2], i) => {
    let b = rect(0, y1, W, y2 - y1, '#7b5a3e') + times(3, (k) => line(0, y1 + (y2 - y1) * (k + 1) / 4, W, y1 + (y2 - y1) * (k + 1) / 4, '#6d4f36', 2));
    const sz = (y2 - y1) * 0.36;
    const rowsInBed = y2 - y1 > 70 ? 2 : 1;
    for (let k = 0; k < rowsInBed; k++) {
      const y = rowsInBed === 1 ? (y1 + y2) / 2 : y1 + (y2 - y1) * (k ? 0.74 : 0.32);
      for (let x = sz * 1.2 + (k * sz * 1.2); x < W; x += sz * 2.5) {
        const pathHalf = 40 + (y - 330) * 0.42;
        if (Math.abs(x - 800) < pathHalf + sz) continue;
        if (i >= 2 && i <= 3 && x > shed.x - 40 && x < shed.x + shed.w + 60) continue;
        b += plant(kinds[i], x, y, kinds[i] === 'beans' && y2 - y1 < 50 ? sz * 0.8 : sz);
      }
    }
    return b;
  };
  beds.slice(0, 4).forEach((b, i) => (s += drawBed(b, i)));
  s += poly([[770, 330], [830, 330], [1080, 900], [520, 900]], '#a9c585');
  // wooden shed with pitched roof, door, window and water butt
  const { x, w, base } = shed;
  s += rect(x, base - 150, w, 150, '#a8764a') + times(13, (k) => line(x + k * 19, base - 150, x + k * 19, base, '#8e6038', 2));
  s += poly([[x - 22, base - 146], [x + w / 2, base - 226], [x + w + 22, base - 146]], '#4a4644') + line(x - 22, base - 146, x + w + 22, base - 146, '#3a3634', 6);
  s += rect(x + 26, base - 116, 62, 116, '#7a5232') + circ(x + 78, base - 58, 4, '#d9c38f');
  s += rect(x + 130, base - 112, 80, 54, '#cfe3ea', { stroke: '#f2ebdd', strokeWidth: 6 }) + line(x + 170, base - 112, x + 170, base - 58, '#f2ebdd', 4);
  s += rect(x + w + 10, base - 66, 46, 66, '#3d6b4f', { rx: 8 });
  s += times(3, (k) => line(x - 30 - k * 38, base, x - 30 - k * 38, base - 200 + k * 20, '#4f7f3f', 5) + circ(x - 30 - k * 38, base - 200 + k * 20, 18, '#f2c230') + circ(x - 30 - k * 38, base - 200 + k * 20, 7, '#6b4a2a'));
  beds.slice(4).forEach((b, i) => (s += drawBed(b, i + 4)));
  s += poly([[770, 330], [830, 330], [1080, 900], [520, 900]], '#a9c585', { clipPath: clip(rect(0, 615, W, 285, '#000')) });
  return doc(W, H, s);
}

function theatreStage() {
  const W = 1600, H = 900;
  let s = rect(0, 0, W, H, '#1b1216') + rect(0, 0, W, 780, lin([[0, '#3d1d22'], [1, '#2a1418']]));
  s += rect(230, 110, 1140, 530, '#1e1a20') + times(6, (i) => rect(300 + i * 170, 150, 140, 360, '#231e25'));
  s += poly([[230, 640], [1370, 640], [1230, 520], [370, 520]], '#6b4a30');
  s += times(15, (i) => line(230 + (i * 1140) / 14, 640, 370 + (i * 860) / 14, 520, '#5a3d27', 2));
  s += rect(180, 640, 1240, 60, '#2e1c14') + rect(180, 640, 1240, 5, '#8a6a48');
  // the single spotlight: a soft cone and a pool of light on the boards
  s += poly([[770, 110], [830, 110], [1000, 588], [600, 588]], lin([[0, '#fff6d6', 0.5], [1, '#fff6d6', 0.14]]), { filter: blur(6) });
  s += ell(800, 588, 210, 44, rad([[0, '#fff6d6', 0.95], [0.6, '#f5d98c', 0.55], [1, '#f5d98c', 0]]));
  // red curtains drawn back to both sides
  const curtain = 'M230,110 H560 C470,240 360,330 330,420 C318,470 350,560 420,640 H230 Z';
  const folds = times(5, (k) => stroke(`M${250 + k * 60},110 C${240 + k * 48},250 ${236 + k * 20},350 ${300 + k * 5},425 C${260 + k * 12},500 ${262 + k * 30},580 ${270 + k * 30},640`, '#6a1019', 6, { opacity: 0.55 }));
  const half = pth(curtain, lin([[0, '#7e1420'], [0.5, '#b3262f'], [1, '#8c1a24']], [0, 0, 1, 0])) + folds +
    pth('M300,405 Q335,395 360,425 Q335,445 300,440 Z', '#d4a941');
  s += half + g(half, { transform: 'translate(1600,0) scale(-1,1)' });
  let scallops = 'M230,180';
  for (let x = 230; x < 1370; x += 95) scallops += ` A47.5,26 0 0 0 ${x + 95},180`;
  s += rect(230, 110, 1140, 70, '#9e1f2a') + pth(`${scallops} V170 H230 Z`, '#9e1f2a') + stroke(scallops, '#d4a941', 6);
  // gilded proscenium frame and crest
  s += stroke('M205,660 V88 H1395 V660', '#c9a54a', 24, { strokeLinecap: 'butt', strokeLinejoin: 'miter' });
  s += ell(800, 86, 70, 40, '#c9a54a') + ell(800, 86, 50, 26, '#a8842f');
  // empty front rows of seats
  for (const [y, h, w, off] of [[760, 50, 78, 0], [800, 60, 92, 46], [850, 70, 108, 10]])
    s += times(Math.ceil(W / w) + 1, (i) => rect(off + i * w - w / 2, y, w - 12, h, '#4a141b', { rx: 12 }) + rect(off + i * w - w / 2, y, w - 12, 10, '#6a1c25', { rx: 6 }));
  return doc(W, H, s);
}

function lantern(x, y, sz, color) {
  return (
    circ(x, y + 30 * sz, 75 * sz, rad([[0, color, 0.55], [1, color, 0]])) +
    line(x, y, x, y + 8 * sz, '#2a2020', 2) + rect(x - 7 * sz, y + 7 * sz, 14 * sz, 5 * sz, '#2a2020') +
    ell(x, y + 32 * sz, 21 * sz, 22 * sz, rad([[0, '#fff4d0'], [0.55, color], [1, color]])) +
    ell(x, y + 32 * sz, 10 * sz, 22 * sz, 'none', { stroke: '#7a3b1a', strokeWidth: 1.5, opacity: 0.35 }) +
    rect(x - 7 * sz, y + 52 * sz, 14 * sz, 5 * sz, '#2a2020') + line(x, y + 57 * sz, x, y + 68 * sz, color, 2)
  );
}

function festivalLanterns() {
  const W = 1600, H = 900;
  const r = rng(31);
  let s = sky(W, 700, [[0, '#0c1530'], [0.6, '#1f2b52'], [1, '#37406a']]);
  s += times(70, () => circ(r() * W, r() * 320, 0.8 + r() * 1.4, '#ffffff', { opacity: 0.4 + r() * 0.4 }));
  // buildings around the square
  let x = -20;
  while (x < W) {
    const w = 130 + r() * 110, top = 300 + r() * 120;
    const c = pick(r, ['#262c4a', '#2e3456', '#2a3050', '#33385c']);
    s += poly([[x, top], [x + w / 2, top - 50 - r() * 30], [x + w, top]], '#1d2240') + rect(x, top, w, 680 - top, c);
    s += windows(x + 18, top + 30, Math.floor((w - 20) / 44), Math.floor((640 - top) / 70), 26, 40, 18, 30, () => (r() < 0.4 ? '#f5c26b' : '#1c2140'));
    x += w;
  }
  // clock tower of the market hall in the middle
  s += rect(740, 170, 120, 500, '#2b3154') + poly([[730, 170], [800, 90], [870, 170]], '#1d2240') + circ(800, 230, 34, '#f6e3b0') + line(800, 230, 800, 208, '#2b3154', 4) + line(800, 230, 816, 236, '#2b3154', 4);
  // cobbled square with warm pools of light
  s += rect(0, 660, W, 240, lin([[0, '#3a3650'], [1, '#2a2740']]));
  for (let y = 670; y < H; y += 14 + (y - 660) * 0.06) {
    const sz = 8 + (y - 660) * 0.08;
    for (let cx = (y % 2) * sz; cx < W; cx += sz * 2.3) s += ell(cx, y, sz, sz * 0.4, '#4a4566', { opacity: 0.5 });
  }
  s += ell(500, 760, 360, 70, rad([[0, '#f4a259', 0.3], [1, '#f4a259', 0]])) + ell(1150, 780, 380, 80, rad([[0, '#f6d186', 0.28], [1, '#f6d186', 0]]));
  // strings of paper lanterns strung across the square
  const colors = ['#f4a259', '#e76f51', '#f6d186', '#f28482', '#e9c46a'];
  const strings = [
    [[-20, 70], [760, 250], [1620, 50], 16, 0.8],
    [[-20, 180], [800, 430], [1620, 160], 13, 1.05],
    [[-20, 330], [820, 560], [1620, 300], 10, 1.4],
  ];
  strings.forEach(([p0, c, p1, count, sz], si) => {
    s += stroke(`M${p0} Q${c} ${p1}`, '#140f1c', 2.5);
    for (let i = 0; i < count; i++) {
      const t = (i + 0.5) / count;
      const px = (1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * c[0] + t * t * p1[0];
      const py = (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * c[1] + t * t * p1[1];
      s += lantern(px, py, sz, colors[(i + si * 2) % colors.length]);
    }
  });
  // people in silhouette along the bottom edge
  s += times(16, (i) => {
    const px = 40 + i * 100 + r() * 40, py = 860 + r() * 20;
    return circ(px, py - 60, 18, '#110e1a') + pth(`M${n(px - 34)},900 Q${n(px - 32)},${n(py - 38)} ${n(px)},${n(py - 40)} Q${n(px + 32)},${n(py - 38)} ${n(px + 34)},900 Z`, '#110e1a');
  });
  return doc(W, H, s);
}

function footballFloodlights() {
  const W = 1600, H = 900;
  // ground plane projection: X along the touchline (m), D away from the near touchline (m)
  const proj = (X, D) => {
    const z = 1 + D / 34;
    return [800 + (500 * (X / 34)) / z, 200 + 660 / z];
  };
  let s = sky(W, 440, [[0, '#070d1c'], [0.6, '#15213b'], [1, '#24324f']]);
  s += rect(0, 380, W, 520, '#17391f');
  // far stand and trees on the horizon
  s += times(30, (i) => circ(i * 56, 375, 30 + (i % 3) * 8, '#0d1a1d'));
  s += rect(360, 330, 880, 84, '#1a2233') + rect(350, 322, 900, 12, '#2c3548') + rect(380, 350, 840, 52, '#2a3550');
  const r = rng(41);
  s += times(220, () => circ(384 + r() * 832, 356 + r() * 42, 2.4, pick(r, ['#c9a27a', '#e6d4bf', '#9ab0d6', '#d9534f', '#f2c94c']), { opacity: 0.8 }));
  s += times(16, (i) => rect(380 + i * 53, 404, 50, 10, i % 2 ? '#c8423b' : '#f4efe6'));
  // striped pitch
  for (let i = 0; i < 12; i++) {
    const a = -52.5 + i * 8.75, b = a + 8.75;
    s += poly([proj(a, 0), proj(b, 0), proj(b, 68), proj(a, 68)], i % 2 ? '#2f8a44' : '#3a9a50');
  }
  s += ell(800, 640, 700, 240, rad([[0, '#e9ffd9', 0.18], [1, '#e9ffd9', 0]]));
  // markings
  const L = (p, o = {}) => pline(p, '#f3f6f0', 3.5, o);
  const box = (x0, x1, d0, d1) => L([proj(x0, d0), proj(x1, d0), proj(x1, d1), proj(x0, d1)]);
  s += L([proj(-52.5, 0), proj(52.5, 0), proj(52.5, 68), proj(-52.5, 68), proj(-52.5, 0)]);
  s += L([proj(0, 0), proj(0, 68)]);
  s += L(Array.from({ length: 49 }, (_, i) => proj(9.15 * Math.cos((i * Math.PI) / 24), 34 + 9.15 * Math.sin((i * Math.PI) / 24))));
  s += box(-52.5, -36, 13.84, 54.16) + box(52.5, 36, 13.84, 54.16) + box(-52.5, -47, 24.84, 43.16) + box(52.5, 47, 24.84, 43.16);
  for (const side of [-1, 1]) {
    const gx = side * 52.5;
    const [ax, ay] = proj(gx, 30.34), [bx, by] = proj(gx, 37.66);
    const ha = (660 * (2.44 / 34)) / (1 + 30.34 / 34), hb = (660 * (2.44 / 34)) / (1 + 37.66 / 34);
    const [nx, ny] = proj(gx + side * 2, 30.34), [mx, my] = proj(gx + side * 2, 37.66);
    s += poly([[ax, ay], [ax, ay - ha], [bx, by - hb], [bx, by], [mx, my], [mx, my - hb * 0.8], [nx, ny - ha * 0.8], [nx, ny]], '#ffffff', { opacity: 0.18 });
    s += pline([[ax, ay], [ax, ay - ha], [bx, by - hb], [bx, by]], '#ffffff', 4);
  }
  // four floodlight towers with glowing lamp banks and beams
  const tower = (x, base, top, sc) => {
    let t = poly([[x - 14 * sc, base], [x + 14 * sc, base], [x + 5 * sc, top], [x - 5 * sc, top]], '#5d6873');
    t += poly([[800 + (x - 800) * 0.9, top + 20], [800 + (x - 800) * 0.9 + 40 * sc, top + 30], [800 + (x - 800) * 0.25 + 260, 700], [800 + (x - 800) * 0.25 - 260, 700]], lin([[0, '#fffbe6', 0.16], [1, '#fffbe6', 0]]));
    t += circ(x, top, 200 * sc, rad([[0, '#fff8d8', 0.7], [0.35, '#fff2c0', 0.25], [1, '#fff2c0', 0]]));
    t += rect(x - 55 * sc, top - 38 * sc, 110 * sc, 64 * sc, '#3a434d', { rx: 4 });
    for (let j = 0; j < 3; j++) for (let i = 0; i < 4; i++) t += circ(x - 39 * sc + i * 26 * sc, top - 22 * sc + j * 20 * sc, 9 * sc, '#fffdf0');
    return t;
  };
  s += tower(470, 420, 170, 0.6) + tower(1130, 420, 170, 0.6) + tower(60, 940, 90, 1.2) + tower(1540, 940, 90, 1.2);
  return doc(W, H, s);
}

function lido() {
  const W = 1600, H = 900;
  let s = sky(W, 480, [[0, '#b4c3cf'], [0.7, '#dfe6ea'], [1, '#eef1f0']]);
  s += circ(1180, 240, 160, rad([[0, '#fff6e0', 0.8], [1, '#fff6e0', 0]])) + circ(1180, 240, 44, '#f8f2df');
  s += hill(W, H, 370, 12, '#a3a9b4', 14).svg;
  const r = rng(51);
  for (const [x, h] of [[120, 120], [330, 95], [560, 130], [900, 110], [1420, 125]]) s += bareTree(x, 400, h * 0.55, -Math.PI / 2, 12, '#5f636d', r);
  // art deco pavilion across the far side
  s += rect(0, 380, W, 92, '#efeae0') + rect(0, 380, W, 14, '#3d8c8a');
  s += windows(40, 412, 6, 1, 80, 40, 24, 0, () => '#9fb3bf') + windows(1000, 412, 6, 1, 80, 40, 24, 0, () => '#9fb3bf');
  s += text(800, 448, 'MILLBROOK LIDO', 36, '#3d8c8a', { textAnchor: 'middle', fontWeight: 'bold', letterSpacing: 6 });
  // decks and pool
  s += rect(0, 472, W, 90, '#d9d6cf') + times(17, (i) => line(i * 100, 472, i * 100 - 20, 560, '#c9c5bd', 2));
  s += rect(0, 556, W, 10, '#f4f2ee');
  s += poly([[0, 566], [1390, 566], [1450, 810], [0, 810]], lin([[0, '#6cbad8'], [0.5, '#3590bf'], [1, '#2a6f9e']]));
  s += poly([[1390, 556], [W, 556], [W, 900], [1450, 900], [1450, 810]], '#d9d6cf') + line(1390, 566, 1450, 810, '#f4f2ee', 10);
  s += rect(0, 808, 1452, 14, '#f4f2ee') + rect(0, 822, 1452, 78, '#cfcbc3') + times(15, (i) => line(i * 100, 822, i * 100 + 10, 900, '#bdb8af', 2));
  // lane ropes and ripples
  for (const [y, w] of [[610, 6], [668, 8], [740, 10]]) {
    const x1 = 1400 + (y - 566) * 0.24;
    s += line(0, y, x1, y, '#d9534f', w) + line(0, y, x1, y, '#ffffff', w, { strokeDasharray: `${w * 2} ${w * 2}` });
  }
  s += g(times(60, () => {
    const x = r() * 1380, y = 580 + r() * 220;
    return stroke(`M${n(x)},${n(y)} q12,-5 24,0 t24,0`, '#ffffff', 2);
  }), { opacity: 0.3 });
  s += ell(1180, 700, 40, 100, rad([[0, '#ffffff', 0.4], [1, '#ffffff', 0]]));
  // wisps of steam over the cold water
  s += g(times(9, (i) => ell(100 + i * 150, 600 + (i % 3) * 40, 120, 14, '#ffffff')), { opacity: 0.14, filter: blur(12) });
  // diving board on the end deck, reaching out over the deep end
  s += poly([[1130, 700], [1440, 700], [1452, 716], [1142, 716]], '#1f4f74', { opacity: 0.3 });
  s += poly([[1468, 790], [1592, 790], [1572, 604], [1488, 604]], '#e8e6e1') + poly([[1540, 790], [1592, 790], [1572, 604], [1540, 604]], '#d2cfc8');
  s += times(7, (k) => line(1590, 770 - k * 26, 1600, 770 - k * 26, '#8f9a9f', 5));
  s += rect(1110, 584, 480, 22, '#f7f8f6', { rx: 6 }) + rect(1110, 600, 480, 6, '#2f6f9e', { rx: 3 });
  s += poly([[1430, 606], [1470, 606], [1488, 640], [1488, 660]], '#c9c6bf') + circ(1440, 612, 9, '#5d676d');
  s += stroke('M1500,584 V520 Q1500,500 1520,500 H1556 Q1576,500 1576,520 V584', '#a9b3b8', 7);
  s += stroke('M1500,540 H1576', '#a9b3b8', 5);
  // pool ladder in the foreground
  for (const x of [300, 350]) s += stroke(`M${x},850 V790 Q${x},760 ${x + 28},760 Q${x + 56},760 ${x + 56},790 V840`, '#b7c0c4', 8);
  s += g(times(30, () => circ(r() * W, 822 + r() * 78, 3 + r() * 4, '#ffffff')), { opacity: 0.5 });
  return doc(W, H, s);
}

/* ------------------------------------------------------------------ figure scenes (1200x800) */

function riverBridge() {
  const W = 1200, H = 800;
  let s = sky(W, 560, [[0, '#bcd6e4'], [1, '#eaf2f2']]);
  s += cloud(220, 110, 0.9) + cloud(900, 80, 1.1);
  s += hill(W, H, 430, 22, '#9dbb8a', 4).svg;
  s += times(16, (i) => circ(120 + i * 64, 440 - (i % 3) * 12, 40 + (i % 4) * 8, pick(rng(i + 3), ['#6f9a5e', '#5b8750', '#7ea86b'])));
  s += rect(0, 520, W, 280, lin([[0, '#86abbb'], [1, '#4f7589']]));
  // the bridge, built once and reused upside down as its reflection
  const arches = [380, 600, 820];
  let bridge = rect(170, 348, 860, 172, '#c2b294');
  for (let y = 360; y < 520; y += 22) for (let x = 170 + ((y / 22) % 2) * 30; x < 1030; x += 60) bridge += rect(x, y, 58, 20, 'none', { stroke: '#a8987b', strokeWidth: 1.5 });
  for (const cx of arches) {
    bridge += pth(`M${cx - 95},520 V470 A95,95 0 0 1 ${cx + 95},470 V520 Z`, '#ad9c7e');
    bridge += pth(`M${cx - 80},520 V470 A80,80 0 0 1 ${cx + 80},470 V520 Z`, lin([[0, '#2f3b3f'], [0.7, '#4a5c61'], [1, '#6f93a3']]));
    bridge += times(13, (k) => {
      const a = Math.PI + (k * Math.PI) / 12;
      return line(cx + Math.cos(a) * 80, 470 + Math.sin(a) * 80, cx + Math.cos(a) * 95, 470 + Math.sin(a) * 95, '#958469', 2);
    });
  }
  for (const cx of [490, 710]) bridge += poly([[cx - 20, 520], [cx, 490], [cx + 20, 520]], '#a8987b');
  bridge += rect(160, 330, 880, 22, '#d6c9ad') + rect(170, 352, 860, 8, '#a8987b');
  s += bridge;
  // soft reflections of the stonework and the dark arch openings
  s += g(rect(180, 522, 840, 60, '#b3a68c') + arches.map((cx) => ell(cx, 540, 78, 56, '#33444c')).join(''), { opacity: 0.3, filter: blur(5), clipPath: clip(rect(0, 522, W, 278, '#000')) });
  const r = rng(61);
  s += g(times(40, () => rect(r() * W, 540 + r() * 250, 30 + r() * 90, 3, '#e5eef2')), { opacity: 0.45 });
  // banks with trees on both sides
  s += pth('M0,400 L200,430 Q235,470 250,522 Q200,650 70,800 L0,800 Z', '#8a7350') + pth('M0,400 L190,430 Q220,470 232,522 Q180,650 44,800 L0,800 Z', '#7a9a5c');
  s += pth('M1200,400 L1000,430 Q965,470 950,522 Q1000,650 1130,800 L1200,800 Z', '#8a7350') + pth('M1200,400 L1010,430 Q980,470 968,522 Q1020,650 1156,800 L1200,800 Z', '#7a9a5c');
  s += times(8, (i) => stroke(`M${228 - i * 22},${560 + i * 30} l-6,-26 M${232 - i * 22},${560 + i * 30} l4,-24`, '#5e7f45', 3) + stroke(`M${972 + i * 22},${560 + i * 30} l6,-26 M${968 + i * 22},${560 + i * 30} l-4,-24`, '#5e7f45', 3));
  s += tree(70, 470, 90, '#5e8a4f') + tree(180, 520, 70, '#7ea86b') + tree(90, 700, 95, '#4f7a45');
  s += tree(1120, 470, 95, '#5e8a4f') + tree(1010, 520, 66, '#7ea86b') + tree(1110, 710, 100, '#4f7a45');
  return doc(W, H, s);
}

function bakeryWindow() {
  const W = 1200, H = 800;
  let s = rect(0, 0, W, H, '#2f5247');
  s += rect(60, 26, 1080, 114, '#23403a') + rect(72, 38, 1056, 90, 'none', { stroke: '#d4af5a', strokeWidth: 3 });
  s += text(600, 108, 'BAKERY', 62, '#e2bf6a', { textAnchor: 'middle', fontWeight: 'bold', letterSpacing: 14 });
  s += rect(90, 166, 1020, 548, '#1f3832') + rect(110, 186, 980, 508, lin([[0, '#f6e4bf'], [1, '#ecd0a0']]));
  s += times(12, (i) => line(110 + i * 82, 186, 110 + i * 82, 694, '#ead2a6', 2));
  const shelf = (y) => rect(110, y, 980, 16, '#8a5a35') + rect(110, y + 16, 980, 8, '#6e4528');
  const tag = (x, y, price) => rect(x - 30, y, 60, 26, '#fffaf0', { rx: 3 }) + text(x, y + 19, price, 15, '#3a2a1e', { textAnchor: 'middle' });
  // top shelf: cobs and tin loaves
  const cob = (x) => pth(`M${x - 62},330 Q${x - 64},262 ${x},256 Q${x + 64},262 ${x + 62},330 Z`, lin([[0, '#c98a3f'], [1, '#9c5f27']])) + times(3, (k) => stroke(`M${x - 30 + k * 22},${278 + (k % 2) * 6} q10,14 22,20`, '#ebc084', 4));
  const tin = (x) => pth(`M${x - 58},330 V292 Q${x - 58},258 ${x},256 Q${x + 58},258 ${x + 58},292 V330 Z`, lin([[0, '#d39a4c'], [1, '#a76a2e']])) + stroke(`M${x - 40},276 Q${x},266 ${x + 40},276`, '#efcb92', 4);
  s += text(600, 226, 'Fresh bread daily', 26, '#b48a3a', { textAnchor: 'middle', fontStyle: 'italic' });
  s += cob(200) + tin(340) + cob(480) + tin(720) + cob(860) + tin(1000) + shelf(330);
  // middle shelf: baguettes and croissants
  for (let k = 0; k < 3; k++) {
    const y = 444 - k * 30;
    s += rect(140, y, 300, 34, '#d19548', { rx: 17 }) + times(5, (j) => stroke(`M${180 + j * 52},${y + 24} l24,-14`, '#f0c98a', 4));
  }
  const croissant = (x, y) => times(5, (k) => {
    const a = ((k - 2) * Math.PI) / 7;
    return ell(x + Math.sin(a) * 42, y - Math.cos(a) * 18 + 18, 18 - Math.abs(k - 2) * 3.5, 22 - Math.abs(k - 2) * 4, k % 2 ? '#d9963e' : '#c77f2f', { transform: `rotate(${n((a * 180) / Math.PI)} ${n(x + Math.sin(a) * 42)} ${n(y - Math.cos(a) * 18 + 18)})` });
  });
  for (const x of [560, 680, 800, 920, 1030]) s += croissant(x, 448);
  s += shelf(480) + tag(290, 504, '£2.20') + tag(800, 504, '£1.60');
  // bottom shelf: iced buns, jam tarts and cinnamon swirls on a tray
  s += rect(130, 628, 940, 10, '#c9c2b6', { rx: 4 });
  for (let i = 0; i < 9; i++) {
    const x = 180 + i * 105, y = 596;
    if (i % 3 === 0) s += ell(x, y, 42, 32, '#d8a257') + ell(x, y - 12, 38, 18, '#fbf6ee') + circ(x, y - 28, 9, '#c0392b');
    else if (i % 3 === 1) s += ell(x, y + 8, 44, 22, '#e0b06a') + ell(x, y + 4, 26, 12, '#b8303a');
    else s += circ(x, y + 2, 36, '#c9894a') + stroke(`M${x},${y + 2} m-4,0 a4,4 0 1 1 8,0 a10,10 0 1 1 -18,0 a16,16 0 1 1 30,0 a22,22 0 1 1 -42,0`, '#8f5a2a', 4);
  }
  s += shelf(640) + tag(600, 664, '£1.80');
  // reflections on the glass, then the stallriser
  s += poly([[300, 186], [420, 186], [190, 694], [110, 694], [110, 600]], '#ffffff', { opacity: 0.12 }) + poly([[820, 186], [860, 186], [640, 694], [600, 694]], '#ffffff', { opacity: 0.1 });
  s += rect(90, 714, 1020, 86, '#23403a') + rect(120, 730, 460, 54, 'none', { stroke: '#35574f', strokeWidth: 4 }) + rect(620, 730, 460, 54, 'none', { stroke: '#35574f', strokeWidth: 4 });
  return doc(W, H, s);
}

function ticketHall() {
  const W = 1200, H = 800;
  let s = rect(0, 70, W, 560, '#e9e2d3');
  s += times(30, (i) => line(i * 40, 70, i * 40, 430, '#ddd4c3', 1.5)) + times(9, (i) => line(0, 110 + i * 40, W, 110 + i * 40, '#ddd4c3', 1.5));
  s += rect(0, 430, W, 16, '#2f6b6a');
  s += rect(0, 0, W, 70, '#3d4650') + times(4, (i) => rect(90 + i * 290, 48, 170, 12, '#fdf8e4', { rx: 4 }));
  s += rect(0, 622, W, 8, '#6d665c') + rect(0, 630, W, 170, lin([[0, '#b9b2a6'], [1, '#9f988c']]));
  for (const y of [660, 705, 765]) s += line(0, y, W, y, '#a7a095', 2);
  s += times(13, (i) => line(i * 100, 630, 600 + (i * 100 - 600) * 1.9, 800, '#a7a095', 2));
  // departures board
  s += line(220, 70, 220, 110, '#3d4650', 3) + line(620, 70, 620, 110, '#3d4650', 3);
  s += rect(150, 110, 540, 292, '#15181c', { rx: 8 }) + rect(150, 110, 540, 52, '#1f3a66', { rx: 8 }) + rect(150, 140, 540, 22, '#1f3a66');
  s += text(420, 146, 'DEPARTURES', 28, '#ffffff', { textAnchor: 'middle', fontWeight: 'bold', letterSpacing: 4 });
  const cols = [170, 262, 540, 598];
  ['Time', 'Destination', 'Plat', 'Expected'].forEach((h, i) => (s += text(cols[i], 190, h, 16, '#9aa3ab')));
  const rows = [['07:42', 'Kingsford', '1', 'On time'], ['07:58', 'Ashby Vale', '2', 'On time'], ['08:05', 'Hollin Cross', '1', 'Delayed'], ['08:21', 'Kingsford', '2', '08:24'], ['08:40', 'Wendmouth', '1', 'On time']];
  rows.forEach((row, j) => row.forEach((c, i) => (s += text(cols[i], 228 + j * 38, c, 21, '#f5b83d'))));
  // ticket office windows under the board
  s += rect(150, 452, 540, 170, '#cbbfa8') + text(420, 478, 'TICKETS', 20, '#2f6b6a', { textAnchor: 'middle', fontWeight: 'bold', letterSpacing: 4 });
  s += rect(180, 490, 210, 100, '#9fc2cf', { stroke: '#6d5a44', strokeWidth: 6 }) + rect(450, 490, 210, 100, '#9fc2cf', { stroke: '#6d5a44', strokeWidth: 6 });
  s += rect(160, 588, 520, 16, '#7a5a3f');
  // lift with stainless steel doors, floor indicator, sign and call buttons
  s += rect(790, 136, 290, 46, '#1f3a66', { rx: 4 }) + text(935, 167, 'Lift to platforms', 21, '#ffffff', { textAnchor: 'middle', fontWeight: 'bold' });
  s += line(840, 70, 840, 136, '#3d4650', 3) + line(1030, 70, 1030, 136, '#3d4650', 3);
  s += rect(800, 204, 270, 426, '#8d979d') + rect(815, 256, 240, 374, '#aab3b8');
  s += rect(825, 264, 220, 366, lin([[0, '#b8c0c5'], [0.45, '#eef1f2'], [1, '#b8c0c5']], [0, 0, 1, 0]));
  s += rect(933, 264, 4, 366, '#7d878d');
  s += rect(885, 216, 100, 30, '#15181c', { rx: 4 }) + text(935, 238, '▲ 1 ▼', 18, '#f5b83d', { textAnchor: 'middle' });
  s += rect(1095, 250, 80, 80, '#1f3a66', { rx: 8 }) + text(1135, 284, 'LIFT', 19, '#ffffff', { textAnchor: 'middle', fontWeight: 'bold' }) + text(1135, 314, '▲▼', 20, '#ffffff', { textAnchor: 'middle' });
  s += rect(1100, 390, 50, 90, '#aab3b8', { rx: 6 }) + circ(1125, 418, 12, '#eef1f2', { stroke: '#5d676d', strokeWidth: 2 }) + circ(1125, 452, 12, '#eef1f2', { stroke: '#5d676d', strokeWidth: 2 });
  s += text(1125, 424, '▲', 14, '#1f3a66', { textAnchor: 'middle' }) + text(1125, 458, '▼', 14, '#1f3a66', { textAnchor: 'middle' });
  s += rect(800, 636, 270, 14, '#e2c14a') + times(12, (i) => circ(812 + i * 22, 643, 3, '#c9a632'));
  return doc(W, H, s);
}

function solarRoofs() {
  const W = 1200, H = 800;
  let s = sky(W, H, [[0, '#8fc1e3'], [0.5, '#d8ecf4']]);
  s += hill(W, H, 230, 16, '#a9c79a', 71).svg;
  const r = rng(71);
  const terrace = (base, wallH, roofH, hw, count, x0) => {
    let t = rect(x0, base - wallH - roofH, hw * count, roofH, lin([[0, '#4e525c'], [1, '#6a6f7a']]));
    t += rect(x0, base - wallH - roofH, hw * count, roofH * 0.06, '#3c3f47');
    for (let i = 0; i < count; i++) {
      const x = x0 + i * hw;
      t += rect(x, base - wallH, hw, wallH, pick(r, ['#b5583f', '#a6523c', '#bf6a4c', '#9e4f3a']));
      t += rect(x + hw * 0.12, base - wallH * 0.9, hw * 0.3, wallH * 0.32, '#dce9ee', { stroke: '#f4efe6', strokeWidth: Math.max(2, hw * 0.02) });
      t += rect(x + hw * 0.58, base - wallH * 0.9, hw * 0.3, wallH * 0.32, '#dce9ee', { stroke: '#f4efe6', strokeWidth: Math.max(2, hw * 0.02) });
      t += rect(x + hw * 0.12, base - wallH * 0.45, hw * 0.3, wallH * 0.3, '#dce9ee', { stroke: '#f4efe6', strokeWidth: Math.max(2, hw * 0.02) });
      t += rect(x + hw * 0.6, base - wallH * 0.48, hw * 0.24, wallH * 0.48, pick(r, ['#2f5247', '#1f3a66', '#7a2f35', '#3a3a3a']));
      t += line(x, base - wallH, x, base, '#8e4230', 2);
      if (i % 5 !== 3) {
        const pw = hw * 0.22, ph = roofH * 0.34, px = x + hw * 0.16, py = base - wallH - roofH * 0.86;
        t += windows(px, py, 3, 2, pw, ph, hw * 0.02, roofH * 0.04, () => lin([[0, '#2b4f86'], [1, '#1a3260']]), { stroke: '#7fa2cf', strokeWidth: Math.max(1, hw * 0.008) });
        for (let k = 1; k < 3; k++) t += line(px, py + (ph * k) / 3, px + pw * 3 + hw * 0.04, py + (ph * k) / 3, '#5a80b5', 1) + line(px, py + ph + roofH * 0.04 + (ph * k) / 3, px + pw * 3 + hw * 0.04, py + ph + roofH * 0.04 + (ph * k) / 3, '#5a80b5', 1);
      }
      t += rect(x - hw * 0.06, base - wallH - roofH * 1.3, hw * 0.12, roofH * 0.32, '#9e4f3a') + rect(x - hw * 0.05, base - wallH - roofH * 1.38, hw * 0.04, roofH * 0.1, '#c27a55') + rect(x + hw * 0.01, base - wallH - roofH * 1.38, hw * 0.04, roofH * 0.1, '#c27a55');
    }
    return t;
  };
  const gardens = (y, h, step) => rect(0, y, W, h, '#8fb07a') + times(Math.ceil(W / step) + 1, (i) => line(i * step - 30, y, i * step - 30, y + h, '#7a5a3f', 3));
  s += terrace(310, 66, 60, 110, 12, -30) + gardens(310, 40, 110);
  s += terrace(530, 104, 92, 170, 8, -50) + gardens(530, 50, 170);
  s += terrace(840, 136, 136, 260, 6, -90);
  return doc(W, H, s);
}

function parkBenchAutumn() {
  const W = 1200, H = 800;
  let s = sky(W, 540, [[0, '#f0dcb8'], [1, '#f7efe0']]);
  s += hill(W, H, 500, 16, '#d9c69c', 81).svg;
  const r = rng(81);
  const canopy = (x, y, rr, count) => times(count, () => circ(x + (r() - 0.5) * rr * 1.8, y + (r() - 0.5) * rr, rr * (0.35 + r() * 0.3), pick(r, ['#d9772b', '#e39b3a', '#c4552d', '#e8b44c', '#b94a2a'])));
  s += rect(585, 330, 18, 200, '#6b5140') + canopy(594, 320, 90, 14);
  s += pth('M200,560 C200,420 190,300 230,170 L270,170 C250,300 262,420 262,560 Z', '#4a3426') + stroke('M236,300 L140,220 M250,250 L340,170', '#4a3426', 14);
  s += canopy(240, 160, 230, 40);
  s += pth('M920,560 C920,430 930,320 960,200 L998,200 C985,320 982,430 984,560 Z', '#4a3426') + stroke('M955,320 L1060,240 M950,280 L870,210', '#4a3426', 12);
  s += canopy(960, 180, 220, 38);
  s += rect(0, 520, W, 280, lin([[0, '#b5a55f'], [1, '#9a8a48']]));
  s += pth('M520,800 C560,700 640,640 760,560 L840,560 C740,650 700,720 700,800 Z', '#d8c9a8');
  const leaf = (x, y, sz, c, a) => pth(`M0,${-sz} Q${sz * 0.7},0 0,${sz} Q${-sz * 0.7},0 0,${-sz} Z`, c, { transform: `translate(${n(x)},${n(y)}) rotate(${n(a)})` });
  const leafColors = ['#d9772b', '#e39b3a', '#c4552d', '#e8b44c', '#b94a2a'];
  s += times(650, () => {
    const y = 530 + r() ** 0.8 * 270;
    return leaf(r() * W, y, 4 + (y - 520) * 0.035, pick(r, leafColors), r() * 180);
  });
  // wooden bench with cast-iron ends
  s += ell(600, 668, 250, 22, '#6f6132', { opacity: 0.5 });
  for (const x of [420, 780]) s += stroke(`M${x},665 L${x},560 M${x - 12},665 L${x + 10},600 M${x},470 L${x},560`, '#2c332e', 12);
  s += times(3, (k) => rect(400, 466 + k * 26, 400, 18, '#9a6a3e', { rx: 4 }));
  s += poly([[396, 552], [804, 552], [814, 572], [386, 572]], '#b07a48') + rect(386, 572, 428, 14, '#8a5a32');
  for (const x of [410, 790]) s += stroke(`M${x},535 q${x < 600 ? -30 : 30},0 ${x < 600 ? -28 : 28},30`, '#2c332e', 10);
  s += times(14, () => leaf(r() * W, 150 + r() * 420, 9, pick(r, leafColors), r() * 180));
  s += times(10, () => leaf(380 + r() * 440, 560 + r() * 20, 7, pick(r, leafColors), r() * 180));
  return doc(W, H, s);
}

function playhouseFacade() {
  const W = 1200, H = 800;
  let s = sky(W, H, [[0, '#1c2748'], [0.6, '#3e4a78'], [1, '#7a6f93']]);
  s += rect(0, 260, 175, 540, '#3a3a4e') + rect(1025, 220, 175, 580, '#35364a');
  s += windows(20, 300, 2, 4, 50, 60, 30, 50, (i, j) => ((i + j) % 3 ? '#262637' : '#f2c46f')) + windows(1050, 260, 2, 5, 50, 60, 30, 44, (i, j) => ((i + j) % 2 ? '#262637' : '#f2c46f'));
  // stepped art deco frontage
  const facade = [[170, 800], [170, 230], [260, 230], [260, 190], [380, 190], [380, 150], [500, 150], [500, 110], [540, 110], [540, 70], [660, 70], [660, 110], [700, 110], [700, 150], [820, 150], [820, 190], [940, 190], [940, 230], [1030, 230], [1030, 800]];
  s += poly(facade, lin([[0, '#e9dcc0'], [1, '#d9c7a2']]));
  for (const x of [214, 316, 884, 986]) s += rect(x - 6, 240, 12, 520, '#cdb88f');
  s += text(600, 102, '1927', 30, '#8c7a57', { textAnchor: 'middle', fontWeight: 'bold', letterSpacing: 4 });
  s += times(9, (k) => {
    const a = Math.PI + (k * Math.PI) / 8;
    return line(600, 212, 600 + Math.cos(a) * 84, 212 + Math.sin(a) * 84, '#c9a24a', 4);
  }) + circ(600, 212, 18, '#c9a24a');
  for (const x of [420, 560, 700]) s += rect(x, 240, 80, 160, '#f4c97a', { stroke: '#8c7a57', strokeWidth: 6 }) + line(x + 40, 240, x + 40, 400, '#8c7a57', 4) + line(x, 320, x + 80, 320, '#8c7a57', 4);
  // illuminated sign on the canopy, ringed with bulbs
  s += rect(220, 424, 760, 84, '#20243a') + rect(220, 508, 760, 12, '#15182a');
  s += text(600, 484, 'WEND PLAYHOUSE', 50, '#ffd36b', { textAnchor: 'middle', fontWeight: 'bold', letterSpacing: 4, filter: blur(6) });
  s += text(600, 484, 'WEND PLAYHOUSE', 50, '#fff3cf', { textAnchor: 'middle', fontWeight: 'bold', letterSpacing: 4 });
  s += times(32, (i) => circ(232 + i * 23.6, 432, 5, '#ffe9a8') + circ(232 + i * 23.6, 500, 5, '#ffe9a8'));
  s += ell(600, 470, 460, 90, rad([[0, '#ffd36b', 0.18], [1, '#ffd36b', 0]]));
  // three arched doors with lit glass
  for (const x of [420, 600, 780]) {
    s += pth(`M${x - 62},760 V622 A62,62 0 0 1 ${x + 62},622 V760 Z`, '#6b4b2a');
    s += pth(`M${x - 50},760 V622 A50,50 0 0 1 ${x + 50},622 V760 Z`, lin([[0, '#fbe3a4'], [1, '#f0b95a']]));
    s += line(x, 572, x, 760, '#6b4b2a', 6) + line(x - 50, 640, x + 50, 640, '#6b4b2a', 4) + circ(x - 10, 700, 4, '#c9a24a') + circ(x + 10, 700, 4, '#c9a24a');
  }
  s += rect(205, 580, 90, 130, '#b5423a') + rect(215, 590, 70, 70, '#f4e3c1') + rect(905, 580, 90, 130, '#2f5a7a') + rect(915, 590, 70, 70, '#f4e3c1');
  s += rect(250, 760, 700, 14, '#b8ae9c') + rect(230, 774, 740, 14, '#a79d8b') + rect(0, 788, W, 12, '#59566a');
  return doc(W, H, s);
}

function marketStalls() {
  const W = 1200, H = 800;
  let s = sky(W, H, [[0, '#cfe3ec'], [0.4, '#eef3f1']]);
  const r = rng(91);
  let x = -20;
  for (const [w, top, c] of [[210, 150, '#d9cdb5'], [190, 110, '#9fb59a'], [240, 170, '#c98f72'], [200, 130, '#a9b8c6'], [220, 160, '#e3d5a8'], [200, 120, '#b8a4a0']]) {
    s += rect(x, top, w, 420 - top, c) + windows(x + 22, top + 30, Math.floor((w - 20) / 60), 3, 36, 50, 24, 30, () => '#56677a');
    x += w;
  }
  s += rect(0, 420, W, 380, '#bdb3a3');
  for (let y = 430; y < H; y += 18) for (let cx = (y % 36) / 2; cx < W; cx += 36) s += rect(cx, y, 32, 14, '#b1a695', { rx: 5 });
  // market stalls with red, yellow and green striped awnings
  const produce = ['#e8892f', '#c8423b', '#8dbb4b', '#f2d04b', '#5b3a6b', '#6b9e3f'];
  const stall = (x, w, color, price) => {
    let t = rect(x + 4, 330, 10, 250, '#5b4a3a') + rect(x + w - 14, 330, 10, 250, '#5b4a3a');
    t += rect(x - 6, 470, w + 12, 18, '#8a6a48') + rect(x, 488, w, 80, '#efe6d2') + rect(x, 488, w, 10, '#d9cfb8');
    for (let k = 0; k < 4; k++) {
      const cx = x + 20 + k * ((w - 40) / 4), cw = (w - 40) / 4 - 10, fruit = produce[Math.floor(r() * produce.length)];
      t += rect(cx, 440, cw, 32, '#a67c52') + times(7, (j) => circ(cx + 10 + (j % 4) * ((cw - 20) / 3), 440 - (j < 4 ? 0 : 12), 11, fruit));
    }
    const stripes = 8;
    for (let k = 0; k < stripes; k++) {
      const b0 = x - 12 + (k * (w + 24)) / stripes, b1 = x - 12 + ((k + 1) * (w + 24)) / stripes;
      const t0 = x + 22 + (k * (w - 44)) / stripes, t1 = x + 22 + ((k + 1) * (w - 44)) / stripes;
      const c = k % 2 ? '#f6efe0' : color;
      t += poly([[b0, 340], [b1, 340], [t1, 250], [t0, 250]], c);
      t += rect(b0, 340, b1 - b0, 18, c) + pth(`M${n(b0)},358 A${n((b1 - b0) / 2)},14 0 0 0 ${n(b1)},358 Z`, c);
    }
    t += line(x - 12, 340, x + w + 12, 340, 'rgba(0,0,0,0.15)', 3);
    t += rect(x + w / 2 - 34, 500, 68, 40, '#fffaf0', { rx: 4 }) + text(x + w / 2, 527, price, 20, '#3a2a1e', { textAnchor: 'middle', fontWeight: 'bold' });
    return t;
  };
  s += stall(50, 330, '#c8423b', '£1.20') + stall(440, 330, '#e3b23c', '80p') + stall(830, 330, '#4f8f4f', '£1.50');
  return doc(W, H, s);
}

function lidoHuts() {
  const W = 1200, H = 800;
  let s = sky(W, 440, [[0, '#7fb6dc'], [1, '#d6ebf3']]);
  s += hill(W, H, 380, 16, '#7ea36f', 101).svg;
  const colors = ['#e07a5f', '#f2c14e', '#3ea8a0', '#f28fad', '#7cc47f', '#5b9bd5', '#b48ad6'];
  let huts = '';
  colors.forEach((c, i) => {
    const x = 36 + i * 162;
    huts += rect(x, 360, 140, 160, c) + times(6, (k) => line(x + 20 + k * 20, 360, x + 20 + k * 20, 520, 'rgba(0,0,0,0.08)', 2));
    huts += poly([[x - 12, 366], [x + 70, 296], [x + 152, 366]], '#f4f1ea') + poly([[x + 4, 360], [x + 70, 310], [x + 136, 360]], c);
    huts += circ(x + 70, 338, 14, '#f4f1ea') + text(x + 70, 345, String(i + 1), 18, '#2a3440', { textAnchor: 'middle', fontWeight: 'bold' });
    huts += rect(x + 34, 392, 72, 128, 'rgba(0,0,0,0.14)') + rect(x + 34, 392, 72, 128, 'none', { stroke: '#f4f1ea', strokeWidth: 6 }) + circ(x + 96, 460, 4, '#f4f1ea');
  });
  s += huts;
  s += rect(0, 520, W, 84, '#e4ddd0') + times(13, (i) => line(i * 100, 520, i * 100 - 15, 604, '#d2c9b9', 2));
  s += rect(0, 600, W, 16, '#f6f4ef');
  s += rect(0, 616, W, 184, lin([[0, '#58b0d6'], [1, '#2e86b8']]));
  s += g(g(huts, { transform: 'translate(0,1136) scale(1,-1)' }), { opacity: 0.18, filter: blur(5), clipPath: clip(rect(0, 616, W, 184, '#000')) });
  const r = rng(102);
  s += g(times(50, () => stroke(`M${n(r() * W)},${n(630 + r() * 170)} q12,-5 24,0 t24,0`, '#ffffff', 2)), { opacity: 0.35 });
  s += line(0, 720, W, 720, '#d9534f', 8) + line(0, 720, W, 720, '#ffffff', 8, { strokeDasharray: '16 16' });
  for (const x of [880, 930]) s += stroke(`M${x},584 Q${x},566 ${x + 20},566 Q${x + 44},566 ${x + 44},600 V700`, '#b7c0c4', 7) + stroke(`M${x},584 V596`, '#b7c0c4', 7);
  s += times(3, (k) => line(924, 640 + k * 24, 968, 640 + k * 24, '#d6e6ee', 5, { opacity: 0.6 }));
  s += cloud(220, 120, 0.9) + cloud(960, 80, 1.1);
  return doc(W, H, s);
}

/* ------------------------------------------------------------------ author portraits (800x800) */

/** Shared head-and-shoulders base: background, shoulders, neck, head, ears. */
function bust({ bg, bgLight, skin, shade, top, topShade, neckline = 'crew' }) {
  let s = rect(0, 0, 800, 800, bg) + circ(400, 430, 320, bgLight);
  s += pth('M340,460 L338,610 Q400,660 462,610 L460,460 Z', shade);
  s += pth('M100,800 C110,660 220,600 330,588 Q400,640 470,588 C580,600 690,660 700,800 Z', top);
  s += neckline === 'crew' ? pth('M330,588 Q400,640 470,588 L482,600 Q400,668 318,600 Z', topShade) : pth('M318,592 Q400,700 482,592 Q400,660 318,592 Z', shade);
  s += pth('M200,800 C215,720 250,690 290,676 M600,800 C585,720 550,690 510,676', 'none', { stroke: topShade, strokeWidth: 6, opacity: 0.6 });
  return s;
}
const head = (skin) => ell(275, 395, 24, 38, skin) + ell(525, 395, 24, 38, skin) + ell(400, 372, 126, 156, skin);
function face({ brow, shade, lips = '#8c3b3b', smile = true }) {
  let s = ell(352, 388, 12, 14, '#2a1d18') + ell(448, 388, 12, 14, '#2a1d18') + circ(356, 383, 4, '#ffffff') + circ(452, 383, 4, '#ffffff');
  s += stroke('M322,350 Q350,334 380,346', brow, 9) + stroke('M420,346 Q450,334 478,350', brow, 9);
  s += stroke('M400,396 Q390,432 402,442 Q412,444 418,436', shade, 6);
  s += smile ? stroke('M362,478 Q400,502 438,478', lips, 8) : '';
  s += circ(326, 448, 24, '#e0806e', { opacity: 0.22 }) + circ(474, 448, 24, '#e0806e', { opacity: 0.22 });
  return s;
}

function mayaOkafor() {
  const skin = '#8a5a3c', shade = '#6f4630', hair = '#1d1411';
  let s = bust({ bg: '#2f7f7a', bgLight: '#3a8f89', skin, shade, top: '#d9a441', topShade: '#b8852c' });
  // short dark curls: a ring of circles around the crown, stopping above the ears
  const curls = (rx, ry, r0, from, to, step) => {
    let c = '';
    for (let a = from; a <= to; a += step) {
      const t = (a * Math.PI) / 180;
      c += circ(400 + Math.cos(t) * rx, 345 + Math.sin(t) * ry, r0 + ((a / step) % 2) * 6, hair);
    }
    return c;
  };
  s += curls(138, 150, 40, 170, 370, 14) + curls(100, 120, 44, 190, 350, 20);
  s += head(skin);
  s += curls(112, 138, 30, 205, 335, 13);
  s += g(times(14, (i) => {
    const t = ((200 + i * 10) * Math.PI) / 180;
    return stroke(`M${n(400 + Math.cos(t) * 130)},${n(340 + Math.sin(t) * 150)} q8,-10 16,0`, '#3b2a22', 4);
  }));
  s += face({ brow: hair, shade });
  // round glasses
  s += circ(352, 388, 42, '#ffffff', { opacity: 0.12 }) + circ(448, 388, 42, '#ffffff', { opacity: 0.12 });
  s += circ(352, 388, 42, 'none', { stroke: '#1e1e1e', strokeWidth: 8 }) + circ(448, 388, 42, 'none', { stroke: '#1e1e1e', strokeWidth: 8 });
  s += stroke('M393,384 Q400,374 407,384', '#1e1e1e', 7) + stroke('M310,382 L280,374', '#1e1e1e', 7) + stroke('M490,382 L520,374', '#1e1e1e', 7);
  return doc(800, 800, s);
}

function tomHallett() {
  const skin = '#e9b99a', shade = '#cf9877', sandy = '#c49a5a', sandyDark = '#a57c40';
  let s = bust({ bg: '#d9a441', bgLight: '#e2b25a', skin, shade, top: '#3d4b5c', topShade: '#2e3a48', neckline: 'v' });
  s += pth('M318,592 L370,680 L400,640 L430,680 L482,592 Q400,660 318,592 Z', '#efe8da');
  s += head(skin);
  s += pth('M272,330 Q268,380 282,410 L296,410 Q290,370 296,330 Z', sandy) + pth('M528,330 Q532,380 518,410 L504,410 Q510,370 504,330 Z', sandy);
  // sandy beard and moustache
  const beard = 'M278,392 C284,480 330,568 400,574 C470,568 516,480 522,392 C508,440 484,458 460,458 Q400,446 340,458 C316,458 292,440 278,392 Z';
  s += pth(beard, sandy);
  s += pth('M344,470 Q372,446 400,458 Q428,446 456,470 Q428,478 400,470 Q372,478 344,470 Z', sandyDark);
  s += g(times(18, (i) => stroke(`M${300 + i * 12},${490 + Math.sin(i) * 30} l4,14`, sandyDark, 3)), { opacity: 0.6, clipPath: clip(pth(beard, '#000')) });
  s += stroke('M378,490 Q400,500 422,490', '#7a3f33', 7);
  s += face({ brow: sandyDark, shade, smile: false });
  // flat cap: soft crown with a short peak over the forehead
  s += pth('M254,340 C238,262 318,206 422,208 C520,210 568,262 548,336 Q400,300 254,340 Z', '#6b6358');
  s += g(times(16, (i) => line(270 + i * 18, 330, 300 + i * 18, 220, '#7c7468', 3)), { clipPath: clip(pth('M254,340 C238,262 318,206 422,208 C520,210 568,262 548,336 Q400,300 254,340 Z', '#000')), opacity: 0.6 });
  s += pth('M258,330 Q400,290 548,326 Q558,352 534,358 Q400,328 270,362 Q248,354 258,330 Z', '#57504a');
  s += ell(400, 350, 130, 10, '#000000', { opacity: 0.08 }) + circ(420, 214, 8, '#57504a');
  return doc(800, 800, s);
}

function priyaRaman() {
  const skin = '#a66a48', shade = '#8a5236', hair = '#15100e';
  let s = bust({ bg: '#e07a5f', bgLight: '#e88c73', skin, shade, top: '#1f5c5a', topShade: '#174846', neckline: 'scoop' });
  // long ponytail: emerges from behind the head and falls forward over the right shoulder
  s += pth('M470,330 C560,360 600,470 590,570 C582,650 560,720 528,780 C516,720 520,650 516,590 C512,530 500,470 470,430 Z', hair);
  s += stroke('M560,460 C578,540 566,640 540,740', '#3a302c', 5);
  s += rect(512, 500, 82, 16, '#7a2d3c', { rx: 8, transform: 'rotate(6 553 508)' });
  s += head(skin);
  // sleek hair drawn back from a centre parting
  s += pth('M270,400 C256,262 320,200 400,200 C480,200 544,262 530,400 C522,330 500,292 470,280 C440,268 418,276 400,262 C382,276 360,268 330,280 C300,292 278,330 270,400 Z', hair);
  s += stroke('M330,232 Q360,214 392,214', '#3a302c', 5) + stroke('M470,232 Q440,214 408,214', '#3a302c', 5);
  s += ell(275, 398, 24, 38, skin) + ell(525, 398, 24, 38, skin);
  // gold earrings
  for (const x of [276, 524]) s += circ(x, 432, 6, '#e3b341') + circ(x, 458, 18, 'none', { stroke: '#e3b341', strokeWidth: 6 });
  s += face({ brow: hair, shade, lips: '#7c3038' });
  return doc(800, 800, s);
}

/* ------------------------------------------------------------------ output */

const jobs = {
  articles: {
    'town-hall': townHall, 'construction-cranes': constructionCranes, 'bus-depot': busDepot,
    'high-street-rain': highStreetRain, 'train-platform': trainPlatform, 'flood-defences': floodDefences,
    'hills-wind-turbines': hillsWindTurbines, 'allotment-rows': allotmentRows, 'theatre-stage': theatreStage,
    'festival-lanterns': festivalLanterns, 'football-floodlights': footballFloodlights, lido: lido,
  },
  figures: {
    'chart-budget': chartBudget, 'river-bridge': riverBridge, 'chart-passengers': chartPassengers,
    'bakery-window': bakeryWindow, 'ticket-hall': ticketHall, 'chart-river-levels': chartRiverLevels,
    'solar-roofs': solarRoofs, 'park-bench-autumn': parkBenchAutumn, 'playhouse-facade': playhouseFacade,
    'market-stalls': marketStalls, 'chart-attendance': chartAttendance, 'lido-huts': lidoHuts,
  },
  authors: { 'maya-okafor': mayaOkafor, 'tom-hallett': tomHallett, 'priya-raman': priyaRaman },
};

const only = new Set(process.argv.slice(2));
for (const [dir, scenes] of Object.entries(jobs)) {
  const outDir = path.join(root, 'public', 'images', dir);
  await mkdir(outDir, { recursive: true });
  for (const [name, draw] of Object.entries(scenes)) {
    if (only.size && !only.has(name)) continue;
    const out = path.join(outDir, `${name}.jpg`);
    const info = await sharp(Buffer.from(draw())).jpeg({ quality: 82, mozjpeg: true, progressive: true }).toFile(out);
    console.log(`${path.relative(root, out)}  ${info.width}x${info.height}  ${(info.size / 1024).toFixed(0)} KB`);
  }
}
