// Progressive enhancement only: every form works without this file.
(() => {
  // Filter forms submit themselves when a checkbox or select changes.
  for (const form of document.querySelectorAll('form[data-module="auto-submit"]')) {
    // On small screens the finder's filters sit in a "Filtrer" disclosure: a change does not reload
    // the page (that would close it) but updates the count on its "Vis N treff" button.
    const showHits = form.querySelector('[data-module="hit-count"]');
    let asked = 0;
    const updateCount = async () => {
      const mine = ++asked;
      const url = new URL(form.action, location.href);
      url.search = new URLSearchParams(new FormData(form)).toString();
      try {
        const response = await fetch(url, { headers: { accept: 'text/html' } });
        const fresh = new DOMParser().parseFromString(await response.text(), 'text/html').querySelector('[data-module="hit-count"]');
        if (fresh && mine === asked) showHits.textContent = fresh.textContent;
      } catch {
        // the button still submits the form; only the number is not fresh
      }
    };
    form.addEventListener('change', (event) => {
      const target = event.target;
      if (showHits instanceof HTMLElement && showHits.offsetParent !== null && target instanceof Element && target.closest('.filters')) {
        void updateCount();
        return;
      }
      if (target instanceof HTMLInputElement && target.type === 'checkbox') form.requestSubmit();
      if (target instanceof HTMLSelectElement) form.requestSubmit();
    });
  }
  // Leaving a form with changes that are not saved asks first. A form that came back with errors
  // starts as unsaved (data-unsaved): what is in it has not been stored.
  for (const form of document.querySelectorAll('form[data-module="unsaved-warning"]')) {
    let unsaved = form.dataset.unsaved === 'true';
    const mark = () => { unsaved = true; };
    form.addEventListener('input', mark);
    form.addEventListener('change', mark);
    form.addEventListener('submit', () => { unsaved = false; });
    window.addEventListener('beforeunload', (event) => {
      if (!unsaved) return;
      event.preventDefault();
      // older browsers show the dialog only when returnValue is set
      event.returnValue = '';
    });
  }
  // An error summary takes focus so screen-reader users hear what went wrong.
  const summary = document.querySelector('[data-module="error-summary"]');
  if (summary instanceof HTMLElement) summary.focus();
})();
