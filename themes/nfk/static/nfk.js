// Progressive enhancement for the nfk theme: the site works without this file.
//
// A table wrapper is a scrollable, focusable region in the markup, so that without JavaScript a
// keyboard user can still scroll a wide table. Where the table fits, the region and the tab stop
// are noise (an extra landmark, an extra Tab press): they are taken away, and put back when the
// window narrows and the table no longer fits.
(function () {
  'use strict';
  var wrappers = document.querySelectorAll('.table-scroll');
  if (!wrappers.length) return;
  // A name is only allowed on an element with a role: it is kept aside while the role is off.
  var NAMES = ['aria-label', 'aria-labelledby'];
  function setRegion(w, on) {
    for (var n = 0; n < NAMES.length; n++) {
      var from = on ? 'data-' + NAMES[n] : NAMES[n];
      var to = on ? NAMES[n] : 'data-' + NAMES[n];
      if (w.hasAttribute(from)) {
        w.setAttribute(to, w.getAttribute(from));
        w.removeAttribute(from);
      }
    }
    if (on) {
      w.setAttribute('role', 'region');
      w.setAttribute('tabindex', '0');
    } else {
      w.removeAttribute('role');
      w.removeAttribute('tabindex');
    }
  }
  function update() {
    for (var i = 0; i < wrappers.length; i++) {
      setRegion(wrappers[i], wrappers[i].scrollWidth > wrappers[i].clientWidth + 1);
    }
  }
  update();
  // The table's width changes when the web font arrives or a <details> opens, the wrapper's when
  // the window narrows: watch both where the browser can, else the window and the font.
  if (window.ResizeObserver) {
    var observer = new ResizeObserver(update);
    for (var i = 0; i < wrappers.length; i++) {
      observer.observe(wrappers[i]);
      if (wrappers[i].firstElementChild) observer.observe(wrappers[i].firstElementChild);
    }
  } else {
    window.addEventListener('resize', update);
    window.addEventListener('load', update);
    document.addEventListener('toggle', update, true);
  }
})();

// A print button (the partner page's "Skriv ut"): hidden in the markup, since without JavaScript
// it could do nothing; the browser's own print prints the same page.
(function () {
  'use strict';
  var buttons = document.querySelectorAll('[data-print]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () {
      window.print();
    });
  }
})();
