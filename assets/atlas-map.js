// Progressive enhancement of the atlas map (src/coverage/views/choropleth.tsx): zoom and pan with
// buttons, the wheel, the keyboard, dragging and a two-finger pinch, and a tooltip on hover and focus. It changes only
// the viewBox of the same server-rendered SVG; without this file the map is whole, and every
// municipality is still a link to its page.
(() => {
  const MAX_ZOOM = 8;
  for (const figure of document.querySelectorAll('[data-module="atlas-map"]')) {
    const svg = figure.querySelector('svg.atlas-map__svg');
    const frame = figure.querySelector('.atlas-map__frame');
    const tip = figure.querySelector('.atlas-map__tip');
    const controls = figure.querySelector('.atlas-map__controls');
    if (!(svg instanceof SVGSVGElement) || !frame || !(tip instanceof HTMLElement) || !(controls instanceof HTMLElement)) continue;
    const base = svg.viewBox.baseVal;
    const home = { x: base.x, y: base.y, w: base.width, h: base.height };
    const view = { ...home };

    const apply = () => {
      svg.setAttribute('viewBox', `${view.x.toFixed(1)} ${view.y.toFixed(1)} ${view.w.toFixed(1)} ${view.h.toFixed(1)}`);
      // Zoomed in, a finger pans the map; at the whole view it scrolls the page (atlas.css).
      svg.classList.toggle('is-zoomed', view.w < home.w * 0.999);
    };
    svg.classList.add('is-enhanced');
    const clamp = () => {
      view.w = Math.min(home.w, Math.max(home.w / MAX_ZOOM, view.w));
      view.h = (view.w * home.h) / home.w;
      view.x = Math.min(home.x + home.w - view.w, Math.max(home.x, view.x));
      view.y = Math.min(home.y + home.h - view.h, Math.max(home.y, view.y));
    };
    /** Zooms by `factor` keeping the point (cx, cy) in map units where it is on screen. */
    const zoom = (factor, cx = view.x + view.w / 2, cy = view.y + view.h / 2) => {
      const w = view.w / factor;
      const k = w / view.w;
      view.x = cx - (cx - view.x) * k;
      view.y = cy - (cy - view.y) * k;
      view.w = w;
      clamp();
      apply();
    };
    const moved = (change) => {
      const before = `${view.x},${view.y},${view.w}`;
      change();
      clamp();
      apply();
      return before !== `${view.x},${view.y},${view.w}`;
    };
    const reset = () => { Object.assign(view, home); apply(); };
    /** A point on screen in map units. */
    const toMap = (clientX, clientY) => {
      const matrix = svg.getScreenCTM();
      if (!matrix) return { x: view.x + view.w / 2, y: view.y + view.h / 2 };
      const p = new DOMPoint(clientX, clientY).matrixTransform(matrix.inverse());
      return { x: p.x, y: p.y };
    };

    controls.hidden = false;
    controls.addEventListener('click', (event) => {
      const button = event.target instanceof Element ? event.target.closest('[data-zoom]') : null;
      if (!button) return;
      const action = button.getAttribute('data-zoom');
      if (action === 'in') zoom(1.5);
      else if (action === 'out') zoom(1 / 1.5);
      else reset();
    });

    // The wheel zooms only when the map has focus or Ctrl/⌘ is held, so scrolling past it still scrolls the page.
    svg.addEventListener('wheel', (event) => {
      if (!(event.ctrlKey || event.metaKey || frame.contains(document.activeElement))) return;
      event.preventDefault();
      const p = toMap(event.clientX, event.clientY);
      zoom(event.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
    }, { passive: false });

    const STEP = 0.15;
    frame.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') { hide(); return; }
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      let changed = false;
      if (event.key === '+' || event.key === '=') changed = moved(() => { const w = view.w / 1.5; view.x += (view.w - w) / 2; view.y += (view.h - (w * home.h) / home.w) / 2; view.w = w; });
      else if (event.key === '-' || event.key === '−') changed = moved(() => { const w = view.w * 1.5; view.x -= (w - view.w) / 2; view.y -= ((w * home.h) / home.w - view.h) / 2; view.w = w; });
      else if (event.key === '0') changed = moved(() => Object.assign(view, home));
      else if (event.key === 'ArrowLeft') changed = moved(() => { view.x -= view.w * STEP; });
      else if (event.key === 'ArrowRight') changed = moved(() => { view.x += view.w * STEP; });
      else if (event.key === 'ArrowUp') changed = moved(() => { view.y -= view.h * STEP; });
      else if (event.key === 'ArrowDown') changed = moved(() => { view.y += view.h * STEP; });
      if (changed) event.preventDefault();
    });

    // Dragging pans; a drag never follows the link it started on. Two fingers pinch to zoom: the
    // place between them stays between them, and the map grows with their distance.
    let press = null;
    let dragged = false;
    const pointers = new Map();
    let pinch = null;
    const between = () => {
      const [a, b] = [...pointers.values()];
      return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, d: Math.hypot(a.x - b.x, a.y - b.y) };
    };
    svg.addEventListener('pointerdown', (event) => {
      if (event.button !== 0) return;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 2) {
        const m = between();
        pinch = { d: Math.max(1, m.d), at: toMap(m.x, m.y), w: view.w };
        press = null;
        dragged = true;
        hide();
        return;
      }
      press = { x: event.clientX, y: event.clientY, view: { ...view } };
      dragged = false;
    });
    svg.addEventListener('pointermove', (event) => {
      if (pointers.has(event.pointerId)) pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pinch && pointers.size >= 2) {
        event.preventDefault();
        const m = between();
        const rect = svg.getBoundingClientRect();
        view.w = pinch.w * (pinch.d / Math.max(1, m.d));
        view.w = Math.min(home.w, Math.max(home.w / MAX_ZOOM, view.w));
        view.h = (view.w * home.h) / home.w;
        const perPixel = view.w / rect.width;
        view.x = pinch.at.x - (m.x - rect.left) * perPixel;
        view.y = pinch.at.y - (m.y - rect.top) * perPixel;
        clamp();
        apply();
        return;
      }
      if (press && (dragged || Math.hypot(event.clientX - press.x, event.clientY - press.y) > 4)) {
        if (!dragged) { dragged = true; frame.classList.add('is-dragging'); hide(); }
        const perPixel = view.w / svg.getBoundingClientRect().width;
        Object.assign(view, press.view);
        view.x -= (event.clientX - press.x) * perPixel;
        view.y -= (event.clientY - press.y) * perPixel;
        clamp();
        apply();
        return;
      }
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (link) show(link, event.clientX, event.clientY);
      else hide();
    });
    const release = (event) => {
      pointers.delete(event.pointerId);
      if (pointers.size < 2) pinch = null;
      press = null;
      frame.classList.remove('is-dragging');
    };
    svg.addEventListener('pointerup', release);
    svg.addEventListener('pointercancel', release);
    svg.addEventListener('pointerleave', (event) => { release(event); hide(); });
    svg.addEventListener('click', (event) => {
      if (dragged) { event.preventDefault(); dragged = false; }
    }, true);

    // The tooltip says what the link's name says: the municipality and its value.
    function show(link, clientX, clientY) {
      tip.textContent = link.getAttribute('aria-label');
      tip.hidden = false;
      const area = frame.getBoundingClientRect();
      const left = Math.min(clientX - area.left + 12, area.width - tip.offsetWidth - 4);
      tip.style.setProperty('left', `${Math.max(0, left)}px`);
      tip.style.setProperty('top', `${clientY - area.top + 16}px`);
    }
    function hide() { tip.hidden = true; }

    // A link reached with Tab that lies outside the zoomed view is brought into it.
    svg.addEventListener('focusin', (event) => {
      const link = event.target instanceof Element ? event.target.closest('a') : null;
      if (!link) return;
      const shape = link.querySelector('path');
      if (shape instanceof SVGGraphicsElement) {
        const box = shape.getBBox();
        const outside = box.x + box.width < view.x || box.x > view.x + view.w || box.y + box.height < view.y || box.y > view.y + view.h;
        if (outside) {
          view.x = box.x + box.width / 2 - view.w / 2;
          view.y = box.y + box.height / 2 - view.h / 2;
          clamp();
          apply();
        }
      }
      const r = link.getBoundingClientRect();
      show(link, r.left + r.width / 2, r.top + r.height / 2);
    });
    svg.addEventListener('focusout', hide);
  }
})();
