// Progressive enhancement only: every form works without this file.
(() => {
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
