// The finder (/tilbud): with JavaScript, changing a filter (a checkbox, the distance, the sorting) or
// submitting the search updates the results in place instead of loading a new page. It is the same
// GET form: the script asks for the same address the form would open, takes the parts that change
// from the answer, and puts that address in the address bar (history.pushState), so the URL stays
// shareable and back/forward show the earlier searches. Focus stays on the control the person just
// changed; one polite live region says the new count. Without this file the form works as before.
// Text fields update on submit (Enter or "Søk"), not while typing.
(() => {
  const form = document.querySelector('form[data-module="finder"]');
  const results = document.getElementById('resultater');
  const status = document.querySelector('[data-module="finder-status"]');
  if (!(form instanceof HTMLFormElement) || !results || !status || typeof window.fetch !== 'function' || typeof DOMParser !== 'function' || !window.history?.pushState) return;

  // A page that came back with errors stays a plain form: the next search loads a page of its own,
  // with its error summary. Filters still submit themselves on change.
  const hasErrors = document.querySelector('[data-module="error-summary"]') !== null;
  const isFilter = (target) => (target instanceof HTMLInputElement && target.type === 'checkbox') || target instanceof HTMLSelectElement;
  if (hasErrors) {
    form.addEventListener('change', (event) => { if (isFilter(event.target)) form.requestSubmit(); });
    return;
  }

  /** The address the form would open, without the empty fields. */
  const formUrl = () => {
    const url = new URL(form.action, location.href);
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value !== '') params.append(name, value);
    url.search = params.toString();
    return url.href;
  };
  const searchOf = (href) => { const url = new URL(href, location.href); return url.pathname + url.search; };
  let shown = searchOf(location.href);

  /** Every control takes the state the server understood (a place moved from the text to the place field, say). */
  const syncControls = (fresh) => {
    for (const control of [...form.elements]) {
      if (!control.id || !('value' in control) || control.type === 'submit' || control.type === 'hidden') continue;
      const twin = fresh.getElementById(control.id);
      if (!twin) continue;
      if (control.type === 'checkbox') control.checked = twin.hasAttribute('checked');
      else if (control instanceof HTMLSelectElement) {
        const chosen = [...twin.querySelectorAll('option')].find((option) => option.hasAttribute('selected')) ?? twin.querySelector('option');
        control.value = chosen?.getAttribute('value') ?? '';
      } else control.value = twin.getAttribute('value') ?? '';
    }
    for (const hidden of form.querySelectorAll('input[type="hidden"]')) hidden.remove();
    for (const hidden of fresh.querySelectorAll('form[data-module="finder"] input[type="hidden"]')) form.append(document.importNode(hidden, true));
  };

  const announce = (fresh) => {
    const text = fresh.querySelector('[data-module="finder-status"]')?.getAttribute('data-announce') ?? '';
    // the same words twice are not read again by some screen readers: a no-break space tells them apart
    status.textContent = status.textContent === text ? `${text}\u00a0` : text;
  };
  const swapCounts = (fresh, selectors) => {
    for (const label of form.querySelectorAll('.filters label[for]')) {
      const twin = fresh.querySelector(`label[for="${CSS.escape(label.htmlFor)}"]`);
      if (twin) label.innerHTML = twin.innerHTML;
    }
    for (const selector of selectors) {
      const now = form.querySelector(selector);
      const twin = fresh.querySelector(selector);
      if (now && twin) now.innerHTML = twin.innerHTML;
    }
  };
  const isFinderPage = (fresh) => fresh.getElementById('resultater') !== null && fresh.querySelector('[data-module="finder-status"]') !== null && fresh.querySelector('[data-module="error-summary"]') === null;

  /** On a phone, ticks inside the open "Filtrer" only preview: the counts and "Vis N treff" follow, the hits wait for that button. */
  const preview = (fresh) => {
    if (!isFinderPage(fresh)) return false;
    swapCounts(fresh, ['[data-module="hit-count"]']);
    announce(fresh);
    return true;
  };

  /** Takes the changed parts from a fresh page; false when the page is not a finder page with results. */
  const apply = (fresh) => {
    if (!isFinderPage(fresh)) return false;
    const freshResults = fresh.getElementById('resultater');
    document.title = fresh.title;
    syncControls(fresh);
    // the counts beside each filter, "Filtrer (n valgt)", "Vis N treff" and the link that clears the filters
    swapCounts(fresh, ['.filter-disclosure__toggle', '[data-module="hit-count"]']);
    const clear = form.querySelector('.filters__clear');
    const freshClear = fresh.querySelector('.filters__clear');
    if (clear && freshClear) clear.setAttribute('href', freshClear.getAttribute('href') ?? '');
    const focusWasInResults = results.contains(document.activeElement);
    results.innerHTML = freshResults.innerHTML;
    if (focusWasInResults) results.focus();
    announce(fresh);
    // for the form's other scripts (use-location.js clears its "finding your position" line)
    form.dispatchEvent(new CustomEvent('finder:updated'));
    return true;
  };

  let asked = 0;
  let controller;
  const update = async (href, { push, then, previewOnly } = {}) => {
    const mine = ++asked;
    controller?.abort();
    controller = new AbortController();
    if (!previewOnly) results.setAttribute('aria-busy', 'true');
    let response;
    let page;
    try {
      response = await fetch(href, { headers: { accept: 'text/html' }, signal: controller.signal });
      page = await response.text();
    } catch {
      // a newer change took over, or the network failed: then the page loads the plain way
      if (mine === asked && !previewOnly) location.assign(href);
      if (mine === asked) results.removeAttribute('aria-busy');
      return;
    }
    if (mine !== asked) return;
    results.removeAttribute('aria-busy');
    const fresh = new DOMParser().parseFromString(page, 'text/html');
    if (previewOnly) {
      // a count that cannot be had is no reason to leave: the button still applies the filters
      if (response.ok) preview(fresh);
      return;
    }
    // an answer with errors (or not a finder page) is shown as a page of its own
    if (!response.ok || !apply(fresh)) {
      location.assign(href);
      return;
    }
    const landed = response.redirected ? response.url : href;
    const before = shown;
    shown = searchOf(landed);
    // the same search again (pressing "Søk" twice) adds no step to go back through
    if (push && shown !== before) history.pushState({ finder: true }, '', landed);
    else if (push || response.redirected) history.replaceState({ finder: true }, '', landed);
    then?.();
  };

  history.replaceState({ finder: true }, '', location.href);
  window.addEventListener('popstate', () => {
    // a jump to #resultater changes only the fragment: the search shown is still right
    if (searchOf(location.href) !== shown) void update(location.href);
  });

  const showHits = form.querySelector('[data-module="hit-count"]');
  form.addEventListener('change', (event) => {
    const target = event.target;
    if (!isFilter(target)) return;
    // "Vis N treff" is shown only on small screens, where the open filters cover the hits
    const previewOnly = showHits instanceof HTMLElement && showHits.offsetParent !== null && target.closest('.filters') !== null;
    void update(formUrl(), previewOnly ? { previewOnly } : { push: true });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // "Vis N treff" (small screens) closes the filters and moves to the hits it promised
    const toResults = event.submitter instanceof Element && event.submitter.matches('[data-module="hit-count"]');
    void update(formUrl(), {
      push: true,
      then: toResults ? () => {
        const disclosure = form.querySelector('.filter-disclosure');
        if (disclosure instanceof HTMLDetailsElement) disclosure.open = false;
        results.focus();
      } : undefined,
    });
  });
})();
