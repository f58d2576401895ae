// "Bruk posisjonen min" for the finder's search form. Progressive enhancement only: the button
// exists only when this script runs in a browser that can give a position, and it sends the
// position as lat and lon through the same GET form. Without it the place field works as before.
// The texts come from the page (data-* attributes filled from the message catalogue).
(() => {
  if (!('geolocation' in navigator) || !window.isSecureContext) return;
  const policy = document.featurePolicy;
  if (policy && typeof policy.allowsFeature === 'function' && !policy.allowsFeature('geolocation')) return;

  for (const box of document.querySelectorAll('[data-module="use-location"]')) {
    const form = box.closest('form');
    if (!(box instanceof HTMLElement) || !form) continue;
    const text = box.dataset;

    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'ds-button';
    button.dataset.variant = 'secondary';
    button.dataset.size = 'sm';
    button.textContent = text.label ?? '';
    // a polite line for what happens: "finding…", or why no position came
    const status = document.createElement('p');
    status.className = 'ds-paragraph use-location__status';
    status.dataset.size = 'sm';
    status.setAttribute('role', 'status');
    box.append(button, status);

    let busy = false;
    const done = (message) => {
      busy = false;
      button.removeAttribute('aria-disabled');
      status.textContent = message ?? '';
    };
    // the finder may show the results in place (finder.js): then the search from the position is done
    form.addEventListener('finder:updated', () => { if (busy || status.textContent === text.finding) done(); });

    const setField = (name, value) => {
      let input = form.querySelector(`input[type="hidden"][name="${name}"]`);
      if (!input) {
        input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        form.append(input);
      }
      input.value = value;
    };

    button.addEventListener('click', () => {
      if (busy) return;
      busy = true;
      button.setAttribute('aria-disabled', 'true');
      status.textContent = text.finding ?? '';
      navigator.geolocation.getCurrentPosition(
        (position) => {
          // about 100 m: enough to find what is near, and no more exact than that in the address bar
          setField('lat', position.coords.latitude.toFixed(3));
          setField('lon', position.coords.longitude.toFixed(3));
          // the position is the place now: an old place typed in the field would only confuse
          const place = form.elements.namedItem('sted');
          if (place instanceof HTMLInputElement) place.value = '';
          const sort = form.elements.namedItem('sortering');
          if (sort instanceof HTMLSelectElement && sort.value === 'relevans') sort.value = 'avstand';
          done(text.finding);
          if (typeof form.requestSubmit === 'function') form.requestSubmit();
          else form.submit();
        },
        (error) => done(error.code === error.PERMISSION_DENIED ? text.denied : text.unavailable),
        { enableHighAccuracy: false, timeout: 20000, maximumAge: 300000 },
      );
    });
  }
})();
