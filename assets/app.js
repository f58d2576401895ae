// Progressive enhancement only: every form works without this file.
(() => {
  // Filter forms submit themselves when a checkbox or select changes.
  for (const form of document.querySelectorAll('form[data-module="auto-submit"]')) {
    form.addEventListener('change', (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'checkbox') form.requestSubmit();
      if (target instanceof HTMLSelectElement) form.requestSubmit();
    });
  }
  // An error summary takes focus so screen-reader users hear what went wrong.
  const summary = document.querySelector('[data-module="error-summary"]');
  if (summary instanceof HTMLElement) summary.focus();
})();
