(function () {
  var root = document.documentElement;
  root.classList.add('js');
  // the site opens in the language it was rendered for (body data-view); a reader's choice is
  // kept per site language, so an English and a Chinese site do not overrule each other
  var key = 'stepwise-lang-' + (document.body.getAttribute('data-view') || 'en');
  function show(which) {
    document.body.classList.remove('only-en', 'only-zh');
    if (which !== 'both') { document.body.classList.add('only-' + which); }
    document.querySelectorAll('.langs button').forEach(function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-show') === which ? 'true' : 'false');
    });
    try { localStorage.setItem(key, which); } catch (e) {}
  }
  document.querySelectorAll('.langs button').forEach(function (b) {
    b.addEventListener('click', function () { show(b.getAttribute('data-show')); });
  });
  try {
    var saved = localStorage.getItem(key);
    if (saved === 'en' || saved === 'zh' || saved === 'both') { show(saved); }
  } catch (e) {}
  // copy a formula's LaTeX; the clipboard API where allowed, else a selected text area
  document.querySelectorAll('button.copy').forEach(function (b) {
    b.addEventListener('click', function () {
      var text = b.getAttribute('data-latex');
      function done() { b.classList.add('copied'); setTimeout(function () { b.classList.remove('copied'); }, 1200); }
      function fallback() {
        var area = document.createElement('textarea');
        area.value = text; area.setAttribute('readonly', ''); area.style.position = 'absolute'; area.style.left = '-9999px';
        document.body.appendChild(area); area.select();
        try { document.execCommand('copy'); done(); } catch (e) {}
        document.body.removeChild(area);
      }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, fallback);
      } else { fallback(); }
    });
  });
  // step by step: show the steps one at a time, or all; hide or show the checks
  var steps = Array.prototype.slice.call(document.querySelectorAll('article.step'));
  var shown = steps.length;
  function reveal(n) {
    shown = Math.max(1, Math.min(n, steps.length));
    steps.forEach(function (s, i) { s.classList.toggle('later', i >= shown); });
    if (shown < steps.length || n === 1) { steps[shown - 1].scrollIntoView({block: 'nearest'}); }
    document.body.setAttribute('data-steps-shown', shown + '/' + steps.length);
  }
  document.querySelectorAll('.controls button').forEach(function (b) {
    b.addEventListener('click', function () {
      var action = b.getAttribute('data-action');
      if (action === 'next') { reveal(shown >= steps.length ? 1 : shown + 1); }
      else if (action === 'all') { reveal(steps.length); }
      else if (action === 'restart') { reveal(1); }
      else if (action === 'checks') {
        var hide = !document.body.classList.contains('no-checks');
        document.body.classList.toggle('no-checks', hide);
        b.setAttribute('aria-pressed', hide ? 'false' : 'true');
      }
    });
  });
  if (steps.length) { document.body.setAttribute('data-steps-shown', shown + '/' + steps.length); }
  window.addEventListener('load', function () {
    var images = document.querySelectorAll('img.formula');
    var loaded = 0;
    images.forEach(function (img) {
      if (img.complete && img.naturalWidth > 0) {
        img.setAttribute('data-loaded', 'yes');
        loaded++;
      } else {
        img.setAttribute('data-loaded', 'no');
        var code = document.createElement('code');
        code.className = 'fallback';
        code.textContent = img.getAttribute('alt');
        img.insertAdjacentElement('afterend', code);
      }
    });
    document.body.setAttribute('data-images-checked', loaded + '/' + images.length);
    // for tests and readers' reports: formulas cut off at this width (wider than the window with
    // no scrolling box around them), and whether the page itself scrolls sideways
    var width = document.documentElement.clientWidth;
    var clipped = 0;
    images.forEach(function (img) {
      var r = img.getBoundingClientRect();
      if (!r.width) { return; }
      var scrolls = false;
      for (var a = img.parentElement; a && !scrolls; a = a.parentElement) {
        var o = getComputedStyle(a).overflowX;
        scrolls = o === 'auto' || o === 'scroll';
      }
      if (r.right > width + 1 && !scrolls) { clipped++; }
    });
    document.body.setAttribute('data-formulas-clipped', String(clipped));
    document.body.setAttribute('data-page-wider', document.documentElement.scrollWidth > width + 1 ? 'yes' : 'no');
    document.body.setAttribute('data-page-height', String(document.documentElement.scrollHeight));
  });
})();
